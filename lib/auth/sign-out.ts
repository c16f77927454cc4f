// Signing out of the account area also ends the Hydra session: RP-initiated logout at the issuer's
// end-session endpoint with the session's ID token as hint, back to this app afterwards.
import { cookies } from 'next/headers';
import { appConfig } from '../app-config';
import { appClient } from './app-client';

/** next-auth's session cookies, including the chunks of a large one and the __Secure- variants. */
export async function clearSessionCookies(): Promise<void> {
  const jar = await cookies();
  for (const c of jar.getAll()) {
    if (/^(__Secure-)?next-auth\.(session-token|callback-url|csrf-token|pkce|state|nonce)/.test(c.name) || /^__Host-next-auth/.test(c.name)) jar.delete(c.name);
  }
}

export function endSessionUrl(idToken: string | undefined): string {
  const config = appConfig();
  const url = new URL('/oauth2/sessions/logout', config.HYDRA_PUBLIC_URL);
  if (idToken) {
    url.searchParams.set('id_token_hint', idToken);
    url.searchParams.set('post_logout_redirect_uri', appClient(config).postLogoutRedirectUri);
  }
  return url.toString();
}
