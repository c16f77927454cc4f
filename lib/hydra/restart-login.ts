// "Not you?" on the consent screen. Consent cannot change the subject, so the flow starts again at
// Hydra's authorization endpoint with prompt=login, which makes Hydra ask for a sign-in even though
// a session exists. The URL is Hydra's own request_url, used only when it really is on Hydra's
// public origin and path; anything else is not followed.
export function restartWithLogin(requestUrl: string | undefined, hydraPublicUrl: string): string | undefined {
  if (!requestUrl || !URL.canParse(requestUrl)) return undefined;
  const url = new URL(requestUrl);
  const hydra = new URL(hydraPublicUrl);
  if (url.origin !== hydra.origin || !url.pathname.endsWith('/oauth2/auth')) return undefined;
  url.searchParams.set('prompt', 'login');
  url.searchParams.delete('id_token_hint');
  url.searchParams.delete('login_hint');
  return url.toString();
}
