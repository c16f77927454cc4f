// Starts the real token server in-process on free ports with a throw-away database.
import { loadTokenServerConfig } from '../../lib/config';
import { startTokenServer } from '../../lib/token-server/main';
import { testDatabase } from './databases';
import { freePort } from './ports';

export type TestTokenServer = Awaited<ReturnType<typeof startTestTokenServer>>;

/**
 * The environment of a throw-away token server on loopback: development mode, the given ports and
 * database, and the login app at `appUrl` (a closed port when the test drives the admin API itself).
 */
export function tokenServerEnvironment(o: { publicPort: number; adminPort: number; dsn: string; appUrl?: string; secret?: string }): Record<string, string> {
  const appUrl = o.appUrl ?? 'http://127.0.0.1:9';
  return {
    GATEHOUSE_DEV: '1',
    DSN: o.dsn,
    SECRETS_SYSTEM: o.secret ?? 'test-secret-test-secret-test-secret-0001',
    URLS_SELF_ISSUER: `http://127.0.0.1:${o.publicPort}/`,
    URLS_LOGIN: `${appUrl}/login`,
    URLS_CONSENT: `${appUrl}/consent`,
    URLS_LOGOUT: `${appUrl}/logout`,
    URLS_ERROR: `${appUrl}/error`,
    URLS_POST_LOGOUT_REDIRECT: `${appUrl}/`,
    SERVE_PUBLIC_PORT: String(o.publicPort),
    SERVE_ADMIN_PORT: String(o.adminPort),
    SERVE_HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
}

export async function startTestTokenServer(env: Record<string, string> = {}) {
  const [publicPort, adminPort] = [await freePort(), await freePort()];
  const database = await testDatabase('token_server');
  const publicUrl = `http://127.0.0.1:${publicPort}`;
  const config = loadTokenServerConfig({ ...tokenServerEnvironment({ publicPort, adminPort, dsn: database.url }), ...env });
  const server = await startTokenServer(config, { migrate: true });
  return {
    ...server,
    publicUrl,
    adminUrl: `http://127.0.0.1:${adminPort}`,
    async close() {
      await server.close();
      await database.drop();
    },
  };
}
