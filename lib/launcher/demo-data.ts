// Development mode's demo data: a user, an admin and an OAuth2 client, created once and reused.
// The client is created through the admin API, as an operator would, so it works against any Hydra.
import type { AppConfig } from '../config';
import { openAppDb } from '../db/app-db';
import { createUser, findUserByEmail } from '../users/user-store';
import type { DevSecrets } from './dev-defaults';

export type DemoData = { userEmail: string; adminEmail: string; password: string; clientId: string; clientSecret: string; redirectUri: string };

export const DEMO_CLIENT_ID = 'gatehouse-demo';
export const DEMO_REDIRECT_URI = 'http://127.0.0.1:4446/callback';

async function ensureDemoClient(adminUrl: string, secret: string): Promise<void> {
  const existing = await fetch(new URL(`/admin/clients/${DEMO_CLIENT_ID}`, adminUrl));
  if (existing.ok) return;
  const res = await fetch(new URL('/admin/clients', adminUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_id: DEMO_CLIENT_ID,
      client_name: 'Gatehouse demo client',
      client_secret: secret,
      grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
      response_types: ['code'],
      scope: 'openid offline_access offline profile email phone address',
      redirect_uris: [DEMO_REDIRECT_URI],
      post_logout_redirect_uris: ['http://127.0.0.1:4446/'],
      token_endpoint_auth_method: 'client_secret_basic',
    }),
  });
  if (!res.ok) throw new Error(`creating the demo client failed: ${res.status} ${await res.text()}`);
}

export async function seedDemoData(config: AppConfig, secrets: DevSecrets): Promise<DemoData> {
  const db = openAppDb(config.DATABASE_URL);
  const demo = { userEmail: 'demo@example.com', adminEmail: 'admin@example.com' };
  try {
    if (!(await findUserByEmail(db, demo.userEmail))) {
      await createUser(db, { email: demo.userEmail, password: secrets.demoPassword, name: 'Demo User', givenName: 'Demo', familyName: 'User', emailVerified: true });
    }
    if (!(await findUserByEmail(db, demo.adminEmail))) {
      await createUser(db, { email: demo.adminEmail, password: secrets.demoPassword, name: 'Demo Admin', role: 'admin', emailVerified: true });
    }
  } finally {
    await db.$disconnect();
  }
  await ensureDemoClient(config.HYDRA_ADMIN_URL, secrets.demoClientSecret);
  return { ...demo, password: secrets.demoPassword, clientId: DEMO_CLIENT_ID, clientSecret: secrets.demoClientSecret, redirectUri: DEMO_REDIRECT_URI };
}
