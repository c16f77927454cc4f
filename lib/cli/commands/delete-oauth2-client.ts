// gatehouse delete oauth2-client ID…: DELETE /admin/clients/{id}; prints each deleted ID.
import { defineCommand, ENDPOINT_HELP, ENDPOINT_OPTIONS, FORMAT_HELP, FORMAT_OPTIONS } from '../command';
import { CliError } from '../errors';
import { adminApi, adminCall, adminEndpoint } from '../endpoints';
import { note, outputFormat, printTable } from '../output';

export const deleteClientCommand = defineCommand({
  name: 'delete oauth2-client',
  aliases: ['delete client'],
  summary: 'delete one or more OAuth 2.0 clients',
  usage: 'ID... [-e URL]',
  description: 'Deletes OAuth 2.0 clients. Each deleted ID is printed; failures are reported and the exit code is 1.',
  flagsHelp: `${ENDPOINT_HELP}\n${FORMAT_HELP}`,
  example: 'gatehouse delete oauth2-client -e http://127.0.0.1:4445 my-client other-client',
  options: { ...ENDPOINT_OPTIONS, ...FORMAT_OPTIONS },
  positionals: { min: 1, max: Infinity },
  async run(flags, ids) {
    const format = outputFormat(flags);
    const endpoint = adminEndpoint(flags);
    const api = adminApi(endpoint);
    const deleted: string[] = [];
    let failed = 0;
    for (const id of ids) {
      try {
        await adminCall(endpoint, () => api.deleteOAuth2Client({ id }));
        deleted.push(id);
      } catch (err) {
        if (!(err instanceof CliError) || /cannot reach/.test(err.message)) throw err;
        note(`${id}: ${err.message}`);
        failed++;
      }
    }
    printTable(format, { header: ['CLIENT ID'], rows: deleted.map((id) => [id]), data: deleted });
    return failed ? 1 : 0;
  },
});
