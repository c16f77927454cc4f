// The token endpoint's client side (client_credentials, client authentication, scope and audience
// checks), Hydra's admin introspection and token deletion, both access token strategies, restarts
// and the janitor. Admin responses are checked against Hydra's OpenAPI spec.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { JsonWebKey, OAuth2Client } from '@ory/client';
import { createLocalJWKSet, decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { sweepExpired } from '../../lib/token-server/storage/janitor';
import { TEST_ENGINE, testDatabase } from '../support/databases';
import { adminApis } from '../support/hydra-admin';
import { assertMatchesSpec } from '../support/openapi';
import { startTestTokenServer, type TestTokenServer } from '../support/token-server';

type TokenResponse = { access_token?: string; token_type?: string; expires_in?: number; scope?: string; error?: string; error_description?: string };

function helpers(server: () => TestTokenServer) {
  const api = () => adminApis(server().adminUrl, server().publicUrl);
  return {
    async createClient(body: OAuth2Client) {
      const res = await api().oauth2.createOAuth2Client({ oAuth2Client: { grant_types: ['client_credentials'], ...body } });
      assertMatchesSpec('POST', '/admin/clients', res.status, res.data);
      return res.data as OAuth2Client & { client_id: string; client_secret: string };
    },
    async token(form: Record<string, string>, basic?: [string, string]): Promise<{ status: number; body: TokenResponse }> {
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
      if (basic) headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(basic[0])}:${encodeURIComponent(basic[1])}`).toString('base64')}`;
      const res = await fetch(`${server().publicUrl}/oauth2/token`, { method: 'POST', headers, body: new URLSearchParams({ grant_type: 'client_credentials', ...form }) });
      return { status: res.status, body: (await res.json()) as TokenResponse };
    },
    async introspect(token: string, scope?: string) {
      const res = await api().oauth2.introspectOAuth2Token({ token, scope });
      assertMatchesSpec('POST', '/admin/oauth2/introspect', res.status, res.data);
      return res.data;
    },
  };
}

