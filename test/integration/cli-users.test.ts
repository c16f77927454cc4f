// `gatehouse migrate` and `gatehouse users …` as subprocesses against a throw-away app database.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { gatehouse } from '../support/cli';
import { TEST_ENGINE, testDatabase, type TestDatabase } from '../support/databases';

type User = { id: string; email: string; name: string | null; role: string; disabled: boolean };

describe('gatehouse CLI: migrate and users', () => {
  let database: TestDatabase;
  let tokenServerDatabase: TestDatabase;
  let env: Record<string, string>;

  before(async () => {
    database = await testDatabase('cli_app');
    tokenServerDatabase = await testDatabase('cli_token_server');
    env = { DATABASE_URL: database.url };
  });
  after(async () => {
    await database.drop();
    await tokenServerDatabase.drop();
  });

  it('migrate applies the app and token-server migrations (PostgreSQL only with --yes)', async () => {
    if (TEST_ENGINE === 'postgres') {
      const refused = await gatehouse(['migrate'], { env });
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /--yes/);
    }
    const res = await gatehouse(['migrate', '--yes', '--token-server-dsn', tokenServerDatabase.url], { env });
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stderr, /Applying migrations to the app database .*\n {2}done in .*\nApplying migrations to the token-server database/);
    assert.match(res.stderr, /Successfully applied migrations!/);

    const nothing = await gatehouse(['migrate']);
    assert.equal(nothing.code, 2);
    assert.match(nothing.stderr, /nothing to migrate/);
  });

  it('users create reads the password from stdin, refuses duplicates and weak passwords', async () => {
    const created = await gatehouse(['users', 'create', '--email', 'Ada@Example.com', '--name', 'Ada Lovelace', '--role', 'admin', '--password-stdin', '--format', 'json'], {
      env,
      input: 'analytical engine 1843\n',
    });
    assert.equal(created.code, 0, created.stderr);
    const ada = JSON.parse(created.stdout) as User;
    assert.equal(ada.email, 'ada@example.com');
    assert.equal(ada.role, 'admin');
    assert.equal(ada.disabled, false);
    assert.doesNotMatch(created.stdout, /argon2|passwordHash/);

    const again = await gatehouse(['users', 'create', '--email', 'ada@example.com', '--password-stdin'], { env, input: 'another long password\n' });
    assert.equal(again.code, 1);
    assert.match(again.stderr, /exists already/);

    const short = await gatehouse(['users', 'create', '--email', 'b@example.com', '--password-stdin'], { env, input: 'short\n' });
    assert.equal(short.code, 2);
    assert.match(short.stderr, /at least 8 characters/);

    const noStdin = await gatehouse(['users', 'create', '--email', 'b@example.com'], { env });
    assert.equal(noStdin.code, 2);
    assert.match(noStdin.stderr, /^Usage: gatehouse users create/m);
  });

  it('users list, disable, enable, set-password and delete', async () => {
    const list = await gatehouse(['users', 'list'], { env });
    assert.match(list.stdout, /^ID\s+EMAIL\s+NAME\s+ROLE\s+DISABLED$/m);
    assert.match(list.stdout, /ada@example\.com\s+Ada Lovelace\s+admin\s+false/);

    const disabled = await gatehouse(['users', 'disable', 'ada@example.com', '--format', 'json'], { env });
    assert.equal((JSON.parse(disabled.stdout) as User).disabled, true);
    const enabled = await gatehouse(['users', 'enable', 'ADA@example.com', '--format', 'json'], { env });
    assert.equal((JSON.parse(enabled.stdout) as User).disabled, false);

    const changed = await gatehouse(['users', 'set-password', 'ada@example.com', '--password-stdin', '-q'], { env, input: 'difference engine 1822\n' });
    assert.equal(changed.code, 0, changed.stderr);

    const id = changed.stdout.trim();
    const deleted = await gatehouse(['users', 'delete', id], { env });
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.equal((await gatehouse(['users', 'list', '-q'], { env })).stdout, '');
    const missing = await gatehouse(['users', 'disable', 'ada@example.com'], { env });
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no user with e-mail ada@example\.com/);
  });
});
