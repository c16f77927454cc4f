// Tokens from the authorization code flow, seen from the admin side: Hydra's prefixes, introspection
// of access and refresh tokens with the consent's `ext` and granted audience, both strategies, and
// DELETE /admin/oauth2/tokens ending a code-flow session's tokens.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import { adminApis } from '../support/hydra-admin';
import { REDIRECT_URI, authorizationUrl, createTestClient, exchangeCode, newBrowser, refresh, type TestClient, type Tokens } from '../support/oauth-flow';
import { assertMatchesSpec } from '../support/openapi';
import { startTestTokenServer, type TestTokenServer } from '../support/token-server';

describe('token server tokens: authorization code flow tokens', () => {
  let server: TestTokenServer;
  let api: ReturnType<typeof adminApis>;
  before(async () => {
    server = await startTestTokenServer();
    api = adminApis(server.adminUrl, server.publicUrl);
  });
  after(async () => server.close());

  /** Login and consent accepted through the admin API; returns the code and its PKCE verifier. */
  async function authorizeCode(client: TestClient): Promise<{ code: string; verifier: string }> {
    const browser = newBrowser(server);
    const auth = authorizationUrl(server, client, { scope: 'openid offline photos.read', audience: 'https://api.example.com' });
    const login = (await browser.navigate(auth.url)).url.searchParams.get('login_challenge')!;
    const accepted = await api.oauth2.acceptOAuth2LoginRequest({ loginChallenge: login, acceptOAuth2LoginRequest: { subject: 'alice' } });
    const consent = (await browser.navigate(accepted.data.redirect_to)).url.searchParams.get('consent_challenge')!;
    const granted = await api.oauth2.acceptOAuth2ConsentRequest({
      consentChallenge: consent,
      acceptOAuth2ConsentRequest: {
        grant_scope: ['openid', 'offline', 'photos.read'],
        grant_access_token_audience: ['https://api.example.com'],
        session: { access_token: { team: 'blue' } },
      },
    });
    const callback = (await browser.navigate(granted.data.redirect_to)).url;
    const code = callback.searchParams.get('code')!;
    assert.match(code, /^ory_ac_/);
    return { code, verifier: auth.verifier };
  }

  async function codeFlow(client: TestClient): Promise<Tokens> {
    const { code, verifier } = await authorizeCode(client);
    const res = await exchangeCode(server, client, code, verifier);
    const body = (await res.json()) as Tokens;
    assert.equal(res.status, 200, JSON.stringify(body));
    return body;
  }

  const introspect = async (token: string) => {
    const res = await api.oauth2.introspectOAuth2Token({ token });
    assertMatchesSpec('POST', '/admin/oauth2/introspect', res.status, res.data);
    return res.data;
  };

  it('introspects opaque access and refresh tokens with the consent ext and audience', async () => {
    const client = await createTestClient(server);
    const tokens = await codeFlow(client);
    assert.match(tokens.access_token, /^ory_at_/);
    assert.match(tokens.refresh_token!, /^ory_rt_/);

    const at = await introspect(tokens.access_token);
    assert.equal(at.active, true);
    assert.equal(at.sub, 'alice');
    assert.equal(at.client_id, client.client_id);
    assert.equal(at.token_use, 'access_token');
    assert.deepEqual(at.aud, ['https://api.example.com']);
    assert.deepEqual(at.ext, { team: 'blue' });
    assert.deepEqual(at.scope?.split(' ').sort(), ['offline', 'openid', 'photos.read']);

    const rt = await introspect(tokens.refresh_token!);
    assert.equal(rt.active, true);
    assert.equal(rt.token_use, 'refresh_token');
    assert.equal(rt.sub, 'alice');

    // A used refresh token is inactive; its successor is active.
    const next = (await (await refresh(server, client, tokens.refresh_token!)).json()) as Tokens;
    assert.equal((await introspect(tokens.refresh_token!)).active, false);
    assert.equal((await introspect(next.refresh_token!)).active, true);
    assert.deepEqual((await introspect(next.access_token)).ext, { team: 'blue' });

    const del = await api.oauth2.deleteOAuth2Token({ clientId: client.client_id });
    assertMatchesSpec('DELETE', '/admin/oauth2/tokens', del.status, del.data);
    assert.equal((await introspect(next.access_token)).active, false);
    assert.equal((await introspect(next.refresh_token!)).active, false);
  });

  it('lets a public client (token_endpoint_auth_method none) redeem a code with PKCE only', async () => {
    const client = await createTestClient(server, { token_endpoint_auth_method: 'none' });
    assert.equal(client.client_secret, undefined);
    const redeem = (code: string, verifier?: string) =>
      fetch(`${server.publicUrl}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, client_id: client.client_id, ...(verifier ? { code_verifier: verifier } : {}) }),
      });
    const first = await authorizeCode(client);
    const wrong = await redeem(first.code, 'not-the-verifier-not-the-verifier-not-the-verifier');
    assert.equal(wrong.status, 400);
    assert.equal(((await wrong.json()) as { error: string }).error, 'invalid_grant');
    const second = await authorizeCode(client);
    const ok = await redeem(second.code, second.verifier);
    const tokens = (await ok.json()) as Tokens;
    assert.equal(ok.status, 200, JSON.stringify(tokens));
    assert.equal((await introspect(tokens.access_token)).active, true);
  });

  it('issues JWT access tokens in the code flow with Hydra claims', async () => {
    const client = await createTestClient(server, { access_token_strategy: 'jwt' });
    const tokens = await codeFlow(client);
    const claims = decodeJwt(tokens.access_token);
    assert.equal(claims.sub, 'alice');
    assert.equal(claims.client_id, client.client_id);
    assert.deepEqual(claims.aud, ['https://api.example.com']);
    assert.deepEqual(claims.ext, { team: 'blue' });
    assert.deepEqual((claims.scp as string[]).sort(), ['offline', 'openid', 'photos.read']);
    assert.match(tokens.refresh_token!, /^ory_rt_/);
    const at = await introspect(tokens.access_token);
    assert.equal(at.active, true);
    assert.deepEqual(at.ext, { team: 'blue' });
    assert.deepEqual(at.aud, ['https://api.example.com']);
  });
});