describe('token server tokens: client_credentials, introspection, strategies', () => {
  let server: TestTokenServer;
  const h = helpers(() => server);
  before(async () => {
    server = await startTestTokenServer();
  });
  after(async () => server.close());

  it('issues Hydra-shaped opaque tokens with client_secret_basic and client_secret_post', async () => {
    const c = await h.createClient({ scope: 'read write', audience: ['https://api.example.com'] });
    const basic = await h.token({ scope: 'read', audience: 'https://api.example.com/users' }, [c.client_id, c.client_secret]);
    assert.equal(basic.status, 200, JSON.stringify(basic.body));
    assert.match(basic.body.access_token!, /^ory_at_/);
    assert.equal(basic.body.token_type, 'bearer');
    assert.equal(basic.body.scope, 'read');

    const post = await h.token({ client_id: c.client_id, client_secret: c.client_secret, scope: 'read write' });
    assert.equal(post.status, 200);

    const info = await h.introspect(basic.body.access_token!);
    assert.equal(info.active, true);
    assert.equal(info.client_id, c.client_id);
    assert.equal(info.sub, c.client_id);
    assert.equal(info.scope, 'read');
    assert.deepEqual(info.aud, ['https://api.example.com/users']);
    assert.equal(info.token_type, 'Bearer');
    assert.equal(info.token_use, 'access_token');
    assert.equal(info.iss, server.ctx.provider.issuer);
    assert.ok(info.exp! > info.iat! && info.nbf === info.iat);

    // introspection's scope parameter: the token must carry it.
    assert.equal((await h.introspect(basic.body.access_token!, 'read')).active, true);
    assert.equal((await h.introspect(basic.body.access_token!, 'write')).active, false);

    // Token values are stored only as keyed hashes.
    const rows = await server.ctx.db.oidcRecord.findMany({ where: { clientId: c.client_id } });
    assert.ok(rows.length >= 2);
    for (const r of rows) assert.ok(!r.key.includes(basic.body.access_token!.slice(7)) && !r.payload.includes(basic.body.access_token!.slice(7)));
  });

  it('refuses a wrong secret and an unknown client with 401 invalid_client', async () => {
    const c = await h.createClient({});
    for (const attempt of [
      await h.token({}, [c.client_id, 'wrong-secret-value']),
      await h.token({ client_id: c.client_id, client_secret: 'wrong-secret-value' }),
      await h.token({}, ['no-such-client', 'whatever-secret']),
    ]) {
      assert.equal(attempt.status, 401);
      assert.equal(attempt.body.error, 'invalid_client');
    }
  });

  it('refuses scope and audience the client may not ask for', async () => {
    const c = await h.createClient({ scope: 'read', audience: ['https://api.example.com/v1'] });
    const scope = await h.token({ scope: 'read admin' }, [c.client_id, c.client_secret]);
    assert.equal(scope.status, 400);
    assert.equal(scope.body.error, 'invalid_scope');
    const audience = await h.token({ audience: 'https://evil.example.com' }, [c.client_id, c.client_secret]);
    assert.equal(audience.status, 400);
    assert.equal(audience.body.error, 'invalid_request');
    const sibling = await h.token({ audience: 'https://api.example.com/v2' }, [c.client_id, c.client_secret]);
    assert.equal(sibling.status, 400);
  });

  it('authenticates private_key_jwt clients and refuses a replayed assertion', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    const c = await h.createClient({ token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [jwk as JsonWebKey] }, token_endpoint_auth_signing_alg: 'ES256' });
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(c.client_id)
      .setSubject(c.client_id)
      .setAudience(`${server.publicUrl}/oauth2/token`)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime('1m')
      .sign(privateKey);
    const form = { client_id: c.client_id, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: assertion };
    const first = await h.token(form);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const replay = await h.token(form);
    assert.equal(replay.status, 401);
    assert.equal(replay.body.error, 'invalid_client');
  });

  it('authenticates private_key_jwt clients whose keys are at a jwks_uri', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'remote', alg: 'RS256', use: 'sig' }] });
    const keyServer = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
    await new Promise<void>((r) => keyServer.listen(0, '127.0.0.1', r));
    try {
      const jwksUri = `http://127.0.0.1:${(keyServer.address() as AddressInfo).port}/jwks.json`;
      const c = await h.createClient({ token_endpoint_auth_method: 'private_key_jwt', jwks_uri: jwksUri });
      const assertion = await new SignJWT({})
        .setProtectedHeader({ alg: 'RS256', kid: 'remote' })
        .setIssuer(c.client_id)
        .setSubject(c.client_id)
        .setAudience(server.ctx.provider.issuer)
        .setJti(randomUUID())
        .setIssuedAt()
        .setExpirationTime('1m')
        .sign(privateKey);
      const res = await h.token({ client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: assertion });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    } finally {
      keyServer.close();
    }
  });

  it('issues JWT access tokens for clients with access_token_strategy=jwt, verifiable with the public JWKS', async () => {
    const c = await h.createClient({ scope: 'read write', audience: ['https://api.example.com'], access_token_strategy: 'jwt' });
    const res = await h.token({ scope: 'read write', audience: 'https://api.example.com' }, [c.client_id, c.client_secret]);
    assert.equal(res.status, 200);
    const jwks = await (await fetch(`${server.publicUrl}/.well-known/jwks.json`)).json() as { keys: Array<Record<string, unknown>> };
    assert.ok(jwks.keys.every((k) => k.d === undefined));
    const accessKeys = await adminApis(server.adminUrl, server.publicUrl).jwk.getJsonWebKeySet({ set: 'hydra.jwt.access-token' });
    assertMatchesSpec('GET', '/admin/keys/{set}', accessKeys.status, accessKeys.data);
    const { kid } = decodeProtectedHeader(res.body.access_token!);
    assert.equal(kid, accessKeys.data.keys![0]!.kid);
    const { payload } = await jwtVerify(res.body.access_token!, createLocalJWKSet(jwks as never), { issuer: server.ctx.provider.issuer });
    for (const claim of ['iss', 'sub', 'aud', 'exp', 'iat', 'nbf', 'jti', 'client_id', 'scp', 'ext']) assert.ok(claim in payload, `JWT lacks ${claim}`);
    assert.deepEqual(payload.scp, ['read', 'write']);
    assert.deepEqual(payload.aud, ['https://api.example.com']);
    assert.equal(payload.client_id, c.client_id);

    const info = await h.introspect(res.body.access_token!);
    assert.equal(info.active, true);
    assert.equal(info.scope, 'read write');
    assert.deepEqual(info.aud, ['https://api.example.com']);
  });

  it('reports revoked, garbage and deleted-client tokens as inactive', async () => {
    const c = await h.createClient({});
    const { body } = await h.token({}, [c.client_id, c.client_secret]);
    assert.equal((await h.introspect(body.access_token!)).active, true);
    const revoke = await fetch(`${server.publicUrl}/oauth2/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: body.access_token!, client_id: c.client_id, client_secret: c.client_secret }),
    });
    assert.equal(revoke.status, 200);
    assert.deepEqual(await h.introspect(body.access_token!), { active: false });

    for (const garbage of ['garbage', 'ory_at_nope', 'a.b.c', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', 'x'.repeat(10000)]) {
      assert.deepEqual(await h.introspect(garbage), { active: false });
    }

    const jwtClient = await h.createClient({ access_token_strategy: 'jwt' });
    const jwt = (await h.token({}, [jwtClient.client_id, jwtClient.client_secret])).body.access_token!;
    const opaque = (await h.token({}, [c.client_id, c.client_secret])).body.access_token!;
    assert.equal((await h.introspect(jwt)).active, true);
    assert.equal((await h.introspect(opaque)).active, true);
    await adminApis(server.adminUrl, server.publicUrl).oauth2.deleteOAuth2Client({ id: jwtClient.client_id });
    await adminApis(server.adminUrl, server.publicUrl).oauth2.deleteOAuth2Client({ id: c.client_id });
    assert.equal((await h.introspect(jwt)).active, false);
    assert.equal((await h.introspect(opaque)).active, false);

    const missing = await fetch(`${server.adminUrl}/admin/oauth2/introspect`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    assert.equal(missing.status, 400);
    assertMatchesSpec('POST', '/admin/oauth2/introspect', missing.status, await missing.json());
  });

  it("deletes one client's tokens with DELETE /admin/oauth2/tokens", async () => {
    const a = await h.createClient({});
    const b = await h.createClient({});
    const j = await h.createClient({ access_token_strategy: 'jwt' });
    const ta = (await h.token({}, [a.client_id, a.client_secret])).body.access_token!;
    const tb = (await h.token({}, [b.client_id, b.client_secret])).body.access_token!;
    const tj = (await h.token({}, [j.client_id, j.client_secret])).body.access_token!;
    for (const token of [ta, tb, tj]) assert.equal((await h.introspect(token)).active, true);
    const res = await adminApis(server.adminUrl, server.publicUrl).oauth2.deleteOAuth2Token({ clientId: a.client_id });
    assert.equal(res.status, 204);
    assertMatchesSpec('DELETE', '/admin/oauth2/tokens', res.status, res.data);
    assert.equal((await h.introspect(ta)).active, false);
    assert.equal((await h.introspect(tb)).active, true);
    // JWT access tokens end too: Hydra keeps them in its store, and so do we.
    assert.equal((await h.introspect(tj)).active, true);
    await adminApis(server.adminUrl, server.publicUrl).oauth2.deleteOAuth2Token({ clientId: j.client_id });
    assert.equal((await h.introspect(tj)).active, false);
    const noClient = await fetch(`${server.adminUrl}/admin/oauth2/tokens`, { method: 'DELETE' });
    assert.equal(noClient.status, 400);
    assertMatchesSpec('DELETE', '/admin/oauth2/tokens', noClient.status, await noClient.json());
  });
});

describe('token server tokens: jwt by default, expiry and the janitor', () => {
  let server: TestTokenServer;
  const h = helpers(() => server);
  before(async () => {
    server = await startTestTokenServer({ STRATEGIES_ACCESS_TOKEN: 'jwt', TTL_ACCESS_TOKEN: '5s' });
  });
  after(async () => server.close());

  it('uses the jwt strategy unless the client says opaque; expired tokens turn inactive and are swept', async () => {
    const jwtClient = await h.createClient({});
    const opaqueClient = await h.createClient({ access_token_strategy: 'opaque' });
    // Each token is introspected right after it is issued, and the wait is for its own exp: no timing guesses.
    const jwt = (await h.token({}, [jwtClient.client_id, jwtClient.client_secret])).body.access_token!;
    const jwtInfo = await h.introspect(jwt);
    const opaque = (await h.token({}, [opaqueClient.client_id, opaqueClient.client_secret])).body.access_token!;
    const opaqueInfo = await h.introspect(opaque);
    assert.equal(jwt.split('.').length, 3);
    assert.match(opaque, /^ory_at_/);
    assert.equal(jwtInfo.active, true);
    assert.equal(opaqueInfo.active, true);

    const expiry = Math.max(jwtInfo.exp!, opaqueInfo.exp!) * 1000;
    await new Promise((r) => setTimeout(r, Math.max(0, expiry - Date.now()) + 1100));
    assert.deepEqual(await h.introspect(jwt), { active: false });
    assert.deepEqual(await h.introspect(opaque), { active: false });

    const before = await server.ctx.db.oidcRecord.count({ where: { clientId: opaqueClient.client_id } });
    assert.ok(before >= 1);
    assert.equal(await sweepExpired(server.ctx.db, { keepIfYounger: 3600 }), 0);
    assert.ok((await sweepExpired(server.ctx.db, { keepIfYounger: 0, batchSize: 1 })) >= 1);
    assert.equal(await server.ctx.db.oidcRecord.count({ where: { clientId: opaqueClient.client_id } }), 0);
  });
});

describe('token server tokens: restart', () => {
  it('still introspects a token issued before a restart on the same database', async () => {
    const database = await testDatabase('restart');
    const env = { DSN: database.url, URLS_SELF_ISSUER: 'http://127.0.0.1:4444/' };
    let server = await startTestTokenServer(env);
    const h = helpers(() => server);
    try {
      const c = await h.createClient({});
      const jc = await h.createClient({ access_token_strategy: 'jwt' });
      const opaque = (await h.token({}, [c.client_id, c.client_secret])).body.access_token!;
      const jwt = (await h.token({}, [jc.client_id, jc.client_secret])).body.access_token!;
      await server.close();
      server = await startTestTokenServer(env);
      assert.equal((await h.introspect(opaque)).active, true);
      assert.equal((await h.introspect(jwt)).active, true);
    } finally {
      await server.close();
      await database.drop();
    }
  });
});

describe('token server tokens: one server per SQLite file, several on PostgreSQL', () => {
  const sqlite = TEST_ENGINE === 'sqlite';
  it(sqlite ? 'refuses a second server on the same SQLite file until the first stopped' : "runs two servers on one PostgreSQL database, each seeing the other's revocations", async () => {
    const database = await testDatabase('one_server');
    const env = { DSN: database.url };
    const running: TestTokenServer[] = [];
    const start = async () => {
      const server = await startTestTokenServer(env);
      running.push(server);
      return server;
    };
    const stop = async (server: TestTokenServer) => {
      running.splice(running.indexOf(server), 1);
      await server.close();
    };
    try {
      const first = await start();
      const h1 = helpers(() => first);
      const c = await h1.createClient({});
      const token = (await h1.token({}, [c.client_id, c.client_secret])).body.access_token!;
      assert.equal((await h1.introspect(token)).active, true);
      if (sqlite) {
        await assert.rejects(startTestTokenServer(env), /in use by another token server.*PostgreSQL/s);
        assert.equal((await h1.introspect(token)).active, true, 'the first server still serves');
        await stop(first);
        const second = await start();
        assert.equal((await helpers(() => second).introspect(token)).active, true);
      } else {
        // PostgreSQL reads are never cached, so a revocation on one server is seen at once by the other.
        const second = await start();
        assert.equal((await helpers(() => second).introspect(token)).active, true);
        await adminApis(second.adminUrl, second.publicUrl).oauth2.deleteOAuth2Token({ clientId: c.client_id });
        assert.equal((await h1.introspect(token)).active, false);
      }
    } finally {
      for (const server of running.splice(0)) await server.close();
      await database.drop();
    }
  });
});
