// gatehouse create oauth2-client: POST /admin/clients with the flags' fields; the secret is shown once.
import type { OAuth2Client } from '@ory/client';
import { CLIENT_FLAGS_HELP, CLIENT_OPTIONS, clientFieldsFromFlags } from '../client-flags';
import { clientRow } from '../client-output';
import { defineCommand, ENDPOINT_HELP, ENDPOINT_OPTIONS, FORMAT_HELP, FORMAT_OPTIONS } from '../command';
import { adminApi, adminCall, adminEndpoint } from '../endpoints';
import { outputFormat, printRow } from '../output';

export const createClientCommand = defineCommand({
  name: 'create oauth2-client',
  aliases: ['create client'],
  summary: 'create an OAuth 2.0 client',
  usage: '[-e URL] [flags]',
  description: 'Creates an OAuth 2.0 client. Without --secret a secret is generated and printed once (public clients, --token-endpoint-auth-method none, get none).',
  flagsHelp: `${ENDPOINT_HELP}\n      --id ID                           client_id (default: a generated UUID)\n${CLIENT_FLAGS_HELP}\n${FORMAT_HELP}`,
  example: 'gatehouse create oauth2-client -e http://127.0.0.1:4445 --grant-type client_credentials --format json',
  options: { ...ENDPOINT_OPTIONS, ...FORMAT_OPTIONS, ...CLIENT_OPTIONS, id: { type: 'string' } },
  async run(flags) {
    const format = outputFormat(flags);
    const endpoint = adminEndpoint(flags);
    const body = { ...(flags.has('id') ? { client_id: flags.string('id') } : {}), ...clientFieldsFromFlags(flags) } as OAuth2Client;
    const { data } = await adminCall(endpoint, () => adminApi(endpoint).createOAuth2Client({ oAuth2Client: body }));
    printRow(format, clientRow(data));
  },
});
