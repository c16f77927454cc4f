// gatehouse perform client-credentials: POST /oauth2/token with grant_type=client_credentials.
import { CLIENT_OPTIONS, defineCommand, FORMAT_HELP, FORMAT_OPTIONS, PUBLIC_ENDPOINT_HELP } from '../command';
import { clientCredentials, publicEndpoint, publicPost } from '../endpoints';
import { outputFormat, printRow } from '../output';
import { tokenRow, type TokenResponse } from '../token-output';

export const performClientCredentialsCommand = defineCommand({
  name: 'perform client-credentials',
  summary: 'get an access token with the client credentials grant',
  usage: '[--public-endpoint URL] --client-id ID --client-secret SECRET [--scope S,...] [--audience A,...]',
  description: 'Performs the OAuth 2.0 client credentials grant and prints the access token.',
  flagsHelp: `  -e, --endpoint URL        admin URL, used to derive the public URL\n${PUBLIC_ENDPOINT_HELP}
      --client-id ID            client ID (env OAUTH2_CLIENT_ID)
      --client-secret SECRET    client secret (env OAUTH2_CLIENT_SECRET)
      --scope SCOPE,...         scope to request
      --audience AUD,...        audience to request
${FORMAT_HELP}`,
  example: 'gatehouse perform client-credentials --public-endpoint http://127.0.0.1:4444 --client-id "$client_id" --client-secret "$client_secret"',
  options: {
    ...CLIENT_OPTIONS,
    ...FORMAT_OPTIONS,
    scope: { type: 'string', multiple: true },
    audience: { type: 'string', multiple: true },
  },
  async run(flags) {
    const format = outputFormat(flags);
    const endpoint = publicEndpoint(flags);
    const client = clientCredentials(flags, true);
    const token = (await publicPost(
      endpoint,
      '/oauth2/token',
      { grant_type: 'client_credentials', scope: flags.list('scope')?.join(' '), audience: flags.list('audience')?.join(' ') },
      client,
    )) as TokenResponse;
    printRow(format, tokenRow(token));
  },
});
