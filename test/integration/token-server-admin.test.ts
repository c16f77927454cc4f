// The admin API for clients: CRUD, Hydra's pagination and filters, JSON Patch, validation errors,
// and what is stored (hashed secrets). Every response is checked against Hydra's OpenAPI spec.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { OAuth2Client } from '@ory/client';
import { adminApis, expectHttpError } from '../support/hydra-admin';
import { assertMatchesSpec } from '../support/openapi';
import { startTestTokenServer, type TestTokenServer } from '../support/token-server';

describe('token server admin API: clients', () => {
  let server: TestTokenServer;
  let api: ReturnType<typeof adminApis>;
  before(async () => {
    server = await startTestTokenServer();
    api = adminApis(server.adminUrl, server.publicUrl);
  });
  after(async () => server.close());

  const create = async (body: OAuth2Client) => {
    const res = await api.oauth2.createOAuth2Client({ oAuth2Client: body });
    assertMatchesSpec('POST', '/admin/clients', res.status, res.data);
    return res.data;
  };

  /** client_credentials with a secret: 200 if the secret is the client's, 401 otherwise. */
  const tokenStatus = async (clientId: string, secret: string) =>
    (
      await fetch(`${server.publicUrl}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}` },
        body: 'grant_type=client_credentials',
      })
    ).status;

  it('creates, gets, replaces and deletes a client', async () => {
    const created = await create({ client_name: 'crud', grant_types: ['client_credentials'] });
    assert.equal(created.client_secret?.length, 26);
    assert.equal(created.scope, 'offline_access offline openid');

    const got = await api.oauth2.getOAuth2Client({ id: created.client_id! });
    assertMatchesSpec('GET', '/admin/clients/{id}', got.status, got.data);
    assert.equal(got.data.client_secret, undefined);

    // PUT without a secret keeps the old one.
    const put = await api.oauth2.setOAuth2Client({ id: created.client_id!, oAuth2Client: { client_name: 'replaced', grant_types: ['client_credentials'], owner: 'me' } });
    assertMatchesSpec('PUT', '/admin/clients/{id}', put.status, put.data);
    assert.equal(put.data.client_name, 'replaced');
    assert.equal(put.data.owner, 'me');
    assert.equal(put.data.client_secret, undefined);
    assert.equal(put.data.created_at, created.created_at);
    assert.equal(await tokenStatus(created.client_id!, created.client_secret!), 200);

    // PUT with a secret re-hashes: only the new one works.
    await api.oauth2.setOAuth2Client({ id: created.client_id!, oAuth2Client: { grant_types: ['client_credentials'], client_secret: 'a-brand-new-secret' } });
    assert.equal(await tokenStatus(created.client_id!, 'a-brand-new-secret'), 200);
    assert.equal(await tokenStatus(created.client_id!, created.client_secret!), 401);

    const del = await api.oauth2.deleteOAuth2Client({ id: created.client_id! });
    assert.equal(del.status, 204);
    assertMatchesSpec('DELETE', '/admin/clients/{id}', del.status, del.data);
    const missing = await expectHttpError('GET', '/admin/clients/{id}', () => api.oauth2.getOAuth2Client({ id: created.client_id! }));
    assert.equal(missing.status, 404);
    const missingPut = await expectHttpError('PUT', '/admin/clients/{id}', () => api.oauth2.setOAuth2Client({ id: created.client_id!, oAuth2Client: {} }));
    assert.equal(missingPut.status, 404);
  });

  it('never generates or returns a secret for a public client', async () => {
    const created = await create({ token_endpoint_auth_method: 'none', redirect_uris: ['http://127.0.0.1:9/cb'] });
    assert.equal(created.client_secret, undefined);
  });

  it('stores only a hash of the secret', async () => {
    const created = await create({ client_secret: 'plain-secret-never-stored', grant_types: ['client_credentials'] });
    const row = await server.ctx.db.oAuth2Client.findUnique({ where: { id: created.client_id! } });
    assert.ok(row);
    assert.ok(!row.data.includes('plain-secret-never-stored'));
    // A client_secret_hash in the body is not taken as the stored hash.
    const sneaky = await create({ token_endpoint_auth_method: 'none', redirect_uris: ['http://127.0.0.1:9/cb'], client_secret_hash: 'scrypt$x' } as OAuth2Client);
    const sneakyRow = await server.ctx.db.oAuth2Client.findUnique({ where: { id: sneaky.client_id! } });
    assert.ok(!sneakyRow!.data.includes('scrypt$x'));
  });

  it('lists clients without secrets, paginated with a Link header', async () => {
    for (let i = 0; i < 5; i++) await create({ client_id: `page-${i}`, owner: 'pager', client_name: i === 3 ? 'third' : 'paged', grant_types: ['client_credentials'] });
    const seen: string[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < 5; page++) {
      const res = await api.oauth2.listOAuth2Clients({ owner: 'pager', pageSize: 2, pageToken });
      assertMatchesSpec('GET', '/admin/clients', res.status, res.data);
      for (const c of res.data) assert.equal(c.client_secret, undefined);
      seen.push(...res.data.map((c) => c.client_id!));
      const link = String(res.headers.link);
      assert.match(link, /^<\/admin\/clients\?[^>]*page_size=2[^>]*page_token=[^>]+>; rel="first"/);
      const next = /<([^>]+)>; rel="next"/.exec(link);
      if (!next) break;
      pageToken = new URL(next[1]!, 'http://x').searchParams.get('page_token')!;
    }
    assert.deepEqual(seen, ['page-0', 'page-1', 'page-2', 'page-3', 'page-4']);

    const byName = await api.oauth2.listOAuth2Clients({ clientName: 'third' });
    assertMatchesSpec('GET', '/admin/clients', byName.status, byName.data);
    assert.deepEqual(byName.data.map((c) => c.client_id), ['page-3']);
    const all = await api.oauth2.listOAuth2Clients({});
    assert.ok(all.data.length >= 5);
    assert.doesNotMatch(String(all.headers.link), /rel="next"/);

    const bad = await expectHttpError('GET', '/admin/clients', () => api.oauth2.listOAuth2Clients({ pageToken: 'forged' }));
    assert.equal(bad.status, 400);
    const capped = await fetch(`${server.adminUrl}/admin/clients?page_size=100000`);
    assert.match(String(capped.headers.get('link')), /page_size=500/);
  });

  it('applies an RFC 6902 JSON Patch as Hydra does', async () => {
    const created = await create({ client_name: 'patch-me', grant_types: ['client_credentials'], redirect_uris: ['https://a.example/cb'] });
    const id = created.client_id!;
    const res = await api.oauth2.patchOAuth2Client({
      id,
      jsonPatch: [
        { op: 'replace', path: '/client_name', value: 'patched' },
        { op: 'replace', path: '/metadata/team', value: 'blue' }, // missing path: replace becomes add
        { op: 'add', path: '/redirect_uris/-', value: 'https://b.example/cb' },
      ],
    });
    assertMatchesSpec('PATCH', '/admin/clients/{id}', res.status, res.data);
    assert.equal(res.data.client_name, 'patched');
    assert.deepEqual(res.data.metadata, { team: 'blue' });
    assert.deepEqual(res.data.redirect_uris, ['https://a.example/cb', 'https://b.example/cb']);
    assert.equal(res.data.client_secret, undefined);

    const denied = await expectHttpError('PATCH', '/admin/clients/{id}', () => api.oauth2.patchOAuth2Client({ id, jsonPatch: [{ op: 'replace', path: '/client_id', value: 'other' }] }));
    assert.equal(denied.status, 400);

    await api.oauth2.patchOAuth2Client({ id, jsonPatch: [{ op: 'replace', path: '/client_secret', value: 'patched-secret-value' }] });
    assert.equal(await tokenStatus(id, 'patched-secret-value'), 200);
    assert.equal(await tokenStatus(id, created.client_secret!), 401);
    const row = await server.ctx.db.oAuth2Client.findUnique({ where: { id } });
    assert.ok(!row!.data.includes('patched-secret-value'));

    const invalid = await expectHttpError('PATCH', '/admin/clients/{id}', () => api.oauth2.patchOAuth2Client({ id, jsonPatch: [{ op: 'replace', path: '/redirect_uris', value: 'not-a-list' }] }));
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.error, 'invalid_client_metadata');
    const missing = await expectHttpError('PATCH', '/admin/clients/{id}', () => api.oauth2.patchOAuth2Client({ id: 'nope', jsonPatch: [] }));
    assert.equal(missing.status, 404);
  });

  it('answers invalid documents and malformed bodies with 4xx in Hydra shape', async () => {
    const short = await expectHttpError('POST', '/admin/clients', () => api.oauth2.createOAuth2Client({ oAuth2Client: { client_secret: 'abc' } }));
    assert.equal(short.status, 400);
    assert.equal(short.body.error, 'invalid_client_metadata');
    const wrongType = await expectHttpError('POST', '/admin/clients', () => api.oauth2.createOAuth2Client({ oAuth2Client: { redirect_uris: 'https://x' as unknown as string[] } }));
    assert.equal(wrongType.body.error, 'invalid_client_metadata');

    const raw = async (method: string, path: string, body: string, specPath = path) => {
      const res = await fetch(`${server.adminUrl}${path}`, { method, body, headers: { 'content-type': 'application/json' } });
      const json = await res.json();
      assertMatchesSpec(method, specPath, res.status, json);
      return { status: res.status, json: json as { error: string } };
    };
    assert.equal((await raw('POST', '/admin/clients', '[1,2]')).status, 400);
    assert.equal((await raw('POST', '/admin/clients', 'null')).status, 400);
    assert.equal((await raw('POST', '/admin/clients', `{"client_name":"${'x'.repeat(2 * 1024 * 1024)}"}`)).status, 413);
    const created = await create({ grant_types: ['client_credentials'] });
    const path = `/admin/clients/${created.client_id}`;
    assert.equal((await raw('PATCH', path, '{"op":"replace"}', '/admin/clients/{id}')).status, 400);
    assert.equal((await raw('PATCH', path, '[{"op":"bogus","path":"/x"}]', '/admin/clients/{id}')).status, 400);
    assert.equal((await raw('PATCH', path, '[{"op":"add","path":"/__proto__/polluted","value":1}]', '/admin/clients/{id}')).status, 400);
    assert.equal((await raw('PATCH', path, '[{"op":"add","path":"/client_name/x","value":1}]', '/admin/clients/{id}')).status, 400);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal((await raw('PUT', path, '{broken', '/admin/clients/{id}')).status, 400);
    assert.equal((await raw('PUT', path, '{"client_id":"another"}', '/admin/clients/{id}')).status, 400);
  });
});
