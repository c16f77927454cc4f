import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { gatehouse, spawnGatehouse } from '../support/cli';
import { freePort } from '../support/ports';
import { startStack, type Stack } from '../support/stack';
import { signIn, submit } from './helpers/flow';

describe('gatehouse perform authorization-code, completed in a browser', () => {
  let stack: Stack;
  let browser: Browser;
  before(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('prints tokens and claims after a person signs in through the printed URL', async () => {
    const port = await freePort();
    const created = await gatehouse([
      'create', 'oauth2-client', '-e', stack.adminUrl, '--name', 'CLI walkthrough', '--grant-type', 'authorization_code,refresh_token',
      '--response-type', 'code', '--scope', 'openid,offline,email', '--redirect-uri', `http://127.0.0.1:${port}/callback`, '--format', 'json',
    ]);
    assert.equal(created.code, 0, created.stderr);
    const client = JSON.parse(created.stdout) as { client_id: string; client_secret: string };

    const run = spawnGatehouse([
      'perform', 'authorization-code', '-e', stack.adminUrl, '--public-endpoint', stack.publicUrl,
      '--client-id', client.client_id, '--client-secret', client.client_secret, '--scope', 'openid,offline,email', '--port', String(port), '--format', 'json',
    ]);
    try {
      const [, printed] = await run.waitFor(/^(http:\/\/\S+\/oauth2\/auth\?\S+)$/m);
      const page = await browser.newPage();
      await page.goto(printed!);
      await signIn(page, stack.demo.email, stack.demo.password);
      await page.waitForURL((u) => u.pathname === '/consent');
      await submit(page, '#accept');
      await page.waitForURL((u) => u.port === String(port));
      const result = await run.exited;
      assert.equal(result.code, 0, result.stderr);
      const out = JSON.parse(result.stdout) as { access_token: string; refresh_token?: string; id_token?: string; id_token_claims?: { email?: string; sub?: string } };
      assert.match(out.access_token, /\S{20,}/);
      assert.ok(out.refresh_token, 'offline was granted, so a refresh token is printed');
      assert.ok(out.id_token);
      assert.equal(out.id_token_claims?.email, stack.demo.email);
      const introspected = await gatehouse(['introspect', 'token', '-e', stack.adminUrl, '--format', 'json', out.access_token]);
      assert.equal((JSON.parse(introspected.stdout) as { active: boolean }).active, true);
    } finally {
      if (run.child.exitCode === null) run.child.kill();
      await run.exited;
    }
  });
});
