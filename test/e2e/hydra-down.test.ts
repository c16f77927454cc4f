// The app alone (`gatehouse serve app`), pointed at an admin API that does not answer: every flow page says "try again"
// instead of showing a stack trace or a raw 500, and the failure is logged.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot, VIEWPORTS } from '../support/browser';
import { tempDir } from '../support/databases';
import { freePort } from '../support/ports';

describe('Hydra admin API down', () => {
  let app: ChildProcess;
  let appUrl: string;
  let output = '';
  let browser: Browser;
  const dataDir = tempDir('gatehouse-down-');

  before(async () => {
    const [port, deadPort] = [await freePort(), await freePort()];
    appUrl = `http://127.0.0.1:${port}`;
    const env = {
      ...process.env,
      GATEHOUSE_DEV: '1',
      LOG_LEVEL: 'info',
      APP_CLIENT_SECRET: 'registered-by-the-operator',
      PORT: String(port),
      HYDRA_ADMIN_URL: `http://127.0.0.1:${deadPort}`,
      HYDRA_PUBLIC_URL: `http://127.0.0.1:${deadPort}`,
      DATABASE_URL: `file:${path.join(dataDir, 'app.sqlite')}`,
      APP_URL: appUrl,
      APP_SECRETS: 'a-development-secret-for-this-test',
    };
    // As an operator runs the app alone in front of a Hydra: `gatehouse serve app`.
    app = spawn(process.execPath, ['lib/cli/bin.mjs', 'serve', 'app'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    app.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    app.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    browser = await launchBrowser();
    const deadline = Date.now() + 60_000;
    while (!output.includes('app listening')) {
      if (app.exitCode !== null || Date.now() > deadline) throw new Error(`the app did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  after(async () => {
    await browser?.close();
    if (app && app.exitCode === null) {
      const exited = new Promise((r) => app.once('exit', r));
      app.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows a try-again page for login, consent and logout, and logs the failure', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.phone });
    for (const [route, param] of [['login', 'login_challenge'], ['consent', 'consent_challenge'], ['logout', 'logout_challenge']] as const) {
      const response = await page.goto(`${appUrl}/${route}?${param}=abc`);
      assert.equal(response?.status(), 503, 'an outage is a 503, with a page a person can act on');
      await page.getByRole('heading', { name: 'Signing in is not possible right now' }).waitFor();
      const retry = page.getByRole('link', { name: 'Try again' });
      assert.equal(await retry.getAttribute('href'), `/${route}?${param}=abc`);
      assert.doesNotMatch(await page.locator('body').innerText(), /ECONNREFUSED|at .*\.ts:\d+/);
    }
    await screenshot(page, 'hydra-down-phone-light');
    await page.close();
    assert.match(output, /Hydra's admin API is unreachable/);
  });
});
