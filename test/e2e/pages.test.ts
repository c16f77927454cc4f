// Registration, logout, the error page, dead challenges and CSRF, plus an accessibility scan and
// screenshots of every page at phone and desktop widths, in light and dark.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshot, VIEWPORTS } from '../support/browser';
import { startStack, type Stack } from '../support/stack';
import { callbackParams, onPage, signIn, submit } from './helpers/flow';
import { authorizationUrl, createRelyingParty, decodeJwt, exchangeCode, type RelyingParty } from './helpers/oauth';

// Short enough that the expiry test does not wait long, long enough for every flow here.
const CHALLENGE_TTL_SECONDS = 20;

describe('registration, logout, errors, accessibility', () => {
  let stack: Stack;
  let browser: Browser;
  let rp: RelyingParty;
  const contexts: BrowserContext[] = [];
  type PageOptions = { viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark'; locale?: string; javaScriptEnabled?: boolean };
  const newPage = async (opts: PageOptions = {}) => {
    const context = await browser.newContext({
      viewport: opts.viewport ?? VIEWPORTS.desktop,
      colorScheme: opts.colorScheme ?? 'light',
      locale: opts.locale ?? 'en-US',
      javaScriptEnabled: opts.javaScriptEnabled ?? true,
    });
    contexts.push(context);
    return context.newPage();
  };

  before(async () => {
    [stack, browser] = await Promise.all([startStack({ TTL_LOGIN_CONSENT_REQUEST: `${CHALLENGE_TTL_SECONDS}s` }), launchBrowser()]);
    rp = await createRelyingParty(stack.adminUrl);
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await rp?.close();
    await stack?.stop();
  });

  /** A full sign-in with a remembered session; returns the ID token for a later logout. */
  async function signedInPage(existing?: Page, client: RelyingParty = rp): Promise<{ page: Page; idToken: string }> {
    const page = existing ?? (await newPage());
    const auth = authorizationUrl(stack.publicUrl, client, { prompt: 'consent' });
    await page.goto(auth.url);
    await onPage(page, '/login');
    await signIn(page, stack.demo.email, stack.demo.password, { remember: true });
    await onPage(page, '/consent');
    await page.locator('#accept').click();
    const params = await callbackParams(page, client);
    const tokens = await exchangeCode(stack.publicUrl, client, params.get('code')!, auth.verifier);
    return { page, idToken: tokens.id_token! };
  }

  function logoutUrl(idToken: string, client: RelyingParty = rp) {
    const url = new URL('/oauth2/sessions/logout', stack.publicUrl);
    url.search = new URLSearchParams({ id_token_hint: idToken, post_logout_redirect_uri: client.redirectUri.replace('/callback', '/logged-out'), state: 'bye' }).toString();
    return url.toString();
  }

  it('reaches registration from prompt=registration and keeps the login challenge', async () => {
    const page = await newPage();
    await page.goto(authorizationUrl(stack.publicUrl, rp, { prompt: 'registration' }).url);
    await onPage(page, '/registration');
    assert.ok(new URL(page.url()).searchParams.get('login_challenge'));
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
  });

  it('registers from the login page and continues the same flow as the new person', async () => {
    const page = await newPage();
    const auth = authorizationUrl(stack.publicUrl, rp, { scope: 'openid email profile' });
    await page.goto(auth.url);
    await onPage(page, '/login');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await onPage(page, '/registration');
    assert.ok(new URL(page.url()).searchParams.get('login_challenge'));

    await page.locator('#name').fill('Grace Hopper');
    await page.locator('#email').fill('grace@example.com');
    await page.locator('#password').fill('password1');
    await submit(page, '#accept');
    assert.match(await page.locator('#password-error').innerText(), /known from data breaches/);
    assert.equal(await page.locator('#email').inputValue(), 'grace@example.com');

    await page.locator('#password').fill('a long and unusual passphrase');
    await page.locator('#accept').click();
    await onPage(page, '/consent');
    await page.locator('#accept').click();
    const params = await callbackParams(page, rp);
    const claims = decodeJwt((await exchangeCode(stack.publicUrl, rp, params.get('code')!, auth.verifier)).id_token!);
    assert.equal(claims.email, 'grace@example.com');
    assert.equal(claims.name, 'Grace Hopper');

    // The new account signs in like any other.
    const again = await newPage();
    await again.goto(authorizationUrl(stack.publicUrl, rp, { prompt: 'consent' }).url);
    await onPage(again, '/login');
    await signIn(again, 'GRACE@example.com', 'a long and unusual passphrase');
    await onPage(again, '/consent');
  });

  it('signs out after "Yes" and returns to the client', async () => {
    const { page, idToken } = await signedInPage();
    await page.goto(logoutUrl(idToken));
    await onPage(page, '/logout');
    assert.match(await page.locator('main').innerText(), /Do you want to sign out of Test Relying Party\?/);
    await page.locator('#accept').click();
    await page.waitForURL((url) => url.pathname === '/logged-out', { timeout: 20_000 });
    assert.equal(new URL(page.url()).searchParams.get('state'), 'bye');
    // The session is gone: the next flow asks for a sign-in.
    await page.goto(authorizationUrl(stack.publicUrl, rp).url);
    await onPage(page, '/login');
  });

  it('stays signed in after "No" and says so', async () => {
    const { page, idToken } = await signedInPage();
    await page.goto(logoutUrl(idToken));
    await onPage(page, '/logout');
    await submit(page, '#reject');
    await page.getByRole('heading', { name: 'You are still signed in' }).waitFor();
    // The session is still there: the next flow goes straight past the sign-in to consent.
    await page.goto(authorizationUrl(stack.publicUrl, rp, { prompt: 'consent' }).url);
    await onPage(page, '/consent');
  });

  it('stays signed in after "No" without JavaScript too', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    const { idToken } = await signedInPage(page);
    await page.goto(logoutUrl(idToken));
    await onPage(page, '/logout');
    await page.locator('#reject').click();
    await page.getByRole('heading', { name: 'You are still signed in' }).waitFor();
  });

  it('signs out without asking for a client with skip_logout_consent', async () => {
    const trusted = await createRelyingParty(stack.adminUrl, { client_name: 'Trusted', skip_logout_consent: true });
    try {
      const { page, idToken } = await signedInPage(undefined, trusted);
      await page.goto(logoutUrl(idToken, trusted));
      await page.waitForURL((url) => url.pathname === '/logged-out', { timeout: 20_000 });
    } finally {
      await trusted.close();
    }
  });

  it('explains an error from Hydra, with the technical code small below', async () => {
    const page = await newPage();
    const response = await page.goto(`${stack.appUrl}/error?error=invalid_client&error_description=${encodeURIComponent('Client authentication failed <script>')}`);
    assert.equal(response?.status(), 200);
    await page.getByRole('heading', { name: 'Sign-in could not be completed' }).waitFor();
    assert.match(await page.locator('main').innerText(), /not set up correctly/);
    assert.equal(await page.locator('#error-code').innerText(), 'invalid_client');
    assert.match(await page.locator('main').innerText(), /Client authentication failed <script>/);

    // An unknown client: Hydra cannot trust any redirect URI and sends the browser to the error page.
    await page.goto(authorizationUrl(stack.publicUrl, { ...rp, clientId: 'no-such-client' }).url);
    await onPage(page, '/error');
    await page.getByRole('heading', { name: 'Sign-in could not be completed' }).waitFor();
  });

  it('answers missing, invalid, reused and expired challenges with a clear page', async () => {
    const page = await newPage();
    await page.goto(`${stack.appUrl}/login`);
    await page.getByRole('heading', { name: 'Start from the application' }).waitFor();
    await page.goto(`${stack.appUrl}/consent?consent_challenge=not-a-real-challenge`);
    await page.getByRole('heading', { name: 'This sign-in link is not valid' }).waitFor();

    // Reused: a login challenge that was already accepted answers 410, and Hydra's redirect_to is followed.
    await page.goto(authorizationUrl(stack.publicUrl, rp, { prompt: 'consent' }).url);
    await onPage(page, '/login');
    const used = page.url();
    await signIn(page, stack.demo.email, stack.demo.password);
    await onPage(page, '/consent');
    const response = await page.goto(used);
    // Hydra then refuses the spent verifier and shows its error through our error page (or tells the client).
    assert.notEqual(response?.status(), 500);
    const landed = page.url();
    assert.ok(new URL(landed).pathname === '/error' || landed.startsWith(rp.redirectUri), landed);
    assert.equal(await page.locator('#email').count(), 0, 'no sign-in form for a used challenge');

    // Expired: Hydra answers 401 once TTL_LOGIN_CONSENT_REQUEST has passed.
    const fresh = await newPage();
    await fresh.goto(authorizationUrl(stack.publicUrl, rp).url);
    await onPage(fresh, '/login');
    await new Promise((r) => setTimeout(r, (CHALLENGE_TTL_SECONDS + 1) * 1000));
    await fresh.reload();
    await fresh.getByRole('heading', { name: 'This sign-in request has expired' }).waitFor();
  });

  it('refuses a form posted without the right CSRF token', async () => {
    const page = await newPage();
    await page.goto(authorizationUrl(stack.publicUrl, rp).url);
    await onPage(page, '/login');
    await page.locator('input[name="csrf_token"]').evaluate((el) => ((el as HTMLInputElement).value = 'forged'));
    await signIn(page, stack.demo.email, stack.demo.password);
    assert.match(await page.locator('form [role="alert"]').innerText(), /This form has expired/);
    assert.equal(new URL(page.url()).pathname, '/login');
  });

  it('shows German when the client asks for it (ui_locales) or the browser prefers it', async () => {
    const page = await newPage();
    await page.goto(authorizationUrl(stack.publicUrl, rp, { ui_locales: 'de' }).url);
    await onPage(page, '/login');
    await page.getByRole('heading', { name: 'Anmelden' }).waitFor();
    assert.equal(await page.locator('main').getAttribute('lang'), 'de');
    const browserDe = await newPage({ locale: 'de-DE' });
    await browserDe.goto(`${stack.appUrl}/error?error=access_denied`);
    await browserDe.getByRole('heading', { name: 'Die Anmeldung konnte nicht abgeschlossen werden' }).waitFor();
  });

  it('has no serious accessibility problems and looks finished on phones and desktops, light and dark', async () => {
    const shots: { name: string; reach: (page: Page) => Promise<void> }[] = [
      {
        name: 'login',
        reach: async (page) => {
          await page.goto(authorizationUrl(stack.publicUrl, rp, { prompt: 'login' }).url);
          await onPage(page, '/login');
        },
      },
      {
        name: 'login-error',
        reach: async (page) => {
          await page.goto(authorizationUrl(stack.publicUrl, rp, { prompt: 'login' }).url);
          await onPage(page, '/login');
          await signIn(page, stack.demo.email, 'wrong password here');
          await page.locator('#sign-in-error').waitFor();
        },
      },
      {
        name: 'consent',
        reach: async (page) => {
          await page.goto(authorizationUrl(stack.publicUrl, rp, { prompt: 'consent', scope: 'openid email profile phone offline_access' }).url);
          await onPage(page, '/login');
          await signIn(page, stack.demo.email, stack.demo.password);
          await onPage(page, '/consent');
        },
      },
      {
        name: 'registration',
        reach: async (page) => {
          await page.goto(`${stack.appUrl}/registration`);
        },
      },
      {
        name: 'error',
        reach: async (page) => {
          await page.goto(`${stack.appUrl}/error?error=access_denied&error_description=The+resource+owner+denied+the+request`);
        },
      },
    ];
    shots.push({
      name: 'logout',
      reach: async (page) => {
        const { idToken } = await signedInPage(page);
        await page.goto(logoutUrl(idToken));
        await onPage(page, '/logout');
      },
    });

    const failures: string[] = [];
    for (const shot of shots) {
      for (const [size, viewport] of Object.entries(VIEWPORTS)) {
        for (const colorScheme of ['light', 'dark'] as const) {
          if (size === 'desktop' && colorScheme === 'dark' && shot.name !== 'consent') continue;
          const page = await newPage({ viewport, colorScheme });
          await shot.reach(page);
          await screenshot(page, `${shot.name}-${size}-${colorScheme}`);
          const { violations } = await new AxeBuilder({ page }).analyze();
          for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
            failures.push(`${shot.name} ${size} ${colorScheme}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
          }
          await page.context().close();
        }
      }
    }
    assert.deepEqual(failures, []);
  });
});
