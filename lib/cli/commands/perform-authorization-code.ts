// gatehouse perform authorization-code: a one-shot OAuth 2.0 client on 127.0.0.1:<port>. It prints the
// authorization URL (PKCE S256, state, nonce); after the person signs in, the server redirects the
// browser to /callback, where the code is exchanged and the tokens and ID-token claims are printed.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { decodeJwt } from 'jose';
import { CLIENT_OPTIONS, defineCommand, FORMAT_HELP, FORMAT_OPTIONS, PUBLIC_ENDPOINT_HELP } from '../command';
import { clientCredentials, publicEndpoint, publicPost } from '../endpoints';
import { CliError, UsageError } from '../errors';
import { note, outputFormat, printRow, type Format } from '../output';
import { tokenRow, type TokenResponse } from '../token-output';

const random = () => randomBytes(32).toString('base64url');

function openBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  spawn(cmd, args, { stdio: 'ignore', detached: true })
    .on('error', () => note('Could not open a browser; open the URL above yourself.'))
    .unref();
}

function page(title: string, text: string): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><meta charset="utf-8"><title>${esc(title)}</title><h1>${esc(title)}</h1><p>${esc(text)}</p>`;
}

function printResult(format: Format, token: TokenResponse): void {
  const claims = token.id_token ? decodeJwt(token.id_token) : undefined;
  if (format === 'table' || format === 'quiet') {
    printRow(format, tokenRow(token));
    if (claims && format === 'table') console.log(`\nID TOKEN CLAIMS\n${JSON.stringify(claims, null, 2)}`);
    return;
  }
  const row = tokenRow(token);
  printRow(format, { ...row, data: { ...(row.data as object), ...(claims ? { id_token_claims: claims } : {}) } });
}

export const performAuthorizationCodeCommand = defineCommand({
  name: 'perform authorization-code',
  summary: 'sign in through the browser and get tokens (PKCE)',
  usage: '--client-id ID [--client-secret SECRET] [--public-endpoint URL] [--scope S,...] [--port N] [--open]',
  description: `Runs the authorization code flow with PKCE (S256) as a local client. The client must allow the
redirect URI http://127.0.0.1:<port>/callback, the grant type authorization_code and the response type
code. Prints the authorization URL (and with --open opens it), waits for the sign-in, exchanges the
code and prints the access, refresh and ID tokens and the ID token's claims.`,
  flagsHelp: `  -e, --endpoint URL        admin URL, used to derive the public URL\n${PUBLIC_ENDPOINT_HELP}
      --client-id ID            client ID (env OAUTH2_CLIENT_ID)
      --client-secret SECRET    client secret (env OAUTH2_CLIENT_SECRET); omit for public clients
      --scope SCOPE,...         scope to request (default: offline,openid)
      --audience AUD,...        audience to request
      --prompt PROMPT,...       prompt values, e.g. login or consent
      --max-age SECONDS         max_age
      --port N                  port of the local callback server (default 4446)
      --open                    open the authorization URL in a browser
${FORMAT_HELP}`,
  example: `gatehouse create oauth2-client -e http://127.0.0.1:4445 --grant-type authorization_code,refresh_token \\
  --response-type code --scope openid,offline --redirect-uri http://127.0.0.1:4446/callback --format json
gatehouse perform authorization-code --public-endpoint http://127.0.0.1:4444 --client-id "$client_id" --client-secret "$client_secret" --open`,
  options: {
    ...CLIENT_OPTIONS,
    ...FORMAT_OPTIONS,
    scope: { type: 'string', multiple: true },
    audience: { type: 'string', multiple: true },
    prompt: { type: 'string', multiple: true },
    'max-age': { type: 'string' },
    port: { type: 'string' },
    open: { type: 'boolean' },
  },
  async run(flags) {
    const format = outputFormat(flags);
    const endpoint = publicEndpoint(flags);
    const client = clientCredentials(flags, false);
    const port = flags.integer('port') ?? 4446;
    if (port > 65535) throw new UsageError('--port expects a port number');
    const maxAge = flags.integer('max-age');
    const redirectUri = `http://127.0.0.1:${port}/callback`;
    const [state, nonce, verifier] = [random(), random(), random()];

    const auth = new URL(`${endpoint}/oauth2/auth`);
    const params: Record<string, string | undefined> = {
      response_type: 'code',
      client_id: client.id,
      redirect_uri: redirectUri,
      scope: (flags.list('scope') ?? ['offline', 'openid']).join(' '),
      state,
      nonce,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      audience: flags.list('audience')?.join(' '),
      prompt: flags.list('prompt')?.join(' '),
      max_age: maxAge === undefined ? undefined : String(maxAge),
    };
    for (const [k, v] of Object.entries(params)) if (v !== undefined) auth.searchParams.set(k, v);

    const result = await new Promise<TokenResponse>((resolve, reject) => {
      const server: Server = createServer((req, res) => {
        const url = new URL(req.url ?? '/', redirectUri);
        if (url.pathname === '/') {
          res.writeHead(302, { location: auth.toString() }).end();
          return;
        }
        if (url.pathname !== '/callback') {
          res.writeHead(404).end();
          return;
        }
        const finish = (status: number, title: string, text: string, outcome: () => void) => {
          res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(page(title, text));
          server.close();
          server.closeAllConnections();
          outcome();
        };
        const error = url.searchParams.get('error');
        if (error) {
          const description = url.searchParams.get('error_description');
          finish(400, 'Sign-in failed', `${error}: ${description ?? ''}`, () => reject(new CliError(`the authorization server answered ${error}${description ? `: ${description}` : ''}`)));
          return;
        }
        if (url.searchParams.get('state') !== state) {
          res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' }).end(page('Sign-in failed', 'The state parameter does not match.'));
          return;
        }
        const code = url.searchParams.get('code') ?? '';
        publicPost(endpoint, '/oauth2/token', { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier }, client).then(
          (token) => finish(200, 'Signed in', 'You can close this window and return to the terminal.', () => resolve(token as TokenResponse)),
          (err: unknown) => finish(502, 'Sign-in failed', 'The code exchange failed; see the terminal.', () => reject(err)),
        );
      });
      server.once('error', (err: NodeJS.ErrnoException) =>
        reject(err.code === 'EADDRINUSE' ? new CliError(`port ${port} is in use: pass another one with --port`) : err),
      );
      server.listen(port, '127.0.0.1', () => {
        note(`Callback server listening on ${redirectUri}`);
        note(`Open this URL in a browser to sign in (or go to http://127.0.0.1:${port}/):\n\n${auth.toString()}\n`);
        note('Waiting for the sign-in; press Ctrl+C to give up.');
        if (flags.bool('open')) openBrowser(auth.toString());
      });
    });
    printResult(format, result);
  },
});
