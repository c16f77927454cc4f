// gatehouse update oauth2-client ID: PATCH /admin/clients/{id} with one "replace" per flag given.
import { CLIENT_FLAGS_HELP, CLIENT_OPTIONS, clientFieldsFromFlags } from '../client-flags';
import { clientRow } from '../client-output';
import { defineCommand, ENDPOINT_HELP, ENDPOINT_OPTIONS, FORMAT_HELP, FORMAT_OPTIONS } from '../command';
import { adminApi, adminCall, adminEndpoint } from '../endpoints';
import { UsageError } from '../errors';
import { outputFormat, printRow } from '../output';

export const updateClientCommand = defineCommand({
  name: 'update oauth2-client',
  aliases: ['update client'],
  summary: 'change fields of an OAuth 2.0 client',
  usage: 'ID [-e URL] [flags]',
  description: 'Sends a JSON Patch (RFC 6902) that replaces exactly the fields whose flags are given; every other field keeps its value.',
  flagsHelp: `${ENDPOINT_HELP}\n${CLIENT_FLAGS_HELP}\n${FORMAT_HELP}`,
  example: 'gatehouse update oauth2-client -e http://127.0.0.1:4445 my-client --redirect-uri http://127.0.0.1:5555/callback --skip-consent',
  options: { ...ENDPOINT_OPTIONS, ...FORMAT_OPTIONS, ...CLIENT_OPTIONS },
  positionals: { min: 1, max: 1 },
  async run(flags, [id]) {
    const format = outputFormat(flags);
    const endpoint = adminEndpoint(flags);
    const fields = clientFieldsFromFlags(flags);
    if (Object.keys(fields).length === 0) throw new UsageError('nothing to update: give at least one client flag');
    const jsonPatch = Object.entries(fields).map(([field, value]) => ({ op: 'replace' as const, path: `/${field}`, value }));
    const { data } = await adminCall(endpoint, () => adminApi(endpoint).patchOAuth2Client({ id: id!, jsonPatch }));
    printRow(format, clientRow(data));
  },
});
