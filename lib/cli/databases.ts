// Database URLs from flags or the environment (DATABASE_URL for the app, DSN for the token server).
import { parseDatabaseUrl } from '../config';
import type { ConcreteDatabaseUrl } from '../db/engines';
import { UsageError } from './errors';

export function databaseFrom(value: string | undefined, what: string): ConcreteDatabaseUrl | undefined {
  if (value === undefined || value === '') return undefined;
  const db = parseDatabaseUrl(value);
  if (!db) throw new UsageError(`${what} got "${value}", expected sqlite://PATH, file:PATH or postgres://USER@HOST/DB`);
  if (db.kind === 'memory') throw new UsageError(`${what} is "memory": there is nothing to work on`);
  return db;
}

/** The database for display: the file of SQLite, the URL of PostgreSQL without its password. */
export function describeDatabase(db: ConcreteDatabaseUrl): string {
  if (db.kind === 'sqlite') return `SQLite ${db.file}`;
  const url = new URL(db.url);
  if (url.password) url.password = '***';
  return `PostgreSQL ${url.toString()}`;
}

export function appDatabase(flag: string | undefined): ConcreteDatabaseUrl {
  const db = databaseFrom(flag ?? process.env.DATABASE_URL, flag ? '--database' : 'DATABASE_URL');
  if (!db) throw new UsageError('no app database: pass --database or set DATABASE_URL');
  return db;
}
