// The admin API for JSON Web Keys: Hydra's shapes (private keys on admin), rotation taking effect
// without a restart, deletion removing a key from the JWKS, and keys stored encrypted.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { generateJwk, storeKey } from '../../lib/token-server/keys/signing-keys';
import { adminApis, expectHttpError } from '../support/hydra-admin';
import { assertMatchesSpec } from '../support/openapi';
import { startTestTokenServer, type TestTokenServer } from '../support/token-server';

const ACCESS = 'hydra.jwt.access-token';
const ID = 'hydra.openid.id-token';

describe('token server admin API: keys', () => {
  let server: TestTokenServer;
  let api: ReturnType<typeof adminApis>;
  before(async () => {
    server = await startTestTokenServer();
    api = adminApis(server.adminUrl, server.publicUrl);
  });
  after(async () => server.close());

  const publicJwks = async () => {
    const res = await api.wellknown.discoverJsonWebKeys();
    assertMatchesSpec('GET', '/.well-known/jwks.json', res.status, res.data);
    return res.data as JSONWebKeySet;
  };

  const jwtToken = async () => {
    const created = await api.oauth2.createOAuth2Client({ oAuth2Client: { grant_types: ['client_credentials'], access_token_strategy: 'jwt' } });
    const res = await fetch(`${server.publicUrl}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: created.data.client_id!, client_secret: created.data.client_secret! }),
    });
    return ((await res.json()) as { access_token: string }).access_token;
  };

  const introspectActive = async (token: string) => {
    const res = await api.oauth2.introspectOAuth2Token({ token });
    assertMatchesSpec('POST', '/admin/oauth2/introspect', res.status, res.data);
    return res.data.active;
  };

  it('publishes the public keys of both built-in sets and returns private keys on admin', async () => {
    const jwks = await publicJwks();
    for (const set of [ID, ACCESS]) {
      const res = await api.jwk.getJsonWebKeySet({ set });
      assertMatchesSpec('GET', '/admin/keys/{set}', res.status, res.data);
      const key = res.data.keys![0]!;
      assert.ok(key.d, 'admin responses include the private key');
      assert.ok(jwks.keys.some((k) => k.kid === key.kid));
    }
    assert.ok(jwks.keys.every((k) => k.d === undefined));
    const rows = await server.ctx.db.signingKey.findMany();
    for (const row of rows) assert.doesNotMatch(row.privateJwk, /"d"/);
  });

  it('rotates: the new key signs at once, the old one verifies until it is deleted', async () => {
    const before = await jwtToken();
    const oldKid = decodeProtectedHeader(before).kid!;

    const created = await api.jwk.createJsonWebKeySet({ set: ACCESS, createJsonWebKeySet: { alg: 'ES256', use: 'sig', kid: 'rotated-es256' } });
    assert.equal(created.status, 201);
    assertMatchesSpec('POST', '/admin/keys/{set}', created.status, created.data);
    assert.equal(created.data.keys![0]!.kid, 'rotated-es256');
    assert.ok(created.data.keys![0]!.d);

    const got = await api.jwk.getJsonWebKey({ set: ACCESS, kid: 'rotated-es256' });
    assertMatchesSpec('GET', '/admin/keys/{set}/{kid}', got.status, got.data);
    assert.equal(got.data.keys![0]!.kid, 'rotated-es256');

    const afterRotation = await jwtToken();
    assert.equal(decodeProtectedHeader(afterRotation).kid, 'rotated-es256');
    assert.equal(decodeProtectedHeader(afterRotation).alg, 'ES256');
    const jwks = createLocalJWKSet(await publicJwks());
    await jwtVerify(afterRotation, jwks);
    await jwtVerify(before, jwks);
    assert.equal(await introspectActive(before), true);
    assert.equal(await introspectActive(afterRotation), true);

    const deleted = await api.jwk.deleteJsonWebKey({ set: ACCESS, kid: oldKid });
    assert.equal(deleted.status, 204);
    assertMatchesSpec('DELETE', '/admin/keys/{set}/{kid}', deleted.status, deleted.data);
    assert.ok(!(await publicJwks()).keys.some((k) => k.kid === oldKid));
    assert.equal(await introspectActive(before), false);
    assert.equal(await introspectActive(afterRotation), true);
  });

  it('keeps ID-token keys and access-token keys apart', async () => {
    const idKeys = await api.jwk.getJsonWebKeySet({ set: ID });
    const accessKeys = await api.jwk.getJsonWebKeySet({ set: ACCESS });
    const idKids = new Set(idKeys.data.keys!.map((k) => k.kid));
    assert.ok(accessKeys.data.keys!.every((k) => !idKids.has(k.kid)));
  });

  it('manages other sets and answers errors in Hydra shape', async () => {
    const created = await api.jwk.createJsonWebKeySet({ set: 'my-set', createJsonWebKeySet: { alg: 'RS256', use: 'enc', kid: 'enc-1' } });
    assert.equal(created.status, 201);
    assert.ok(!(await publicJwks()).keys.some((k) => k.kid === 'enc-1'), 'only the built-in sets are published');
    const conflict = await expectHttpError('POST', '/admin/keys/{set}', () => api.jwk.createJsonWebKeySet({ set: 'my-set', createJsonWebKeySet: { alg: 'RS256', use: 'enc', kid: 'enc-1' } }));
    assert.equal(conflict.status, 409);
    const badAlg = await expectHttpError('POST', '/admin/keys/{set}', () => api.jwk.createJsonWebKeySet({ set: 'my-set', createJsonWebKeySet: { alg: 'none', use: 'sig', kid: 'x' } }));
    assert.equal(badAlg.status, 400);
    const malformed = await fetch(`${server.adminUrl}/admin/keys/my-set`, { method: 'POST', body: '{"alg":' });
    assert.equal(malformed.status, 400);
    assertMatchesSpec('POST', '/admin/keys/{set}', malformed.status, await malformed.json());

    const del = await api.jwk.deleteJsonWebKeySet({ set: 'my-set' });
    assert.equal(del.status, 204);
    assertMatchesSpec('DELETE', '/admin/keys/{set}', del.status, del.data);
    assert.equal((await expectHttpError('GET', '/admin/keys/{set}', () => api.jwk.getJsonWebKeySet({ set: 'my-set' }))).status, 404);
    assert.equal((await expectHttpError('GET', '/admin/keys/{set}/{kid}', () => api.jwk.getJsonWebKey({ set: ACCESS, kid: 'nope' }))).status, 404);
    assert.equal((await expectHttpError('DELETE', '/admin/keys/{set}/{kid}', () => api.jwk.deleteJsonWebKey({ set: ACCESS, kid: 'nope' }))).status, 404);
  });

  it('replaces a set or one key with PUT', async () => {
    const [k1, k2] = [await generateJwk('ES256', 'sig', 'put-1'), await generateJwk('RS256', 'sig', 'put-2')];
    const put = await api.jwk.setJsonWebKeySet({ set: ACCESS, jsonWebKeySet: { keys: [k1, k2] as never } });
    assertMatchesSpec('PUT', '/admin/keys/{set}', put.status, put.data);
    assert.deepEqual((await api.jwk.getJsonWebKeySet({ set: ACCESS })).data.keys!.map((k) => k.kid), ['put-1', 'put-2']);
    assert.equal(decodeProtectedHeader(await jwtToken()).kid, 'put-1');

    const k3 = await generateJwk('ES256', 'sig', 'put-2');
    const one = await api.jwk.setJsonWebKey({ set: ACCESS, kid: 'put-2', jsonWebKey: k3 as never });
    assertMatchesSpec('PUT', '/admin/keys/{set}/{kid}', one.status, one.data);
    assert.equal((await api.jwk.getJsonWebKey({ set: ACCESS, kid: 'put-2' })).data.keys![0]!.alg, 'ES256');

    const mismatch = await expectHttpError('PUT', '/admin/keys/{set}/{kid}', () => api.jwk.setJsonWebKey({ set: ACCESS, kid: 'other', jsonWebKey: k3 as never }));
    assert.equal(mismatch.status, 400);
    const { d: _d, ...publicOnly } = k3;
    const notPrivate = await expectHttpError('PUT', '/admin/keys/{set}', () => api.jwk.setJsonWebKeySet({ set: ACCESS, jsonWebKeySet: { keys: [publicOnly] as never } }));
    assert.equal(notPrivate.status, 400);
    const broken = await expectHttpError('PUT', '/admin/keys/{set}', () => api.jwk.setJsonWebKeySet({ set: 'other', jsonWebKeySet: { keys: [{ ...publicOnly, x: 'AAAA' }] as never } }));
    assert.equal(broken.status, 400);
    assert.ok((await publicJwks()).keys.some((k) => k.kid === 'put-1'));
  });

  it('regenerates a built-in set that was deleted entirely', async () => {
    await api.jwk.deleteJsonWebKeySet({ set: ACCESS });
    const res = await api.jwk.getJsonWebKeySet({ set: ACCESS });
    assert.equal(res.data.keys!.length, 1);
    const token = await jwtToken();
    assert.equal(decodeProtectedHeader(token).kid, res.data.keys![0]!.kid);
    assert.equal(await introspectActive(token), true);
  });
});

describe('token server keys: several instances on one database', () => {
  it('picks up a rotation another instance wrote to the table', async () => {
    const server = await startTestTokenServer();
    const stopWatch = server.ctx.keys.watch(50);
    try {
      // What another instance's POST /admin/keys does to the shared table.
      await storeKey(server.ctx.db, server.ctx.box, ACCESS, await generateJwk('RS256', 'sig', 'from-elsewhere'));
      let kids: string[] = [];
      for (let i = 0; i < 200 && !kids.includes('from-elsewhere'); i++) {
        await new Promise((r) => setTimeout(r, 50));
        kids = ((await (await fetch(`${server.publicUrl}/.well-known/jwks.json`)).json()) as JSONWebKeySet).keys.map((k) => k.kid!);
      }
      assert.ok(kids.includes('from-elsewhere'));
      assert.equal(server.ctx.keys.accessTokenSigningKey().kid, 'from-elsewhere');
    } finally {
      stopWatch();
      await server.close();
    }
  });
});
