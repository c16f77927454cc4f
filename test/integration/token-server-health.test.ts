import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestTokenServer, type TestTokenServer } from '../support/token-server';

describe('token server health and errors', () => {
  let server: TestTokenServer;
  before(async () => {
    server = await startTestTokenServer();
  });
  after(async () => server.close());

  for (const port of ['publicUrl', 'adminUrl'] as const) {
    it(`answers Hydra's health shapes on the ${port === 'publicUrl' ? 'public' : 'admin'} port`, async () => {
      const alive = await fetch(`${server[port]}/health/alive`);
      assert.equal(alive.status, 200);
      assert.deepEqual(await alive.json(), { status: 'ok' });
      const ready = await fetch(`${server[port]}/health/ready`);
      assert.deepEqual(await ready.json(), { status: 'ok' });
    });
  }

  it('serves admin paths with and without the /admin prefix, and 404s in Hydra shape', async () => {
    const a = await fetch(`${server.adminUrl}/admin/version`);
    const b = await fetch(`${server.adminUrl}/version`);
    assert.equal(a.status, 200);
    assert.deepEqual(await a.json(), await b.json());
    const missing = await fetch(`${server.adminUrl}/admin/clients/nope`);
    assert.equal(missing.status, 404);
    assert.deepEqual(await missing.json(), { error: 'Unable to locate the resource', error_description: '' });
  });

  it('answers a malformed body with a 400 in Hydra shape', async () => {
    const res = await fetch(`${server.adminUrl}/admin/clients`, { method: 'POST', body: '{not json' });
    assert.equal(res.status, 400);
    const body = (await res.json()) as { error: string; error_description: string };
    assert.equal(body.error, 'invalid_request');
    assert.match(body.error_description, /JSON/);
  });
});
