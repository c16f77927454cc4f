// gatehouse introspect token TOKEN: POST /admin/oauth2/introspect; an unknown or tampered token is active: false.
import { defineCommand, ENDPOINT_HELP, ENDPOINT_OPTIONS, FORMAT_HELP, FORMAT_OPTIONS } from '../command';
import { adminApi, adminCall, adminEndpoint } from '../endpoints';
import { outputFormat, printRow } from '../output';

export const introspectTokenCommand = defineCommand({
  name: 'introspect token',
  summary: 'show whether a token is active and what it carries',
  usage: 'TOKEN [-e URL] [--scope S,...] [--format FORMAT]',
  description: 'Introspects an access or refresh token with the admin API.',
  flagsHelp: `${ENDPOINT_HELP}\n      --scope SCOPE,...         the token must carry these scopes to be active\n${FORMAT_HELP}`,
  example: 'gatehouse introspect token -e http://127.0.0.1:4445 --format json-pretty "$access_token"',
  options: { ...ENDPOINT_OPTIONS, ...FORMAT_OPTIONS, scope: { type: 'string', multiple: true } },
  positionals: { min: 1, max: 1 },
  async run(flags, [token]) {
    const format = outputFormat(flags);
    const endpoint = adminEndpoint(flags);
    const scope = flags.list('scope')?.join(' ');
    const { data } = await adminCall(endpoint, () => adminApi(endpoint).introspectOAuth2Token({ token: token!, scope }));
    printRow(format, {
      header: ['ACTIVE', 'SUBJECT', 'CLIENT ID', 'SCOPE', 'EXPIRY', 'TOKEN USE'],
      columns: [String(data.active), data.sub ?? '', data.client_id ?? '', data.scope ?? '', data.exp ? new Date(data.exp * 1000).toISOString() : '', data.token_use ?? ''],
      data,
    });
  },
});
