import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { parseForms } from '../bench/flow-client';
import { launchBrowser, screenshot, VIEWPORTS } from '../support/browser';
import { startStack, type Stack } from '../support/stack';
import { callbackParams, signIn, submit } from './helpers/flow';
import { adminApi, authorizationUrl, createRelyingParty, exchangeCode, type RelyingParty } from './helpers/oauth';

/** Signs into the account area through the whole loop: next-auth → token server → this app's login. */
async function signIntoAccount(page: Page, stack: Stack, email: string, password: string, path = '/account', remember = false) {
  await page.goto(`${stack.appUrl}${path}`);
  await page.getByRole('button', { name: /sign in with/i }).click();
  await page.waitForURL((u) => u.pathname === '/login');
  await signIn(page, email, password, { remember });
}

async function createUserInConsole(page: Page, stack: Stack, email: string, password: string) {
  await page.goto(`${stack.appUrl}/admin/users`);
  await page.locator('#new-user-email').fill(email);
  await page.locator('#new-user-name').fill('Test Person');
  await page.locator('#new-user-password').fill(password);
  await submit(page, '#create-user');
  await page.getByText(`${email} can sign in now.`).waitFor();
}

describe('account area and operator console', () => {
  let stack: Stack;
  let browser: Browser;
  let rp: RelyingParty;
  before(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    rp = await createRelyingParty(stack.adminUrl);
  });
  after(async () => {
    await rp?.close();
    await browser?.close();
    await stack?.stop();
  });

  it('signs a person into /account through the full flow, without a consent screen', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    const consentPages: string[] = [];
    page.on('framenavigated', (f) => f.url().includes('/consent') && consentPages.push(f.url()));
    await signIntoAccount(page, stack, stack.demo.email, stack.demo.password);
    await page.waitForURL((u) => u.pathname === '/account');
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    assert.match(await page.locator('header').innerText(), /demo@example\.com/);
    assert.deepEqual(consentPages, []);
    await screenshot(page, 'account-desktop');
    await context.close();
  });

  it('edits the profile, changes the password, and signs out of Hydra too', async () => {
    const admin = await browser.newContext();
    const adminPage = await admin.newPage();
    await signIntoAccount(adminPage, stack, stack.demo.adminEmail, stack.demo.password, '/admin/users');
    await adminPage.waitForURL((u) => u.pathname === '/admin/users');
    await createUserInConsole(adminPage, stack, 'profile@example.com', 'first sturdy passphrase');
    await admin.close();

    const context = await browser.newContext();
    const page = await context.newPage();
    await signIntoAccount(page, stack, 'profile@example.com', 'first sturdy passphrase', '/account', true);
    await page.waitForURL((u) => u.pathname === '/account');
    await page.locator('#name').fill('Grace Hopper');
    await page.locator('#locale').fill('en-US');
    await submit(page, '#save-profile');
    await page.getByText('Your profile was saved.').waitFor();
    assert.equal(await page.locator('#name').inputValue(), 'Grace Hopper');

    await page.locator('#currentPassword').fill('wrong password here');
    await page.locator('#newPassword').fill('second sturdy passphrase');
    await submit(page, '#change-password');
    await page.getByText('Your current password is not right.').waitFor();
    await page.locator('#currentPassword').fill('first sturdy passphrase');
    await page.locator('#newPassword').fill('second sturdy passphrase');
    await submit(page, '#change-password');
    await page.getByText('Your password was changed.').waitFor();

    // Signing out ends the Hydra session as well: the next sign-in shows the login form again.
    await submit(page, '#sign-out');
    await page.waitForURL((u) => u.origin === stack.appUrl && u.pathname === '/');
    await page.goto(`${stack.appUrl}/account`);
    await page.getByRole('button', { name: /sign in with/i }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    await page.locator('#password').waitFor();
    await signIn(page, 'profile@example.com', 'second sturdy passphrase');
    await page.waitForURL((u) => u.pathname === '/account');
    await context.close();
  });

  it('lists a connected app, and removing its access makes its token inactive', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone });
    const page = await context.newPage();
    const request = authorizationUrl(stack.publicUrl, rp, { scope: 'openid email profile' });
    await page.goto(request.url);
    await signIn(page, stack.demo.email, stack.demo.password);
    await page.waitForURL((u) => u.pathname === '/consent');
    await submit(page, '#accept');
    const tokens = await exchangeCode(stack.publicUrl, rp, (await callbackParams(page, rp)).get('code')!, request.verifier);
    const before = await adminApi(stack.adminUrl).introspectOAuth2Token({ token: tokens.access_token });
    assert.equal(before.data.active, true);

    await signIntoAccount(page, stack, stack.demo.email, stack.demo.password);
    await page.waitForURL((u) => u.pathname === '/account');
    const entry = page.locator(`[data-client-id="${rp.clientId}"]`);
    await entry.waitFor();
    assert.match(await entry.innerText(), /Test Relying Party/);
    assert.match(await entry.innerText(), /e-mail/i);
    await screenshot(page, 'account-phone');
    await entry.getByRole('button', { name: /remove access/i }).click();
    await page.getByText('The application no longer has access to your account.').waitFor();
    assert.equal(await page.locator(`[data-client-id="${rp.clientId}"]`).count(), 0);
    const afterRevoke = await adminApi(stack.adminUrl).introspectOAuth2Token({ token: tokens.access_token });
    assert.equal(afterRevoke.data.active, false);
    await context.close();
  });

  it('lets an admin create a client in the console that completes a client-credentials grant', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    await signIntoAccount(page, stack, stack.demo.adminEmail, stack.demo.password, '/admin/clients/new');
    await page.waitForURL((u) => u.pathname === '/admin/clients/new');
    await page.locator('#client_name').fill('Console machine client');
    await page.locator('#grant-authorization_code').uncheck();
    await page.locator('#grant-refresh_token').uncheck();
    await page.locator('#grant-client_credentials').check();
    await page.locator('#scope').fill('read');
    await submit(page, '#create-client');
    const clientId = (await page.locator('#created-client-id').innerText()).trim();
    const secret = (await page.locator('#client-secret').innerText()).trim();
    await screenshot(page, 'admin-client-created');
    const res = await fetch(`${stack.publicUrl}/oauth2/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&scope=read',
    });
    assert.equal(res.status, 200, await res.clone().text());
    assert.ok(((await res.json()) as { access_token?: string }).access_token);
    await page.goto(`${stack.appUrl}/admin/audit`);
    assert.match(await page.locator('#audit-table').innerText(), new RegExp(`client\\.create\\s+${clientId}`));
    await context.close();
  });

  it('lets an admin disable a user, who then cannot sign in', async () => {
    const admin = await browser.newContext();
    const adminPage = await admin.newPage();
    await signIntoAccount(adminPage, stack, stack.demo.adminEmail, stack.demo.password, '/admin/users');
    await adminPage.waitForURL((u) => u.pathname === '/admin/users');
    await createUserInConsole(adminPage, stack, 'to-disable@example.com', 'a sturdy passphrase 1');
    await adminPage.getByRole('button', { name: 'Disable to-disable@example.com' }).click();
    await adminPage.getByText('The user was updated.').waitFor();
    assert.match(await adminPage.locator('[data-user-email="to-disable@example.com"]').innerText(), /disabled/);

    const person = await browser.newContext();
    const page = await person.newPage();
    await signIntoAccount(page, stack, 'to-disable@example.com', 'a sturdy passphrase 1');
    await page.waitForLoadState();
    assert.equal(new URL(page.url()).pathname, '/login');
    await page.getByText(/This account is disabled/).waitFor();
    await admin.close();
    await person.close();
  });

  it('answers a signed-in non-admin with 403 at /admin and refuses admin actions posted directly', async () => {
    const admin = await browser.newContext();
    const adminPage = await admin.newPage();
    await signIntoAccount(adminPage, stack, stack.demo.adminEmail, stack.demo.password, '/admin/users');
    await adminPage.waitForURL((u) => u.pathname === '/admin/users');
    await createUserInConsole(adminPage, stack, 'plain@example.com', 'another sturdy passphrase');
    const html = await adminPage.content();
    const demoRow = parseForms(html).find((f) => f.fields.some((x) => x.name === 'disabled') && html.includes('demo@example.com'));
    assert.ok(demoRow, 'the admin page has a disable form');

    const person = await browser.newContext();
    const page = await person.newPage();
    await signIntoAccount(page, stack, 'plain@example.com', 'another sturdy passphrase');
    await page.waitForURL((u) => u.pathname === '/account');
    const forbidden = await page.goto(`${stack.appUrl}/admin`);
    assert.equal(forbidden?.status(), 403);
    await page.getByRole('heading', { name: 'You do not have access to this page' }).waitFor();

    // The non-admin replays the admin's "disable" form with their own valid CSRF token.
    await page.goto(`${stack.appUrl}/account`);
    const ownToken = await page.locator('input[name="csrf_token"]').first().inputValue();
    const demoUserId = await adminPage.locator('[data-user-email="demo@example.com"] input[name="userId"]').first().inputValue();
    const multipart: Record<string, string> = {};
    for (const f of demoRow.fields) if (f.name) multipart[f.name] = f.value;
    Object.assign(multipart, { csrf_token: ownToken, userId: demoUserId, disabled: 'true' });
    const res = await page.request.post(`${stack.appUrl}/admin/users`, { multipart, maxRedirects: 0 });
    assert.ok([303, 307].includes(res.status()), `expected a redirect, got ${res.status()}`);
    assert.match(res.headers().location ?? '', /error=Only%20operators/);
    await adminPage.goto(`${stack.appUrl}/admin/users`);
    assert.doesNotMatch(await adminPage.locator('[data-user-email="demo@example.com"]').innerText(), /disabled/);
    await admin.close();
    await person.close();
  });
});
