// Relying-party side of the code flow for tests: a client registered through the admin API, an
// authorization URL with PKCE, the token exchange and /userinfo over plain HTTP.
import { createHash, randomBytes } from 'node:crypto';
import { Configuration, OAuth2Api } from '@ory/client';
import { HttpBrowser } from './http-browser';
import type { TestTokenServer } from './token-server';

export const REDIRECT_URI = 'http://127.0.0.1:9/cb';
export const POST_LOGOUT_URI = 'http://127.0.0.1:9/logged-out';

export type TestClient = { client_id: string; client_secret: string };
export type Tokens = { access_token: string; refresh_token?: string; id_token?: string; scope?: string; token_type: string; expires_in: number };

export function adminApi(server: TestTokenServer): OAuth2Api {
  return new OAuth2Api(new Configuration({ basePath: server.adminUrl }));
}

export async function createTestClient(server: TestTokenServer, overrides: Record<string, unknown> = {}): Promise<TestClient> {
  const res = await fetch(`${server.adminUrl}/admin/clients`, {
    method: 'POST',
    body: JSON.stringify({
      redirect_uris: [REDIRECT_URI],
      post_logout_redirect_uris: [POST_LOGOUT_URI],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      scope: 'openid offline_access offline photos.read',
      audience: ['https://api.example.com'],
      ...overrides,
    }),
  });
  if (res.status !== 201) throw new Error(`client creation failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as TestClient;
}

export type AuthRequest = { url: URL; verifier: string; state: string; nonce: string };

export function authorizationUrl(server: TestTokenServer, client: TestClient, params: Record<string, string> = {}): AuthRequest {
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(8).toString('hex');
  const nonce = randomBytes(8).toString('hex');
  const url = new URL(`${server.publicUrl}/oauth2/auth`);
  url.search = new URLSearchParams({
    client_id: client.client_id,
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    scope: 'openid offline',
    state,
    nonce,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    ...params,
  }).toString();
  return { url, verifier, state, nonce };
}

export function newBrowser(server: TestTokenServer): HttpBrowser {
  return new HttpBrowser([server.publicUrl]);
}

export async function exchangeCode(server: TestTokenServer, client: TestClient, code: string, verifier: string): Promise<Response> {
  return fetch(`${server.publicUrl}/oauth2/token`, {
    method: 'POST',
    headers: { authorization: basic(client), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier }),
  });
}

export async function refresh(server: TestTokenServer, client: TestClient, refreshToken: string): Promise<Response> {
  return fetch(`${server.publicUrl}/oauth2/token`, {
    method: 'POST',
    headers: { authorization: basic(client), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }),
  });
}

export async function userinfo(server: TestTokenServer, accessToken: string): Promise<Response> {
  return fetch(`${server.publicUrl}/userinfo`, { headers: { authorization: `Bearer ${accessToken}` } });
}

function basic(client: TestClient): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(client.client_id)}:${encodeURIComponent(client.client_secret)}`).toString('base64')}`;
}
