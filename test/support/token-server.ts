// Starts the real token server in-process on free ports with a throw-away database.
import { loadTokenServerConfig } from '../../lib/config';
import { startTokenServer } from '../../lib/token-server/main';
import { testDatabase } from './databases';
import { freePort } from './ports';

export type TestTokenServer = Awaited<ReturnType<typeof startTestTokenServer>>;

export async function startTestTokenServer(env: Record<string, string> = {}) {
  const [publicPort, adminPort] = [await freePort(), await freePort()];
  const database = await testDatabase('token_server');
  const publicUrl = `http://127.0.0.1:${publicPort}`;
  const config = loadTokenServerConfig({
    GATEHOUSE_DEV: '1',
    DSN: database.url,
    SECRETS_SYSTEM: 'test-secret-test-secret-test-secret-0001',
    URLS_SELF_ISSUER: `${publicUrl}/`,
    URLS_LOGIN: 'http://127.0.0.1:9/login',
    URLS_CONSENT: 'http://127.0.0.1:9/consent',
    URLS_LOGOUT: 'http://127.0.0.1:9/logout',
    URLS_ERROR: 'http://127.0.0.1:9/error',
    URLS_POST_LOGOUT_REDIRECT: 'http://127.0.0.1:9/',
    SERVE_PUBLIC_PORT: String(publicPort),
    SERVE_ADMIN_PORT: String(adminPort),
    SERVE_HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ...env,
  });
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
