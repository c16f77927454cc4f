// CSRF for the account and console pages and their server actions: the nonce cookie is set by proxy.ts
// before any page renders (server components cannot set cookies); pages embed a token, and every action checks it first.
import { cookies } from 'next/headers';
import { appConfig } from '../app-config';
import { CSRF_COOKIE, CSRF_FIELD, csrfTokenFor, isValidCsrfToken } from './csrf-token';

/** The token for a form, or undefined when the browser has no nonce cookie (cookies blocked). */
export async function csrfToken(binding: string): Promise<string | undefined> {
  const nonce = (await cookies()).get(CSRF_COOKIE)?.value;
  return nonce ? csrfTokenFor(nonce, binding, appConfig().APP_SECRETS) : undefined;
}

export async function checkCsrf(form: FormData, binding: string): Promise<boolean> {
  const nonce = (await cookies()).get(CSRF_COOKIE)?.value;
  return isValidCsrfToken(nonce, binding, form.get(CSRF_FIELD), appConfig().APP_SECRETS);
}

export { CSRF_FIELD };
