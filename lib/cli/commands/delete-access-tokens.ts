// gatehouse delete access-tokens CLIENT_ID: DELETE /admin/oauth2/tokens?client_id=…
import { defineCommand, ENDPOINT_HELP, ENDPOINT_OPTIONS, FORMAT_HELP, FORMAT_OPTIONS } from '../command';
import { adminApi, adminCall, adminEndpoint } from '../endpoints';
import { outputFormat, printRow } from '../output';

export const deleteAccessTokensCommand = defineCommand({
  name: 'delete access-tokens',
  summary: "delete all of a client's access tokens",
  usage: 'CLIENT_ID [-e URL]',
  description: 'Deletes every access token issued to the client; they introspect as inactive afterwards.',
  flagsHelp: `${ENDPOINT_HELP}\n${FORMAT_HELP}`,
  example: 'gatehouse delete access-tokens -e http://127.0.0.1:4445 my-client',
  options: { ...ENDPOINT_OPTIONS, ...FORMAT_OPTIONS },
  positionals: { min: 1, max: 1 },
  async run(flags, [clientId]) {
    const format = outputFormat(flags);
    const endpoint = adminEndpoint(flags);
    await adminCall(endpoint, () => adminApi(endpoint).deleteOAuth2Token({ clientId: clientId! }));
    printRow(format, { header: ['CLIENT ID'], columns: [clientId!], data: { client_id: clientId } });
  },
});
