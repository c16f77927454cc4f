// gatehouse get oauth2-client ID…: GET /admin/clients/{id} for each ID.
import { clientRow, clientTable } from '../client-output';
import { defineCommand, ENDPOINT_HELP, ENDPOINT_OPTIONS, FORMAT_HELP, FORMAT_OPTIONS } from '../command';
import { adminApi, adminCall, adminEndpoint } from '../endpoints';
import { outputFormat, printRow, printTable } from '../output';

export const getClientCommand = defineCommand({
  name: 'get oauth2-client',
  aliases: ['get client'],
  summary: 'show one or more OAuth 2.0 clients',
  usage: 'ID... [-e URL] [--format FORMAT]',
  description: 'Shows OAuth 2.0 clients by ID. The secret is never returned.',
  flagsHelp: `${ENDPOINT_HELP}\n${FORMAT_HELP}`,
  example: 'gatehouse get oauth2-client -e http://127.0.0.1:4445 my-client --format yaml',
  options: { ...ENDPOINT_OPTIONS, ...FORMAT_OPTIONS },
  positionals: { min: 1, max: Infinity },
  async run(flags, ids) {
    const format = outputFormat(flags);
    const endpoint = adminEndpoint(flags);
    const api = adminApi(endpoint);
    const clients = [];
    for (const id of ids) clients.push((await adminCall(endpoint, () => api.getOAuth2Client({ id }))).data);
    if (clients.length === 1) printRow(format, clientRow(clients[0]!));
    else printTable(format, clientTable(clients));
  },
});
