// lib/hydra against a stand-in admin API: wire types in, the app's types out, and every failure
// (404, 401, 410, Hydra down) as its typed error.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

let server: Server;
let lib: typeof import('../../lib/hydra');
const seen: { method: string; url: string; body: string }[] = [];

const loginRequest = {
  challenge: 'ok',
  skip: false,
  subject: '',
  client: { client_id: 'app', client_name: '', logo_uri: 'https://example.com/logo.png' },
  request_url: 'http://hydra.invalid/oauth2/auth',
  requested_scope: ['openid', 'email'],
  oidc_context: { login_hint: 'ada@example.com', ui_locales: ['de-CH fr'] },
};

before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', body });
      const challenge = new URL(req.url ?? '/', 'http://x').searchParams.get('login_challenge');
      const send = (status: number, data: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(data));
      if (challenge === 'gone') return send(410, { redirect_to: 'http://hydra.invalid/oauth2/auth?login_verifier=v' });
      if (challenge === 'old') return send(401, { error: 'request_unauthorized', error_description: 'expired' });
      if (challenge === 'boom') return send(500, { error: 'server_error' });
      if (challenge !== 'ok') return send(404, { error: 'Unable to locate the resource', error_description: '' });
      if (req.method === 'PUT') return send(200, { redirect_to: 'http://hydra.invalid/oauth2/auth?login_verifier=abc' });
      return send(200, loginRequest);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  Object.assign(process.env, {
    GATEHOUSE_DEV: '1',
    HYDRA_ADMIN_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    HYDRA_PUBLIC_URL: 'http://hydra.invalid',
    DATABASE_URL: 'file:/tmp/unused.sqlite',
    APP_URL: 'http://127.0.0.1:3000',
    APP_SECRETS: 'a-development-secret',
  });
  lib = await import('../../lib/hydra');
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('lib/hydra against the admin API', () => {
  it("converts a login request into the app's own type", async () => {
    const request = await lib.getLoginRequest('ok');
    assert.deepEqual(request, {
      challenge: 'ok',
      skip: false,
      subject: '',
      client: { id: 'app', name: 'app', logoUri: 'https://example.com/logo.png', clientUri: undefined, policyUri: undefined, tosUri: undefined, skipConsent: false, skipLogoutConsent: false },
      requestedScope: ['openid', 'email'],
      loginHint: 'ada@example.com',
      uiLocales: ['de-CH', 'fr'],
    });
  });
  it('accepts with the subject, remember, acr and amr, and returns redirect_to', async () => {
    const to = await lib.acceptLogin('ok', { subject: 'user-1', remember: true, rememberFor: 3600, acr: '0', amr: ['pwd'], context: { a: 1 } });
    assert.equal(to, 'http://hydra.invalid/oauth2/auth?login_verifier=abc');
    const put = seen.at(-1)!;
    assert.equal(put.method, 'PUT');
    assert.match(put.url, /\/admin\/oauth2\/auth\/requests\/login\/accept\?login_challenge=ok/);
    assert.deepEqual(JSON.parse(put.body), { subject: 'user-1', remember: true, remember_for: 3600, acr: '0', amr: ['pwd'], context: { a: 1 } });
  });
  it('maps 404, 401, 410 and 500 to typed errors', async () => {
    await assert.rejects(lib.getLoginRequest('nope'), lib.ChallengeNotFound);
    await assert.rejects(lib.getLoginRequest('old'), lib.ChallengeExpired);
    await assert.rejects(lib.getLoginRequest('gone'), (err: unknown) => err instanceof lib.ChallengeHandled && err.redirectTo === 'http://hydra.invalid/oauth2/auth?login_verifier=v');
    await assert.rejects(lib.getLoginRequest('boom'), lib.HydraUnavailable);
  });
  it('reports Hydra being down as unavailable', async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await assert.rejects(lib.getLoginRequest('ok'), lib.HydraUnavailable);
    server.listen(0);
  });
});
