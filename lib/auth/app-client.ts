// The app is itself an OAuth2 client of the Hydra it serves: its account area and operator console
// sign people in through the authorization code flow, passing through this app's own login page.
// The client is registered (or brought up to date) through the admin API at start-up, as a
// first-party client with skip_consent; its secret is derived from APP_SECRETS, so nothing is stored.
import { createHmac } from 'node:crypto';
import type { AppConfig } from '../config';
import { hydraAdmin } from '../hydra/admin-client';
import { toHydraError, ChallengeNotFound } from '../hydra/errors';

export const APP_CLIENT_ID = 'gatehouse-account';
export const APP_SCOPES = 'openid profile email offline_access offline';

export type AppClient = { clientId: string; clientSecret: string; redirectUri: string; postLogoutRedirectUri: string };

export function appClient(config: AppConfig): AppClient {
  const base = config.APP_URL.replace(/\/$/, '');
  return {
    clientId: config.APP_CLIENT_ID ?? APP_CLIENT_ID,
    clientSecret: config.APP_CLIENT_SECRET ?? createHmac('sha256', config.APP_SECRETS[0]!).update('gatehouse-app-client-secret').digest('base64url'),
    redirectUri: `${base}/api/auth/callback/gatehouse`,
    postLogoutRedirectUri: `${base}/`,
  };
}

/** Creates the client when missing, or resets its redirect URIs and secret to what this app expects. */
export async function ensureAppClient(config: AppConfig): Promise<void> {
  if (config.APP_CLIENT_SECRET) return; // Supplied by the operator: registered by them, not by us.
  const c = appClient(config);
  const body = {
    client_id: c.clientId,
    client_name: `${config.APP_NAME} account`,
    client_secret: c.clientSecret,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    scope: APP_SCOPES,
    redirect_uris: [c.redirectUri],
    post_logout_redirect_uris: [c.postLogoutRedirectUri],
    token_endpoint_auth_method: 'client_secret_basic',
    skip_consent: true,
    skip_logout_consent: true,
  };
  try {
    await hydraAdmin().getOAuth2Client({ id: c.clientId });
    await hydraAdmin().setOAuth2Client({ id: c.clientId, oAuth2Client: body });
  } catch (err) {
    if (!(toHydraError(err) instanceof ChallengeNotFound)) throw err;
    await hydraAdmin().createOAuth2Client({ oAuth2Client: body });
  }
}
