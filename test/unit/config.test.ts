import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, DEV_SECRET_PREFIX, loadAppConfig, loadTokenServerConfig, parseDatabaseUrl, parseDuration } from '../../lib/config';

const production = {
  DSN: 'postgres://hydra@db.example/hydra',
  SECRETS_SYSTEM: 'a-production-secret-that-is-long-enough',
  URLS_SELF_ISSUER: 'https://auth.example/',
  URLS_LOGIN: 'https://login.example/login',
  URLS_CONSENT: 'https://login.example/consent',
  URLS_LOGOUT: 'https://login.example/logout',
  URLS_ERROR: 'https://login.example/error',
  URLS_POST_LOGOUT_REDIRECT: 'https://login.example/',
};

function failure(env: Record<string, string>): string {
  try {
    loadTokenServerConfig(env);
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.message;
  }
  assert.fail('expected the configuration to be refused');
}

describe('token server configuration', () => {
  it('accepts a complete production configuration with Hydra defaults', () => {
    const c = loadTokenServerConfig(production);
    assert.equal(c.dev, false);
    assert.equal(c.SERVE_PUBLIC_PORT, 4444);
    assert.equal(c.SERVE_ADMIN_PORT, 4445);
    assert.equal(c.TTL_ACCESS_TOKEN, 3600);
    assert.equal(c.TTL_REFRESH_TOKEN, 720 * 3600);
    assert.equal(c.STRATEGIES_ACCESS_TOKEN, 'opaque');
    assert.deepEqual(c.DSN, { kind: 'postgresql', url: 'postgres://hydra@db.example/hydra' });
  });

  it('names the variable, what it got and what it expects, on one line', () => {
    const dsn = failure({ ...production, DSN: 'mysql://x' });
    assert.equal(dsn, 'invalid configuration: DSN got "mysql://x", expected memory, sqlite://PATH or postgres://USER@HOST/DB');
    assert.match(failure({ ...production, URLS_SELF_ISSUER: 'not a url' }), /^invalid configuration: URLS_SELF_ISSUER got "not a url", expected an absolute http\(s\) URL$/);
    assert.match(failure({ ...production, TTL_ACCESS_TOKEN: 'forever' }), /TTL_ACCESS_TOKEN got "forever", expected a duration/);
    assert.match(failure({ ...production, URLS_LOGIN: '' }), /URLS_LOGIN got "", expected/);
    for (const message of [dsn]) assert.doesNotMatch(message, /\n/);
  });

  it('refuses short secrets, generated secrets and plain-http issuers outside development mode, without echoing secrets', () => {
    const short = failure({ ...production, SECRETS_SYSTEM: 'short-secret' });
    assert.match(short, /SECRETS_SYSTEM got a secret of 12 characters, expected at least 32/);
    assert.doesNotMatch(short, /short-secret/);
    assert.match(failure({ ...production, SECRETS_SYSTEM: `${DEV_SECRET_PREFIX}${'x'.repeat(40)}` }), /generated development secret/);
    assert.match(failure({ ...production, URLS_SELF_ISSUER: 'http://auth.example/' }), /URLS_SELF_ISSUER .* https:\/\/ URL outside development mode/);
  });

  it('allows all of that in development mode', () => {
    const c = loadTokenServerConfig({ ...production, GATEHOUSE_DEV: '1', SECRETS_SYSTEM: 'short', URLS_SELF_ISSUER: 'http://127.0.0.1:4444/' });
    assert.equal(c.dev, true);
  });

  it('reads secret lists comma-separated or as JSON, the first one first', () => {
    const a = loadTokenServerConfig({ ...production, SECRETS_SYSTEM: `${'n'.repeat(32)},${'o'.repeat(32)}` });
    assert.deepEqual(a.SECRETS_SYSTEM, ['n'.repeat(32), 'o'.repeat(32)]);
    const b = loadTokenServerConfig({ ...production, SECRETS_SYSTEM: JSON.stringify(['n'.repeat(32)]) });
    assert.deepEqual(b.SECRETS_SYSTEM, ['n'.repeat(32)]);
  });
});

describe('app configuration', () => {
  it('refuses a memory database and a missing Hydra admin URL', () => {
    assert.throws(() => loadAppConfig({}), /HYDRA_ADMIN_URL got nothing, expected an absolute http\(s\) URL/);
    assert.throws(
      () => loadAppConfig({ GATEHOUSE_DEV: '1', HYDRA_ADMIN_URL: 'http://a', HYDRA_PUBLIC_URL: 'http://b', APP_URL: 'http://c', APP_SECRETS: 'x', DATABASE_URL: 'memory' }),
      /DATABASE_URL got "memory", expected a persistent database/,
    );
  });
});

describe('parsers', () => {
  it('parses Hydra durations', () => {
    assert.equal(parseDuration('1h'), 3600);
    assert.equal(parseDuration('1h30m'), 5400);
    assert.equal(parseDuration('720h'), 2592000);
    assert.equal(parseDuration('10s'), 10);
    assert.equal(parseDuration('1d'), undefined);
    assert.equal(parseDuration(''), undefined);
  });

  it('parses Hydra DSNs and Prisma file URLs', () => {
    assert.deepEqual(parseDatabaseUrl('memory'), { kind: 'memory' });
    assert.deepEqual(parseDatabaseUrl('sqlite:///var/lib/hydra.sqlite?_fk=true'), { kind: 'sqlite', file: '/var/lib/hydra.sqlite' });
    assert.deepEqual(parseDatabaseUrl('file:./.data/app.sqlite'), { kind: 'sqlite', file: './.data/app.sqlite' });
    assert.equal(parseDatabaseUrl('postgresql://u@h/db')?.kind, 'postgresql');
    assert.equal(parseDatabaseUrl('mysql://u@h/db'), undefined);
  });
});
