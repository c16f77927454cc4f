// The signed double submit of lib/security/csrf-token.ts over plain HTTP: a page with a form gives the
// browser its nonce cookie when it has none and embeds the token bound to `<page>:<challenge>`; a post
// is checked against the cookie it arrives with before anything else is done with it.
import { CSRF_COOKIE, CSRF_FIELD, csrfTokenFor, isCsrfNonce, isValidCsrfToken, newCsrfNonce } from '../security/csrf-token';
import { readCookie, sessionCookie } from './cookies';
import type { FlowRequest } from './context';

export function formCsrfToken(r: FlowRequest, binding: string): string {
  let nonce = readCookie(r.req.headers.cookie, CSRF_COOKIE);
  if (!isCsrfNonce(nonce)) {
    nonce = newCsrfNonce();
    r.res.setHeader('set-cookie', sessionCookie(CSRF_COOKIE, nonce, r.config.APP_URL.startsWith('https:')));
  }
  return csrfTokenFor(nonce, binding, r.config.APP_SECRETS);
}

export function hasValidCsrfToken(r: FlowRequest, form: URLSearchParams, binding: string): boolean {
  return isValidCsrfToken(readCookie(r.req.headers.cookie, CSRF_COOKIE), binding, form.get(CSRF_FIELD), r.config.APP_SECRETS);
}
