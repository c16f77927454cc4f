// A tiny relying party for the e2e tests: its own OAuth2 client created through the admin API, a
// local callback server to land on, PKCE, and the code exchange at Hydra's token endpoint.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Configuration, OAuth2Api, type OAuth2Client } from '@ory/client';

export type RelyingParty = { clientId: string; clientSecret: string; redirectUri: string; close: () => Promise<void> };

/** Serves /callback with a plain page so the browser lands somewhere we control. */
async function callbackServer(): Promise<{ server: Server; origin: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>callback</title><p>back at the client</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export function adminApi(adminUrl: string): OAuth2Api {
  return new OAuth2Api(new Configuration({ basePath: adminUrl }));
}

export async function createRelyingParty(adminUrl: string, extra: Partial<OAuth2Client> = {}): Promise<RelyingParty> {
  const { server, origin } = await callbackServer();
  const redirectUri = `${origin}/callback`;
  const { data } = await adminApi(adminUrl).createOAuth2Client({
    oAuth2Client: {
      client_name: 'Test Relying Party',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      scope: 'openid offline_access profile email phone address',
      redirect_uris: [redirectUri],
      post_logout_redirect_uris: [`${origin}/logged-out`],
      token_endpoint_auth_method: 'client_secret_basic',
      ...extra,
    },
  });
  return {
    clientId: data.client_id!,
    clientSecret: data.client_secret!,
    redirectUri,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type AuthRequest = { url: string; verifier: string; state: string };

export function authorizationUrl(publicUrl: string, rp: RelyingParty, params: Record<string, string> = {}): AuthRequest {
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(12).toString('base64url');
  const url = new URL('/oauth2/auth', publicUrl);
  url.search = new URLSearchParams({
    client_id: rp.clientId,
    response_type: 'code',
    redirect_uri: rp.redirectUri,
    scope: 'openid email profile',
    state,
    nonce: randomBytes(12).toString('base64url'),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    ...params,
  }).toString();
  return { url: url.toString(), verifier, state };
}

export type TokenResponse = { access_token: string; id_token?: string; refresh_token?: string; scope: string };

export async function exchangeCode(publicUrl: string, rp: RelyingParty, code: string, verifier: string): Promise<TokenResponse> {
  const res = await fetch(new URL('/oauth2/token', publicUrl), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(rp.clientId)}:${encodeURIComponent(rp.clientSecret)}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: rp.redirectUri, code_verifier: verifier }),
  });
  const body = (await res.json()) as TokenResponse & { error?: string };
  if (!res.ok) throw new Error(`token exchange failed: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

export function decodeJwt(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}
