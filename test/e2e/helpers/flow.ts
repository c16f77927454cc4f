// Browser steps shared by the e2e tests: sign in on the login page, answer the consent page, and
// wait for the browser to land back at the relying party.
import type { Page } from 'playwright-core';
import type { RelyingParty } from './oauth';

export async function signIn(page: Page, email: string, password: string, opts: { remember?: boolean } = {}) {
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  if (opts.remember) await page.locator('#remember').check();
  await submit(page, '#accept');
}

/** Clicks a submit button and waits for the server action's answer (or the navigation it causes). */
export async function submit(page: Page, selector: string) {
  const answered = page.waitForResponse((r) => r.request().method() === 'POST', { timeout: 20_000 });
  await page.locator(selector).click();
  await answered;
  await page.waitForLoadState();
}

/** Waits until the browser is back at the client's callback and returns its query. */
export async function callbackParams(page: Page, rp: RelyingParty): Promise<URLSearchParams> {
  await page.waitForURL((url) => url.toString().startsWith(rp.redirectUri), { timeout: 20_000 });
  return new URL(page.url()).searchParams;
}

export async function onPage(page: Page, path: string) {
  await page.waitForURL((url) => url.pathname === path, { timeout: 20_000 });
}
