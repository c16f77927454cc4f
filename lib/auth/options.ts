// next-auth configuration: one OpenID Connect provider, the Hydra this app serves (or the packaged
// token server), discovered from HYDRA_PUBLIC_URL; authorization code flow with PKCE, state and nonce.
// The session is next-auth's encrypted JWT cookie; the access token is refreshed shortly before expiry.
import type { NextAuthOptions } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import { appConfig } from '../app-config';
import { brand } from '../branding';
import { appClient, APP_SCOPES } from './app-client';
import { refreshTokens } from './refresh';

export const PROVIDER_ID = 'gatehouse';

export type GatehouseToken = JWT & {
  idToken?: string;
  accessToken?: string;
  refreshToken?: string;
  expiresAt?: number;
  error?: 'refresh_failed';
};

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const config = appConfig();
  const client = appClient(config);
  const { name, logoUrl, accentColor } = brand();
  cached = {
    secret: config.APP_SECRETS[0],
    session: { strategy: 'jwt', maxAge: 12 * 3600 },
    theme: { colorScheme: 'auto', brandColor: accentColor, logo: logoUrl ?? '', buttonText: '#ffffff' },
    providers: [
      {
        id: PROVIDER_ID,
        name,
        type: 'oauth',
        wellKnown: new URL('/.well-known/openid-configuration', config.HYDRA_PUBLIC_URL).toString(),
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        authorization: { params: { scope: APP_SCOPES } },
        idToken: true,
        checks: ['pkce', 'state', 'nonce'],
        profile(profile: { sub: string; email?: string; name?: string }) {
          return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.email ?? null };
        },
      },
    ],
    callbacks: {
      async jwt({ token, account }) {
        const t = token as GatehouseToken;
        if (account) {
          return { ...t, sub: account.providerAccountId, idToken: account.id_token, accessToken: account.access_token, refreshToken: account.refresh_token, expiresAt: account.expires_at };
        }
        if (!t.expiresAt || Date.now() / 1000 < t.expiresAt - 60 || t.error) return t;
        return refreshTokens(t);
      },
      async session({ session, token }) {
        const t = token as GatehouseToken;
        return { ...session, subject: t.sub, error: t.error };
      },
    },
  };
  return cached;
}
