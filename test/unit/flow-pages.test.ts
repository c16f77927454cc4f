// The flow pages' HTTP edge, on a real server with the real handler. No Hydra is reached by these
// requests, and the database only by the one test that wants it to fail.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-flow-pages-'));
const env = {
  GATEHOUSE_DEV: '1',
  HYDRA_ADMIN_URL: 'http://127.0.0.1:9',
  HYDRA_PUBLIC_URL: 'http://127.0.0.1:9',
  DATABASE_URL: `file:${path.join(dataDir, 'app.sqlite')}`,
  APP_URL: 'http://gatehouse.test',
  APP_SECRETS: 'a-development-secret-for-this-test',
  APP_ACCENT_COLOR: '#123456',
  LOG_LEVEL: 'silent',
};
// The pages read the same validated configuration as the app process (lib/app-config.ts).
Object.assign(process.env, env);

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer; text: string };

describe('flow pages over HTTP', () => {
  let server: Server;
  let base: string;
  let stylesheetHref: string;

  before(async () => {
    const { loadAppConfig } = await import('../../lib/config');
    const { createLogger } = await import('../../lib/logger');
    const { createFlowPages } = await import('../../lib/flow-pages');
    const { stylesheetOf } = await import('../../lib/flow-pages/stylesheet');
    const stylesheet = stylesheetOf('body{color:red}', '#123456');
    stylesheetHref = stylesheet.href;
    const flowPages = createFlowPages({ config: loadAppConfig(env), log: createLogger('test', 'silent'), stylesheet });
    server = createServer((req, res) => {
      void flowPages(req, res).then((handled) => {
        if (!handled) res.writeHead(299).end('next');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** node:http rather than fetch: it sends exactly the headers given (no Origin, no compression). */
  function send(method: string, pathname: string, options: { headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean } = {}): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = request(`${base}${pathname}`, { method, headers: options.headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
        });
      });
      req.on('error', reject);
      if (options.chunked && options.body) {
        const body = Buffer.from(options.body);
        for (let at = 0; at < body.length; at += 16 * 1024) req.write(body.subarray(at, at + 16 * 1024));
        req.end();
      } else req.end(options.body);
    });
  }

  const form = (fields: Record<string, string>) => ({
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

  const csrfTokenIn = (page: string) => /name="csrf_token" value="([^"]*)"/.exec(page)?.[1];

  it('leaves every other path to Next.js', async () => {
    for (const p of ['/', '/account', '/login/', '/loginx', '/health/alive']) assert.equal((await send('GET', p)).status, 299, p);
  });

  it('serves a page with the strict CSP, no-store and no script', async () => {
    const res = await send('GET', '/error?error=access_denied');
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-security-policy'], "default-src 'none'; style-src 'self'; img-src 'self' https: data:; base-uri 'none'; frame-ancestors 'none'");
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal(res.headers['x-frame-options'], 'DENY');
    assert.match(res.text, /<link rel="stylesheet" href="\/assets\/flow-[0-9a-f]{10}\.css">/);
    assert.doesNotMatch(res.text, /<script|style="/i);
    const head = await send('HEAD', '/error?error=access_denied');
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
  });

  it('issues the CSRF cookie once and embeds a token bound to the page', async () => {
    const first = await send('GET', '/registration');
    assert.equal(first.status, 200);
    const cookie = String(first.headers['set-cookie']);
    assert.match(cookie, /^gatehouse_csrf=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/, 'no Secure flag for an http APP_URL');
    const nonce = cookie.split(';')[0]!;
    const token = csrfTokenIn(first.text);
    assert.ok(token);

    const again = await send('GET', '/registration', { headers: { cookie: nonce } });
    assert.equal(again.headers['set-cookie'], undefined, 'a browser that has the cookie keeps it');
    assert.equal(csrfTokenIn(again.text), token);

    const { loadAppConfig } = await import('../../lib/config');
    const { csrfTokenFor } = await import('../../lib/security/csrf-token');
    assert.equal(token, csrfTokenFor(nonce.split('=')[1]!, 'registration:', loadAppConfig(env).APP_SECRETS));
  });

  it('checks the CSRF token of a post first: a wrong one shows the expired-form alert, the right one reaches the form checks', async () => {
    const page = await send('GET', '/registration');
    const nonce = String(page.headers['set-cookie']).split(';')[0]!;
    const token = csrfTokenIn(page.text)!;

    const forged = form({ csrf_token: 'forged', name: '', email: 'ada@example.com', password: '' });
    const refused = await send('POST', '/registration', { ...forged, headers: { ...forged.headers, cookie: nonce, origin: 'http://gatehouse.test' } });
    assert.equal(refused.status, 200);
    assert.match(refused.text, /role="alert"[^>]*>This form has expired/);
    assert.doesNotMatch(refused.text, /id="name-error"/);

    const noCookie = await send('POST', '/registration', form({ csrf_token: token, name: '' }));
    assert.match(noCookie.text, /This form has expired/);
    assert.match(String(noCookie.headers['set-cookie']), /^gatehouse_csrf=/, 'the form comes back with a cookie, so the next post can work');

    const valid = form({ csrf_token: token, name: '', email: 'not-an-address', password: 'hunter2', unknown_field: 'ignored' });
    const checked = await send('POST', '/registration', { ...valid, headers: { ...valid.headers, cookie: nonce } });
    assert.equal(checked.status, 200);
    assert.doesNotMatch(checked.text, /This form has expired/);
    assert.match(checked.text, /<input id="name" name="name"[^>]*aria-invalid="true"[^>]* autofocus>/);
    assert.match(checked.text, /<input id="email"[^>]*value="not-an-address"/);
    assert.doesNotMatch(checked.text, /hunter2/);
  });

  it('answers an unexpected failure with the try-again page and 503, never a stack trace', async () => {
    // The test database was never migrated, so storing a valid sign-up fails inside Prisma.
    const page = await send('GET', '/registration');
    const nonce = String(page.headers['set-cookie']).split(';')[0]!;
    const body = form({ csrf_token: csrfTokenIn(page.text)!, name: 'Ada Lovelace', email: 'ada@example.com', password: 'a long and unusual passphrase' });
    const res = await send('POST', '/registration', { ...body, headers: { ...body.headers, cookie: nonce } });
    assert.equal(res.status, 503);
    assert.match(res.text, /Signing in is not possible right now/);
    assert.match(res.text, /<a href="\/registration"[^>]*>Try again<\/a>/);
    assert.doesNotMatch(res.text, /prisma|at .*\.ts:\d+|Error:/i);
  });

  it('refuses a form posted from another origin, before reading it', async () => {
    const body = form({ csrf_token: 'x', challenge: 'abc', intent: 'accept' });
    const res = await send('POST', '/login', { ...body, headers: { ...body.headers, origin: 'https://evil.example' } });
    assert.equal(res.status, 403);
    assert.match(res.text, /This form was sent from another site/);
    assert.equal(res.headers['cache-control'], 'no-store');
    const nullOrigin = await send('POST', '/login', { ...body, headers: { ...body.headers, origin: 'null' } });
    assert.equal(nullOrigin.status, 403);
  });

  it('accepts url-encoded bodies of at most 64 KB', async () => {
    const page = await send('GET', '/registration');
    const nonce = String(page.headers['set-cookie']).split(';')[0]!;
    const fields = { csrf_token: csrfTokenIn(page.text)!, name: '', email: 'x', password: '' };
    const at = (bytes: number) => {
      const base = new URLSearchParams(fields).toString();
      return `${base}&pad=${'a'.repeat(bytes - base.length - 5)}`;
    };
    const headers = { 'content-type': 'application/x-www-form-urlencoded', cookie: nonce };
    assert.equal(Buffer.byteLength(at(64 * 1024)), 64 * 1024);
    assert.equal((await send('POST', '/registration', { headers, body: at(64 * 1024) })).status, 200);
    const declared = await send('POST', '/registration', { headers, body: at(64 * 1024 + 1) });
    assert.equal(declared.status, 413);
    assert.match(declared.text, /This form is too large/);
    assert.equal((await send('POST', '/registration', { headers, body: at(200 * 1024), chunked: true })).status, 413, 'without a Content-Length too');
    const json = await send('POST', '/registration', { headers: { 'content-type': 'application/json', cookie: nonce }, body: '{}' });
    assert.equal(json.status, 415);
  });

  it('answers other methods with 405 and the methods it allows', async () => {
    const put = await send('PUT', '/login');
    assert.equal(put.status, 405);
    assert.equal(put.headers.allow, 'GET, HEAD, POST');
    assert.match(put.text, /This page cannot be used this way/);
    const post = await send('POST', '/error', form({}));
    assert.equal(post.status, 405);
    assert.equal(post.headers.allow, 'GET, HEAD');
    assert.equal((await send('DELETE', stylesheetHref)).headers.allow, 'GET, HEAD');
  });

  it('serves the stylesheet with the brand colour, under a name that changes with it, cached for a year', async () => {
    const plain = await send('GET', stylesheetHref);
    assert.equal(plain.status, 200);
    assert.equal(plain.headers['content-type'], 'text/css; charset=utf-8');
    assert.equal(plain.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(plain.text, /:root\{--brand-accent:#123456\}/);
    const gzipped = await send('GET', stylesheetHref, { headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(gzipped.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gzipped.body).toString('utf8'), plain.text);
    assert.equal((await send('GET', '/assets/flow-0000000000.css')).status, 404);
    const { stylesheetOf } = await import('../../lib/flow-pages/stylesheet');
    assert.notEqual(stylesheetOf('body{color:red}', '#654321').href, stylesheetHref);
  });
});
