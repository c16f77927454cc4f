import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ConfigError, loadAppConfig } from '../../lib/config';
import { blockListOf } from '../../lib/security/cidr';
import { clientIp } from '../../lib/security/client-ip';

const appEnv = {
  GATEHOUSE_DEV: '1',
  HYDRA_ADMIN_URL: 'http://127.0.0.1:4445',
  HYDRA_PUBLIC_URL: 'http://127.0.0.1:4444',
  APP_URL: 'http://127.0.0.1:3000',
  APP_SECRETS: 'gatehouse-dev-a-secret-for-the-unit-tests',
  DATABASE_URL: 'file:/tmp/unused.sqlite',
};

/** A real server on loopback that answers with the client address it works out under `trusted`. */
describe('client address for throttling', () => {
  let server: Server;
  let port: number;
  let trusted: readonly string[] = [];
  before(async () => {
    server = createServer((req, res) => res.end(clientIp(req, blockListOf(trusted)!)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const ask = (headers: Record<string, string>) =>
    new Promise<string>((resolve, reject) => {
      request({ host: '127.0.0.1', port, headers }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c));
        res.on('end', () => resolve(body));
      }).on('error', reject).end();
    });

  it('believes X-Forwarded-For (its last entry, added by the proxy) from a trusted proxy', async () => {
    trusted = loadAppConfig(appEnv).TRUSTED_PROXIES;
    assert.deepEqual(trusted, ['loopback', 'private']);
    assert.equal(await ask({ 'x-forwarded-for': '203.0.113.9, 198.51.100.7' }), '198.51.100.7');
    assert.equal(await ask({}), '127.0.0.1');
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy, so a client cannot choose its throttle key', async () => {
    trusted = loadAppConfig({ ...appEnv, TRUSTED_PROXIES: '10.0.0.0/8, fd00::/8' }).TRUSTED_PROXIES;
    assert.equal(await ask({ 'x-forwarded-for': '203.0.113.9' }), '127.0.0.1');
  });

  it('refuses a setting that is not loopback, private or CIDR blocks, naming the variable', () => {
    assert.throws(() => loadAppConfig({ ...appEnv, TRUSTED_PROXIES: 'private,10.0.0.0/33' }), (err: unknown) => err instanceof ConfigError && /TRUSTED_PROXIES/.test(err.message));
  });
});
