// CSRF tokens as a signed double submit: the browser holds a random nonce in an HttpOnly cookie, and
// every form carries HMAC(secret, nonce | binding). A forged POST from another site has the cookie
// but cannot know the token; a token stolen from one flow does not fit another because the binding
// names the form and its challenge. The first APP_SECRETS entry signs; every entry verifies, so a
// secret can be rotated without breaking forms that are already open.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const CSRF_COOKIE = 'gatehouse_csrf';
export const CSRF_FIELD = 'csrf_token';

const NONCE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newCsrfNonce(): string {
  return randomBytes(32).toString('base64url');
}

export function isCsrfNonce(value: string | undefined): value is string {
  return typeof value === 'string' && NONCE_PATTERN.test(value);
}

function sign(secret: string, nonce: string, binding: string): Buffer {
  return createHmac('sha256', secret).update(`gatehouse-csrf\0${nonce}\0${binding}`).digest();
}

export function csrfTokenFor(nonce: string, binding: string, secrets: readonly string[]): string {
  const [current] = secrets;
  if (!current) throw new Error('no secret to sign CSRF tokens with');
  return sign(current, nonce, binding).toString('base64url');
}

export function isValidCsrfToken(nonce: string | undefined, binding: string, token: unknown, secrets: readonly string[]): boolean {
  if (!isCsrfNonce(nonce) || typeof token !== 'string' || token.length > 100) return false;
  const given = Buffer.from(token, 'base64url');
  return secrets.some((secret) => {
    const expected = sign(secret, nonce, binding);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
