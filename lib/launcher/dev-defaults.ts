// Development mode (like Hydra's --dev): everything under one data directory, secrets generated once
// and kept there, http:// URLs on loopback. Values already in the environment always win.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DEV_SECRET_PREFIX } from '../dev-secrets';
import { randomAlphanumeric } from '../random-text';

export type Ports = { publicPort: number; adminPort: number; appPort: number };

export type DevSecrets = { system: string; app: string; demoPassword: string; demoClientSecret: string };

const generate = () => `${DEV_SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;

/** Generated on the first run and reused after, so sessions and tokens survive restarts. */
export function loadOrCreateDevSecrets(dataDir: string): DevSecrets {
  const file = path.join(dataDir, 'dev-secrets.json');
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as DevSecrets;
  const secrets: DevSecrets = {
    system: generate(),
    app: generate(),
    demoPassword: `demo-${randomAlphanumeric(12)}`,
    demoClientSecret: randomAlphanumeric(32),
  };
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export function devEnvironment(dataDir: string, ports: Ports, secrets: DevSecrets) {
  const publicUrl = `http://127.0.0.1:${ports.publicPort}`;
  const appUrl = `http://127.0.0.1:${ports.appPort}`;
  const tokenServer = {
    GATEHOUSE_DEV: '1',
    DSN: `sqlite://${path.resolve(dataDir, 'token-server.sqlite')}`,
    SECRETS_SYSTEM: secrets.system,
    URLS_SELF_ISSUER: `${publicUrl}/`,
    URLS_LOGIN: `${appUrl}/login`,
    URLS_CONSENT: `${appUrl}/consent`,
    URLS_LOGOUT: `${appUrl}/logout`,
    URLS_ERROR: `${appUrl}/error`,
    URLS_REGISTRATION: `${appUrl}/registration`,
    URLS_POST_LOGOUT_REDIRECT: `${appUrl}/`,
    SERVE_PUBLIC_PORT: String(ports.publicPort),
    SERVE_ADMIN_PORT: String(ports.adminPort),
  };
  const app = {
    GATEHOUSE_DEV: '1',
    HYDRA_ADMIN_URL: `http://127.0.0.1:${ports.adminPort}`,
    HYDRA_PUBLIC_URL: publicUrl,
    DATABASE_URL: `file:${path.resolve(dataDir, 'app.sqlite')}`,
    APP_URL: appUrl,
    APP_SECRETS: secrets.app,
    PORT: String(ports.appPort),
  };
  return { tokenServer, app };
}
