// Refreshes the account session's access token at the token endpoint with the refresh token.
// A failure marks the session, which then asks the person to sign in again.
import { z } from 'zod';
import { appConfig } from '../app-config';
import { appClient } from './app-client';
import type { GatehouseToken } from './options';

const tokenResponse = z.object({ access_token: z.string(), refresh_token: z.string().optional(), id_token: z.string().optional(), expires_in: z.number() });
const discovery = z.object({ token_endpoint: z.url() });

export async function refreshTokens(token: GatehouseToken): Promise<GatehouseToken> {
  if (!token.refreshToken) return { ...token, error: 'refresh_failed' };
  const config = appConfig();
  const client = appClient(config);
  try {
    const meta = discovery.parse(await (await fetch(new URL('/.well-known/openid-configuration', config.HYDRA_PUBLIC_URL))).json());
    const res = await fetch(meta.token_endpoint, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: token.refreshToken }),
    });
    const body = tokenResponse.parse(await res.json());
    return {
      ...token,
      accessToken: body.access_token,
      refreshToken: body.refresh_token ?? token.refreshToken,
      idToken: body.id_token ?? token.idToken,
      expiresAt: Math.floor(Date.now() / 1000) + body.expires_in,
      error: undefined,
    };
  } catch {
    return { ...token, error: 'refresh_failed' };
  }
}
