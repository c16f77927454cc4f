// The two databases and two engines Gatehouse supports; one SQLite source schema per service,
// from which the PostgreSQL schema is derived.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PRISMA_DIR = path.dirname(fileURLToPath(import.meta.url));
export const SERVICES = ['app', 'token-server'];
export const PROVIDERS = ['sqlite', 'postgresql'];

export function schemaPath(service, provider) {
  return path.join(PRISMA_DIR, service, provider === 'sqlite' ? 'schema.prisma' : 'postgresql.prisma');
}

export function migrationsPath(service, provider) {
  return path.join(PRISMA_DIR, service, 'migrations', provider);
}

/** The PostgreSQL schema is the SQLite one with the provider and client output swapped. */
export function derivePostgresql(source) {
  return (
    '// GENERATED from schema.prisma by `npm run prisma:derive`; edit schema.prisma instead.\n' +
    source
      .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
      .replace(/(output\s*=\s*"[^"]*)-sqlite"/, '$1-postgresql"')
  );
}

/**
 * Splits Prisma's `?schema=` parameter off a PostgreSQL URL (node-postgres does not know it) and
 * turns it into a search_path, so the app and the token server can share one database in separate schemas.
 */
export function postgresConnection(url) {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? 'public';
  parsed.searchParams.delete('schema');
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name in database URL: ${schema}`);
  return { connectionString: parsed.toString(), schema, options: `-c search_path="${schema}"` };
}
