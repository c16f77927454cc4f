// Entry point of the token-server process: validate configuration, migrate, listen on both ports.
import { createServer, type Server } from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadTokenServerConfig, type TokenServerConfig } from '../config';
import type { ConcreteDatabaseUrl } from '../db/engines';
import { MigrationError, migrate } from '../db/migrate';
import { openTokenServerDb } from '../db/token-server-db';
import { createLogger } from '../logger';
import { createAdminHandler } from './admin/admin-server';
import type { TokenServerContext } from './context';
import { withRequestLog } from '../http/request-log';
import { KeyRing } from './keys/key-ring';
import { createProvider } from './provider';
import { createPublicHandler } from './public-server';
import { startJanitor } from './storage/janitor';
import { attachRecordStore, openRecordStore } from './storage/record-store';
import { SecretBox } from './storage/secret-box';
import { DatabaseInUseError, takeSqliteServerLock } from './storage/sqlite-server-lock';

/** DSN=memory is a throw-away SQLite file removed at exit, so both drivers see the same data. */
function concreteDatabase(config: TokenServerConfig): { db: ConcreteDatabaseUrl; cleanup: () => void } {
  if (config.DSN.kind !== 'memory') return { db: config.DSN, cleanup: () => {} };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-memory-'));
  return { db: { kind: 'sqlite', file: path.join(dir, 'token-server.sqlite') }, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

export async function startTokenServer(config: TokenServerConfig, options: { migrate: boolean }) {
  const log = createLogger('token-server', config.LOG_LEVEL);
  const { db: database, cleanup } = concreteDatabase(config);
  const serverLock = database.kind === 'sqlite' ? takeSqliteServerLock(path.resolve(database.file)) : undefined;
  try {
    if (options.migrate || config.DSN.kind === 'memory') await migrate('token-server', database);
  } catch (err) {
    serverLock?.release();
    throw err;
  }
  const db = openTokenServerDb(database);
  const records = await openRecordStore(database);
  attachRecordStore(db, records);
  const box = new SecretBox(config.SECRETS_SYSTEM);
  const keys = await KeyRing.load(db, box);
  const provider = createProvider({ config, db, box, keys });
  const ctx: TokenServerContext = { config, db, box, provider, keys, log };
  const stopJanitor = startJanitor(db, log.child({ task: 'janitor' }));
  const stopKeyWatch = keys.watch(30_000, (err) => log.warn({ err }, 'reloading signing keys failed'));

  const publicServer = createServer(withRequestLog(log.child({ port: 'public' }), createPublicHandler(ctx)));
  const adminServer = createServer(withRequestLog(log.child({ port: 'admin' }), createAdminHandler(ctx)));
  for (const s of [publicServer, adminServer]) s.keepAliveTimeout = 65_000;
  await listen(publicServer, config.SERVE_PUBLIC_PORT, config.SERVE_HOST);
  await listen(adminServer, config.SERVE_ADMIN_PORT, config.SERVE_HOST);
  log.info({ public: config.SERVE_PUBLIC_PORT, admin: config.SERVE_ADMIN_PORT, issuer: config.URLS_SELF_ISSUER }, 'token server listening');

  return {
    ctx,
    async close() {
      stopJanitor();
      stopKeyWatch();
      await Promise.all([publicServer, adminServer].map((s) => new Promise<void>((r) => { s.close(() => r()); s.closeAllConnections(); })));
      await records.close();
      await db.$disconnect();
      serverLock?.release();
      cleanup();
    },
  };
}

async function main() {
  const config = loadTokenServerConfig();
  if (config.dev) console.error('WARNING: the token server runs in development mode: http issuer allowed, generated secrets. Never use this in production.');
  const server = await startTokenServer(config, { migrate: process.argv.includes('--migrate') });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const isEntryPoint = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isEntryPoint) {
  main().catch((err: unknown) => {
    if (err instanceof ConfigError || err instanceof MigrationError || err instanceof DatabaseInUseError) {
      console.error(`gatehouse token server: ${err.message}`);
    } else {
      console.error(`gatehouse token server: failed to start: ${err instanceof Error ? err.message : String(err)}`);
    }
    process.exit(1);
  });
}
