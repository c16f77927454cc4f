// Sign-in and consent against the real stack, driven through Chromium, with a real OAuth2 client
// that exchanges its code (PKCE) and checks what ends up in the ID token.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import path from 'node:path';
import { openAppDb } from '../../lib/db/app-db';
import { createUser } from '../../lib/users/user-store';
import { launchBrowser, VIEWPORTS } from '../support/browser';
import { startStack, type Stack } from '../support/stack';
import { callbackParams, onPage, signIn } from './helpers/flow';
import { authorizationUrl, createRelyingParty, decodeJwt, exchangeCode, type RelyingParty } from './helpers/oauth';

describe('login and consent', () => {
  let stack: Stack;
  let browser: Browser;
  let rp: RelyingParty;
  const contexts: BrowserContext[] = [];
  const newPage = async (opts: { javaScriptEnabled?: boolean } = {}) => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, javaScriptEnabled: opts.javaScriptEnabled ?? true });
    contexts.push(context);
    return context.newPage();
  };

  before(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    rp = await createRelyingParty(stack.adminUrl);
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await rp?.close();
    await stack?.stop();
  });

  it('signs in, consents and hands the client an ID token with the granted claims', async () => {
    const page = await newPage();
    const auth = authorizationUrl(stack.publicUrl, rp, { scope: 'openid email profile', login_hint: stack.demo.email });
    const response = await page.goto(auth.url);
    await onPage(page, '/login');
    assert.match(response?.headers()['cache-control'] ?? '', /no-store/);
    await page.getByText('Please log in').waitFor();
    assert.equal(await page.locator('#email').inputValue(), stack.demo.email);
    assert.match(await page.locator('main').innerText(), /Test Relying Party/);
    await signIn(page, stack.demo.email, stack.demo.password);

    await onPage(page, '/consent');
    await page.getByText('An application requests access to your data!').waitFor();
    assert.equal(await page.locator('#openid').isChecked(), true);
    assert.equal(await page.locator('#openid').isDisabled(), true);
    assert.match(await page.locator('main').innerText(), /See your e-mail address/);
    await page.locator('#accept').click();

    const params = await callbackParams(page, rp);
    assert.equal(params.get('state'), auth.state);
    const tokens = await exchangeCode(stack.publicUrl, rp, params.get('code')!, auth.verifier);
    const claims = decodeJwt(tokens.id_token!);
    assert.equal(claims.email, stack.demo.email);
    assert.equal(claims.email_verified, true);
    assert.equal(claims.name, 'Demo User');
    assert.equal(claims.given_name, 'Demo');
    assert.equal(claims.amr && (claims.amr as string[]).includes('pwd'), true);
    assert.notEqual(claims.sub, stack.demo.email, 'the subject is the user id, never the e-mail');
  });

  it('serves /login as plain HTML: no script at all, the strict CSP, never cached', async () => {
    const page = await newPage();
    const response = await page.goto(authorizationUrl(stack.publicUrl, rp).url);
    await onPage(page, '/login');
    const headers = response!.headers();
    assert.equal(headers['content-security-policy'], "default-src 'none'; style-src 'self'; img-src 'self' https: data:; base-uri 'none'; frame-ancestors 'none'");
    assert.equal(headers['cache-control'], 'no-store');
    assert.doesNotMatch(await response!.text(), /<script/i);
    assert.equal(await page.locator('script').count(), 0);
  });

  it('works without JavaScript: a wrong password, then sign-in and consent with plain form posts', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    const auth = authorizationUrl(stack.publicUrl, rp, { scope: 'openid email', prompt: 'consent' });
    await page.goto(auth.url);
    await onPage(page, '/login');
    await page.locator('#email').fill(stack.demo.email);
    await page.locator('#password').fill('not-the-password');
    await page.locator('#accept').click();
    await page.locator('#sign-in-error').waitFor();
    assert.equal(await page.locator('#email').inputValue(), stack.demo.email);
    await page.locator('#password').fill(stack.demo.password);
    await page.locator('#accept').click();
    await onPage(page, '/consent');
    const response = await page.reload();
    assert.match(response?.headers()['cache-control'] ?? '', /no-store/);
    await page.locator('#accept').click();
    const params = await callbackParams(page, rp);
    const tokens = await exchangeCode(stack.publicUrl, rp, params.get('code')!, auth.verifier);
    assert.equal(decodeJwt(tokens.id_token!).email, stack.demo.email);
  });

  it('says the same thing for a wrong password and an unknown e-mail, and keeps the e-mail typed', async () => {
    const page = await newPage();
    await page.goto(authorizationUrl(stack.publicUrl, rp).url);
    await onPage(page, '/login');
    await signIn(page, stack.demo.email, 'not-the-password');
    const alert = page.locator('#sign-in-error');
    await alert.waitFor();
    const wrongPassword = await alert.innerText();
    assert.match(wrongPassword, /e-mail address or password is not correct/);
    assert.equal(await page.locator('#email').inputValue(), stack.demo.email);
    assert.match((await page.locator('#password').getAttribute('aria-describedby')) ?? '', /sign-in-error/);

    await signIn(page, 'nobody@example.com', 'not-the-password');
    await page.locator('#accept:not([disabled])').waitFor();
    assert.equal(await page.locator('#sign-in-error').innerText(), wrongPassword);
  });

  it('sends access_denied back to the client when the person denies at login', async () => {
    const page = await newPage();
    await page.goto(authorizationUrl(stack.publicUrl, rp).url);
    await onPage(page, '/login');
    await page.locator('#reject').click();
    const params = await callbackParams(page, rp);
    assert.equal(params.get('error'), 'access_denied');
    assert.equal(params.get('code'), null);
  });

  it('sends access_denied back to the client when the person denies at consent', async () => {
    const page = await newPage();
    await page.goto(authorizationUrl(stack.publicUrl, rp).url);
    await onPage(page, '/login');
    await signIn(page, stack.demo.email, stack.demo.password);
    await onPage(page, '/consent');
    await page.locator('#reject').click();
    const params = await callbackParams(page, rp);
    assert.equal(params.get('error'), 'access_denied');
  });

  it('grants only the ticked scopes: an unticked scope is absent from the tokens', async () => {
    const page = await newPage();
    const auth = authorizationUrl(stack.publicUrl, rp, { scope: 'openid email profile' });
    await page.goto(auth.url);
    await onPage(page, '/login');
    await signIn(page, stack.demo.email, stack.demo.password);
    await onPage(page, '/consent');
    await page.locator('#email').uncheck();
    await page.locator('#accept').click();
    const params = await callbackParams(page, rp);
    const tokens = await exchangeCode(stack.publicUrl, rp, params.get('code')!, auth.verifier);
    const claims = decodeJwt(tokens.id_token!);
    assert.equal(claims.email, undefined);
    assert.equal(claims.name, 'Demo User');
    assert.deepEqual(tokens.scope.split(' ').sort(), ['openid', 'profile']);
  });

  it('remembers both decisions, so the next flow skips login and consent; prompt=login still asks', async () => {
    const page = await newPage();
    await page.goto(authorizationUrl(stack.publicUrl, rp).url);
    await onPage(page, '/login');
    await signIn(page, stack.demo.email, stack.demo.password, { remember: true });
    await onPage(page, '/consent');
    await page.locator('#remember').check();
    await page.locator('#accept').click();
    await callbackParams(page, rp);

    const shown: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && frame.url().startsWith(stack.appUrl)) shown.push(new URL(frame.url()).pathname);
    });
    const again = authorizationUrl(stack.publicUrl, rp);
    await page.goto(again.url);
    const params = await callbackParams(page, rp);
    assert.deepEqual(shown, [], 'no login or consent page was shown');
    const tokens = await exchangeCode(stack.publicUrl, rp, params.get('code')!, again.verifier);
    assert.equal(decodeJwt(tokens.id_token!).email, stack.demo.email);

    await page.goto(authorizationUrl(stack.publicUrl, rp, { prompt: 'login' }).url);
    await onPage(page, '/login');
    await page.getByText('Please log in').waitFor();
  });

  it('skips the consent screen for a client with skip_consent', async () => {
    const trusted = await createRelyingParty(stack.adminUrl, { client_name: 'First Party', skip_consent: true });
    try {
      const page = await newPage();
      const shown: string[] = [];
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame() && frame.url().startsWith(stack.appUrl)) shown.push(new URL(frame.url()).pathname);
      });
      const auth = authorizationUrl(stack.publicUrl, trusted, { scope: 'openid email' });
      await page.goto(auth.url);
      await onPage(page, '/login');
      await signIn(page, stack.demo.email, stack.demo.password);
      const params = await callbackParams(page, trusted);
      assert.ok(!shown.includes('/consent'), `no consent page was shown: ${shown.join(', ')}`);
      const tokens = await exchangeCode(stack.publicUrl, trusted, params.get('code')!, auth.verifier);
      assert.equal(decodeJwt(tokens.id_token!).email, stack.demo.email);
    } finally {
      await trusted.close();
    }
  });

  it('"Not you?" on the consent page asks for a sign-in again', async () => {
    const page = await newPage();
    // prompt=consent: an earlier test remembered this client's consent for the demo user.
    await page.goto(authorizationUrl(stack.publicUrl, rp, { prompt: 'consent' }).url);
    await onPage(page, '/login');
    await signIn(page, stack.demo.email, stack.demo.password, { remember: true });
    await onPage(page, '/consent');
    assert.match(await page.locator('main').innerText(), /Signed in as Demo User \(demo@example\.com\)/);
    await page.locator('#switch-account').click();
    await onPage(page, '/login');
    await signIn(page, stack.demo.adminEmail, stack.demo.password);
    await onPage(page, '/consent');
    assert.match(await page.locator('main').innerText(), /admin@example\.com/);
  });

  it('does not let a disabled account sign in', async () => {
    const db = openAppDb({ kind: 'sqlite', file: path.join(stack.dataDir, 'app.sqlite') });
    try {
      await db.user.update({ where: { id: (await createUser(db, { email: 'gone@example.com', password: 'long enough password' })).id }, data: { disabled: true } });
    } finally {
      await db.$disconnect();
    }
    const page = await newPage();
    await page.goto(authorizationUrl(stack.publicUrl, rp).url);
    await onPage(page, '/login');
    await signIn(page, 'gone@example.com', 'long enough password');
    assert.match(await page.locator('#sign-in-error').innerText(), /disabled/);
  });

  it('limits failed attempts per account and says when to try again', async () => {
    const page = await newPage();
    await page.goto(authorizationUrl(stack.publicUrl, rp).url);
    await onPage(page, '/login');
    for (let i = 1; i <= 5; i++) {
      await signIn(page, 'target@example.com', `wrong-${i}`);
      await page.locator('#accept:not([disabled])').waitFor();
      if (i < 5) assert.match(await page.locator('#sign-in-error').innerText(), /not correct/);
    }
    assert.match(await page.locator("#sign-in-error").innerText(), /Too many failed attempts\. Try again in \d+ (seconds|minutes)/);
    // Even the right password is refused while the block runs (here for an account that does not exist).
    await signIn(page, 'target@example.com', 'whatever it is');
    assert.match(await page.locator('#sign-in-error').innerText(), /Too many failed attempts/);
  });
});
