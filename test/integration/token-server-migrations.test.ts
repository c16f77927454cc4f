// The token server's checked-in migrations, applied in order to a database holding data from before
// each change: existing rows must come through with their meaning intact.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { POSTGRES_URL, TEST_ENGINE, tempDir } from '../support/databases';

const MIGRATIONS = path.resolve('prisma/token-server/migrations', TEST_ENGINE === 'postgres' ? 'postgresql' : 'sqlite');
const migrations = fs.readdirSync(MIGRATIONS).filter((d) => fs.existsSync(path.join(MIGRATIONS, d, 'migration.sql'))).sort();
const sqlOf = (name: string) => fs.readFileSync(path.join(MIGRATIONS, name, 'migration.sql'), 'utf8');

/** Runs SQL scripts and queries on a throw-away database of the engine this pass tests. */
type Scratch = { exec(sql: string): Promise<void>; rows<T>(sql: string): Promise<T[]>; drop(): Promise<void> };

async function scratchDatabase(): Promise<Scratch> {
  if (TEST_ENGINE === 'sqlite') {
    const dir = tempDir();
    const db = new Database(path.join(dir, 'migrations.sqlite'));
    return {
      exec: async (sql) => void db.exec(sql),
      rows: async <T,>(sql: string) => db.prepare(sql).all() as T[],
      drop: async () => {
        db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_migrations_${process.pid}`;
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE; CREATE SCHEMA "${schema}"; SET search_path TO "${schema}"`);
  return {
    exec: async (sql) => void (await client.query(sql)),
    rows: async <T,>(sql: string) => (await client.query(sql)).rows as T[],
    drop: async () => {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

describe(`token-server migrations (${TEST_ENGINE})`, () => {
  let db: Scratch;
  before(async () => {
    db = await scratchDatabase();
  });
  after(async () => db.drop());

  it('marks consents that were accepted as skips when the skip column arrives', async () => {
    const target = migrations.findIndex((m) => m.endsWith('_consent_skip'));
    assert.ok(target > 0, `the consent_skip migration is among ${migrations.join(', ')}`);
    for (const m of migrations.slice(0, target)) await db.exec(sqlOf(m));

    const consent = (id: string, skip: boolean) =>
      `INSERT INTO "ConsentSession" ("id", "subject", "clientId", "grantScope", "grantAudience", "session", "request", "remember", "rememberFor", "handledAt")
       VALUES ('${id}', 'user-1', 'client-1', '["openid"]', '[]', '{}', '${JSON.stringify({ challenge: id, skip, client: { client_id: 'client-1', skip_consent: true } })}', true, 0, '2026-11-01 10:00:00')`;
    await db.exec(consent('given', false));
    await db.exec(consent('skipped', true));

    for (const m of migrations.slice(target)) await db.exec(sqlOf(m));
    const rows = await db.rows<{ id: string; skip: boolean | number }>('SELECT "id", "skip" FROM "ConsentSession" ORDER BY "id"');
    assert.deepEqual(rows.map((r) => [r.id, Boolean(r.skip)]), [['given', false], ['skipped', true]]);
  });
});
