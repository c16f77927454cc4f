import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { freePort } from '../support/ports';
import { startStack, type Stack } from '../support/stack';

const production = {
  PATH: process.env.PATH ?? '',
  DSN: 'memory',
  SECRETS_SYSTEM: 'a-production-secret-that-is-long-enough',
  URLS_SELF_ISSUER: 'https://auth.example/',
  URLS_LOGIN: 'https://login.example/login',
  URLS_CONSENT: 'https://login.example/consent',
  URLS_LOGOUT: 'https://login.example/logout',
  URLS_ERROR: 'https://login.example/error',
  URLS_POST_LOGOUT_REDIRECT: 'https://login.example/',
  HYDRA_ADMIN_URL: 'http://127.0.0.1:1',
  HYDRA_PUBLIC_URL: 'http://127.0.0.1:1',
  DATABASE_URL: 'file:/tmp/never-created.sqlite',
  APP_URL: 'https://login.example',
  APP_SECRETS: 'an-app-secret-that-is-long-enough-000',
};

function serveWith(env: Record<string, string>, args: string[] = []) {
  return spawnSync(process.execPath, ['lib/cli/bin.mjs', 'serve', ...args], { env: env as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 60_000 });
}

describe('gatehouse serve refuses bad configuration with one line', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['a wrong DSN', { DSN: 'mysql://root@localhost/hydra' }, /^gatehouse: invalid configuration: DSN got "mysql:\/\/root@localhost\/hydra", expected memory, sqlite:\/\/PATH or postgres:\/\/USER@HOST\/DB$/],
    ['a malformed issuer', { URLS_SELF_ISSUER: 'auth.example' }, /^gatehouse: invalid configuration: URLS_SELF_ISSUER got "auth.example", expected an absolute http\(s\) URL$/],
    ['a short secret outside development mode', { SECRETS_SYSTEM: 'too-short' }, /^gatehouse: invalid configuration: SECRETS_SYSTEM got a secret of 9 characters, expected at least 32 characters outside development mode$/],
  ];
  for (const [what, override, expected] of cases) {
    it(`stops on ${what}`, () => {
      const result = serveWith({ ...production, ...override });
      assert.equal(result.status, 1);
      const lines = result.stderr.trim().split('\n').filter((l) => !l.includes('Unsupported runtime'));
      assert.equal(lines.length, 1, result.stderr);
      assert.match(lines[0]!, expected);
      assert.doesNotMatch(result.stderr, /\bat .+:\d+:\d+/);
    });
  }
});

describe('gatehouse serve --dev', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => stack?.stop());

  it('prints where each part listens and the demo credentials', () => {
    const out = stack.output();
    assert.match(out, new RegExp(`Token server, public API\\s+${stack.publicUrl}`));
    assert.match(out, new RegExp(`Token server, admin API\\s+${stack.adminUrl}`));
    assert.match(out, new RegExp(`App \\(login, consent\\)\\s+${stack.appUrl}`));
    assert.match(out, /Demo user\s+demo@example\.com\s+password: \S+/);
    assert.match(out, /Demo OAuth2 client\s+client_id: gatehouse-demo\s+client_secret: \S+/);
  });

  it('serves health on every port and created the demo client through the admin API', async () => {
    for (const url of [stack.publicUrl, stack.adminUrl, stack.appUrl]) {
      const res = await fetch(`${url}/health/ready`);
      assert.equal(res.status, 200, url);
    }
    const client = await fetch(`${stack.adminUrl}/admin/clients/gatehouse-demo`);
    assert.equal(client.status, 200);
  });

  it('keeps its data across a restart and leaves no process behind on Ctrl-C', async () => {
    const group = stack.pid;
    assert.ok(Number(execFileSync('sh', ['-c', `pgrep -g ${group} | wc -l`], { encoding: 'utf8' })) >= 3);
    const dataDir = stack.dataDir;
    const before = await (await fetch(`${stack.adminUrl}/admin/clients/gatehouse-demo`)).json();
    await stack.stop({ keepData: true });
    assert.equal(Number(execFileSync('sh', ['-c', `pgrep -g ${group} | wc -l`], { encoding: 'utf8' })), 0);
    stack = await startStack({}, dataDir);
    const again = await (await fetch(`${stack.adminUrl}/admin/clients/gatehouse-demo`)).json();
    assert.deepEqual(again, before);
  });
});

describe('gatehouse serve one service', () => {
  it('refuses an unknown service on the command line (exit 2)', () => {
    const result = serveWith(production, ['everything']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /serve takes one of all, app, token-server, got "everything"/);
  });

  it('runs the token server alone, with only its own configuration, and stops it on Ctrl-C', async () => {
    const [publicPort, adminPort] = [await freePort(), await freePort()];
    // Only the token server's variables: the app's are not needed for `serve token-server`.
    const { HYDRA_ADMIN_URL: _a, HYDRA_PUBLIC_URL: _p, DATABASE_URL: _d, APP_URL: _u, APP_SECRETS: _s, ...tokenServerOnly } = production;
    const env: Record<string, string> = { ...tokenServerOnly, SERVE_PUBLIC_PORT: String(publicPort), SERVE_ADMIN_PORT: String(adminPort), SERVE_HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
    const child = spawn(process.execPath, ['lib/cli/bin.mjs', 'serve', 'token-server'], {
      env: env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const deadline = Date.now() + 60_000;
      while (!output.includes('Press Ctrl-C to stop.')) {
        assert.ok(child.exitCode === null && Date.now() < deadline, `the token server did not start:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.match(output, new RegExp(`Token server, admin API\\s+http://127.0.0.1:${adminPort}`));
      assert.doesNotMatch(output, /App \(login, consent\)/);
      assert.equal((await fetch(`http://127.0.0.1:${adminPort}/health/ready`)).status, 200);
    } finally {
      child.kill('SIGINT');
    }
    assert.equal(await exited, 0);
  });
});
