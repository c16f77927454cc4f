// Applies the checked-in migrations of one service with `prisma migrate deploy` (JS schema engine, no download).
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { postgresConnection } from '../../prisma/services.mjs';
import { projectPath } from '../project-root';
import { prismaUrl, type ConcreteDatabaseUrl, type Service } from './engines';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** PostgreSQL schemas named in the URL must exist before Prisma records its migrations table in them. */
async function ensurePostgresSchema(url: string): Promise<void> {
  const { connectionString, schema } = postgresConnection(url);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } finally {
    await client.end();
  }
}

export async function migrate(service: Service, db: ConcreteDatabaseUrl): Promise<void> {
  if (db.kind === 'postgresql') await ensurePostgresSchema(db.url);
  const prismaBin = require.resolve('prisma/build/index.js');
  const config = projectPath('prisma', 'prisma.config.ts');
  try {
    const preload = path.resolve(path.dirname(config), 'unref-engine-timers.cjs');
    await run(process.execPath, ['--require', preload, prismaBin, 'migrate', 'deploy', '--config', config], {
      env: { ...process.env, GATEHOUSE_PRISMA_SERVICE: service, GATEHOUSE_PRISMA_URL: prismaUrl(db), PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    });
  } catch (error) {
    const output = String((error as { stderr?: unknown }).stderr ?? '') || String((error as { stdout?: unknown }).stdout ?? '');
    const line = output.split('\n').find((l) => /error/i.test(l)) ?? output.trim().split('\n').pop() ?? 'unknown error';
    throw new MigrationError(`migrating the ${service} database failed: ${line.trim()}`);
  }
}
