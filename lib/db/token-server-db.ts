// The token server's database client on SQLite or PostgreSQL.
import { PrismaClient as SqliteClient } from '../generated/token-server-sqlite';
import { PrismaClient as PostgresClient } from '../generated/token-server-postgresql';
import { driverAdapter, type ConcreteDatabaseUrl } from './engines';

/** Both generated clients expose the same API; the SQLite one's type stands for both. */
export type TokenServerDb = SqliteClient;

export function openTokenServerDb(db: ConcreteDatabaseUrl): TokenServerDb {
  const adapter = driverAdapter(db);
  if (db.kind === 'sqlite') return new SqliteClient({ adapter });
  return new PostgresClient({ adapter }) as unknown as TokenServerDb;
}
