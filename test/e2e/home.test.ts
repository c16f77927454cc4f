import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot, VIEWPORTS } from '../support/browser';
import { startStack, type Stack } from '../support/stack';

describe('home page', () => {
  let stack: Stack;
  let browser: Browser;
  before(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('tells a person what this service is, with the security headers set', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
    const response = await page.goto(stack.appUrl);
    assert.equal(response?.status(), 200);
    const headers = response!.headers();
    assert.match(headers['content-security-policy'] ?? '', /frame-ancestors 'none'/);
    assert.equal(headers['referrer-policy'], 'same-origin');
    await page.getByRole('heading', { name: 'Sign-in service' }).waitFor();
    assert.match(await page.locator('main').innerText(), /sends you here when it needs you to sign in/);
    await screenshot(page, 'home-desktop');
    await page.close();
  });

  it('exposes health endpoints that include reaching Hydra', async () => {
    const res = await fetch(`${stack.appUrl}/health/ready`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok' });
  });
});
