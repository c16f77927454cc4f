// `gatehouse perform authorization-code` driven over plain HTTP (login and consent accepted through
// the admin API with @ory/client), and `gatehouse janitor` on the token server's database.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Configuration, OAuth2Api } from '@ory/client';
import { gatehouse, spawnGatehouse } from '../support/cli';
import { HttpBrowser } from '../support/http-browser';
import { freePort } from '../support/ports';
import { startTestTokenServer, type TestTokenServer } from '../support/token-server';

type Client = { client_id: string; client_secret: string };

describe('gatehouse CLI: flows and janitor', () => {
  let server: TestTokenServer;
  let port: number;
  let client: Client;

  before(async () => {
    server = await startTestTokenServer();
    port = await freePort();
    const created = await gatehouse([
      'create', 'oauth2-client', '-e', server.adminUrl, '--format', 'json',
      '--grant-type', 'authorization_code,refresh_token', '--response-type', 'code',
      '--scope', 'openid,offline,offline_access', '--redirect-uri', `http://127.0.0.1:${port}/callback`,
    ]);
    assert.equal(created.code, 0, created.stderr);
    client = JSON.parse(created.stdout) as Client;
  });
  after(async () => server.close());

  function perform() {
    return spawnGatehouse([
      'perform', 'authorization-code', '-e', server.adminUrl, '--public-endpoint', server.publicUrl,
      '--client-id', client.client_id, '--client-secret', client.client_secret, '--port', String(port), '--format', 'json',
    ]);
  }

  it('prints an authorization URL with PKCE S256, state, nonce and the local redirect URI', async () => {
    const run = perform();
    try {
      const [, printed] = await run.waitFor(/^(http:\/\/\S+\/oauth2\/auth\?\S+)$/m);
      const url = new URL(printed!);
      assert.equal(url.origin, server.publicUrl);
      const p = url.searchParams;
      assert.equal(p.get('response_type'), 'code');
      assert.equal(p.get('client_id'), client.client_id);
      assert.equal(p.get('redirect_uri'), `http://127.0.0.1:${port}/callback`);
      assert.equal(p.get('scope'), 'offline openid');
      assert.equal(p.get('code_challenge_method'), 'S256');
      assert.match(p.get('code_challenge')!, /^[A-Za-z0-9_-]{43}$/);
      assert.match(p.get('state')!, /^[A-Za-z0-9_-]{43}$/);
      assert.ok(p.get('nonce'));
    } finally {
      run.child.kill();
      await run.exited;
    }
  });

  it('completes the code exchange when the flow is driven through the admin API', async () => {
    const run = perform();
    try {
      const [, printed] = await run.waitFor(/^(http:\/\/\S+\/oauth2\/auth\?\S+)$/m);
      const admin = new OAuth2Api(new Configuration({ basePath: server.adminUrl }));
      const browser = new HttpBrowser([server.publicUrl]);

      const atLogin = await browser.navigate(printed!);
      const loginChallenge = atLogin.url.searchParams.get('login_challenge');
      assert.ok(loginChallenge, `expected the login URL, got ${atLogin.url}`);
      const login = await admin.acceptOAuth2LoginRequest({ loginChallenge, acceptOAuth2LoginRequest: { subject: 'ada@example.com' } });

      const atConsent = await browser.navigate(login.data.redirect_to);
      const consentChallenge = atConsent.url.searchParams.get('consent_challenge');
      assert.ok(consentChallenge, `expected the consent URL, got ${atConsent.url}`);
      const { data: request } = await admin.getOAuth2ConsentRequest({ consentChallenge });
      const consent = await admin.acceptOAuth2ConsentRequest({
        consentChallenge,
        acceptOAuth2ConsentRequest: { grant_scope: request.requested_scope, grant_access_token_audience: request.requested_access_token_audience },
      });

      const atCallback = await browser.navigate(consent.data.redirect_to);
      assert.equal(atCallback.url.origin, `http://127.0.0.1:${port}`);
      assert.equal(atCallback.url.pathname, '/callback');
      const page = await fetch(atCallback.url);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /Signed in/);

      const result = await run.exited;
      assert.equal(result.code, 0, result.stderr);
      const tokens = JSON.parse(result.stdout) as { access_token: string; refresh_token: string; id_token: string; id_token_claims: { sub: string; aud: string[] | string; nonce: string } };
      assert.match(tokens.access_token, /^ory_at_/);
      assert.match(tokens.refresh_token, /^ory_rt_/);
      assert.equal(tokens.id_token.split('.').length, 3);
      assert.equal(tokens.id_token_claims.sub, 'ada@example.com');
      assert.equal(new URL(printed!).searchParams.get('nonce'), tokens.id_token_claims.nonce);

      const introspected = await gatehouse(['introspect', 'token', '-e', server.adminUrl, '--format', 'json', tokens.access_token]);
      assert.equal((JSON.parse(introspected.stdout) as { active: boolean }).active, true);
    } finally {
      if (run.child.exitCode === null) run.child.kill();
      await run.exited;
    }
  });

  it('janitor deletes records expired longer ago than --keep-if-younger, in batches, with progress', async () => {
    const db = server.ctx.db;
    const now = Math.floor(Date.now() / 1000);
    const record = (key: string, expiresAt: number) => ({ key: `cli-janitor:${key}`, kind: 'AccessToken', payload: '{}', expiresAt: BigInt(expiresAt) });
    await db.oidcRecord.createMany({
      data: [...[1, 2, 3, 4, 5].map((i) => record(`old-${i}`, now - 7200 - i)), record('recent', now - 600), record('live', now + 3600)],
    });
    const dsnOf = server.ctx.config.DSN;
    const dsn = dsnOf.kind === 'sqlite' ? `sqlite://${dsnOf.file}` : dsnOf.kind === 'postgresql' ? dsnOf.url : 'memory';

    const res = await gatehouse(['janitor', dsn, '--keep-if-younger', '1h', '--batch-size', '2']);
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stderr, /deleted 2 so far\n.*deleted 4 so far\n.*deleted 5 so far/s);
    assert.match(res.stderr, /Deleted 5 expired records\./);
    const left = await db.oidcRecord.findMany({ where: { key: { startsWith: 'cli-janitor:' } }, select: { key: true } });
    assert.deepEqual(left.map((r) => r.key).sort(), ['cli-janitor:live', 'cli-janitor:recent']);

    const bad = await gatehouse(['janitor', dsn, '--keep-if-younger', 'soon']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--keep-if-younger expects a duration/);
  });
});
