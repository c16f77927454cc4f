// gatehouse revoke token TOKEN: POST /oauth2/revoke on the public API, authenticated as the client.
import { CLIENT_OPTIONS, defineCommand, FORMAT_OPTIONS, PUBLIC_ENDPOINT_HELP } from '../command';
import { clientCredentials, publicEndpoint, publicPost } from '../endpoints';
import { outputFormat, printRow } from '../output';

export const revokeTokenCommand = defineCommand({
  name: 'revoke token',
  summary: 'revoke an access or refresh token',
  usage: 'TOKEN [--public-endpoint URL] --client-id ID [--client-secret SECRET]',
  description: 'Revokes a token (RFC 7009) as the client it was issued to. Like Hydra, revoking an unknown token succeeds.',
  flagsHelp: `  -e, --endpoint URL        admin URL, used to derive the public URL\n${PUBLIC_ENDPOINT_HELP}
      --client-id ID            client ID (env OAUTH2_CLIENT_ID)
      --client-secret SECRET    client secret (env OAUTH2_CLIENT_SECRET); omit for public clients
  -q, --quiet                   print nothing on success`,
  example: 'gatehouse revoke token --public-endpoint http://127.0.0.1:4444 --client-id "$client_id" --client-secret "$client_secret" "$access_token"',
  options: { ...CLIENT_OPTIONS, ...FORMAT_OPTIONS },
  positionals: { min: 1, max: 1 },
  async run(flags, [token]) {
    const format = outputFormat(flags);
    const endpoint = publicEndpoint(flags);
    await publicPost(endpoint, '/oauth2/revoke', { token }, clientCredentials(flags, false));
    if (format !== 'quiet') printRow(format, { header: ['REVOKED'], columns: ['true'], data: { revoked: true } });
  },
});
