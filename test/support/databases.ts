// Throw-away databases for tests: a SQLite file in a temp directory, or a fresh PostgreSQL schema in
// the `test` database when GATEHOUSE_TEST_DATABASE=postgres (as .ci/run's second pass sets).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_ENGINE = process.env.GATEHOUSE_TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
export const POSTGRES_URL = process.env.GATEHOUSE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type TestDatabase = { url: string; drop: () => Promise<void> };

export function tempDir(prefix = 'gatehouse-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A database URL in the engine this test pass runs on; `drop` removes it. */
export async function testDatabase(name: string): Promise<TestDatabase> {
  if (TEST_ENGINE === 'sqlite') {
    const dir = tempDir();
    return { url: `sqlite://${path.join(dir, `${name}.sqlite`)}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `t_${name.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
  return {
    url: `${POSTGRES_URL}?schema=${schema}`,
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}
