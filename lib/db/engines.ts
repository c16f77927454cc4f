// Opens a Prisma client for one service on SQLite or PostgreSQL, same code either way.
// Each (service, engine) pair has its own generated client because Prisma fixes the provider per schema.
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { DatabaseUrl } from '../config';
import { postgresConnection } from '../../prisma/services.mjs';

export type Service = 'app' | 'token-server';
export type ConcreteDatabaseUrl = Exclude<DatabaseUrl, { kind: 'memory' }>;

/** The URL form the Prisma CLI and our prisma.config.ts understand. */
export function prismaUrl(db: ConcreteDatabaseUrl): string {
  return db.kind === 'sqlite' ? `file:${path.resolve(db.file)}` : db.url;
}

export function driverAdapter(db: ConcreteDatabaseUrl) {
  if (db.kind === 'sqlite') return new PrismaBetterSQLite3({ url: `file:${path.resolve(db.file)}` });
  const { connectionString, options, schema } = postgresConnection(db.url);
  return new PrismaPg({ connectionString, options, max: 10 }, { schema });
}
