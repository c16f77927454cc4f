// Prisma CLI configuration for every service and engine, chosen by environment:
// GATEHOUSE_PRISMA_SERVICE (app | token-server) and GATEHOUSE_PRISMA_URL (file:… or postgres://…).
// The JS schema engine with a driver adapter needs no native engine download.
import path from 'node:path';
import type { PrismaConfig } from 'prisma';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { migrationsPath, postgresConnection, schemaPath } from './services.mjs';

const service = process.env.GATEHOUSE_PRISMA_SERVICE ?? 'app';
const url = process.env.GATEHOUSE_PRISMA_URL ?? 'file:./.data/prisma-cli.sqlite';
const provider = /^postgres(ql)?:/.test(url) ? 'postgresql' : 'sqlite';

// PostgreSQL reports catalog columns of type `name` (oid 19), which the JS schema engine cannot
// deserialize ("Column type 'name' could not be deserialized"); they are plain text, so say so.
const NAME_OID = 19;
const TEXT_OID = 25;

type FieldsResult = { fields?: { dataTypeID: number }[] };
type Queryable = { query: (...args: unknown[]) => unknown };

function relabel<R extends FieldsResult | FieldsResult[]>(result: R): R {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const f of r?.fields ?? []) if (f.dataTypeID === NAME_OID) f.dataTypeID = TEXT_OID;
  }
  return result;
}

/** Wraps `query` in both its promise and its callback form (pool.query calls clients with a callback). */
function reportNameColumnsAsText(target: Queryable): void {
  const query = target.query.bind(target);
  target.query = (...args: unknown[]) => {
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (err: unknown, result: FieldsResult) => last(err, result && relabel(result));
    }
    const out = query(...args);
    return out instanceof Promise ? out.then(relabel) : out;
  };
}

export default {
  experimental: { adapter: true },
  schema: schemaPath(service, provider),
  migrations: { path: migrationsPath(service, provider) },
  engine: 'js',
  async adapter() {
    if (provider === 'sqlite') {
      const file = url.replace(/^(file:|sqlite:\/\/|sqlite:)/, '').replace(/\?.*$/, '');
      return new PrismaBetterSQLite3({ url: `file:${path.resolve(file)}` });
    }
    const { connectionString, options, schema } = postgresConnection(url);
    // allowExitOnIdle: the CLI never ends the pool, and idle connections would hold it open for 10 s.
    const pool = new pg.Pool({ connectionString, options, allowExitOnIdle: true, idleTimeoutMillis: 100 });
    reportNameColumnsAsText(pool as unknown as Queryable);
    pool.on('connect', (client) => reportNameColumnsAsText(client as unknown as Queryable));
    return new PrismaPg(pool, { schema, disposeExternalPool: true });
  },
} satisfies PrismaConfig;
