// The app's database client (users, login throttles, audit log) on SQLite or PostgreSQL.
import { PrismaClient as SqliteClient } from '../generated/app-sqlite';
import { PrismaClient as PostgresClient } from '../generated/app-postgresql';
import { driverAdapter, type ConcreteDatabaseUrl } from './engines';

/** Both generated clients expose the same API; the SQLite one's type stands for both. */
export type AppDb = SqliteClient;

export function openAppDb(db: ConcreteDatabaseUrl): AppDb {
  const adapter = driverAdapter(db);
  if (db.kind === 'sqlite') return new SqliteClient({ adapter });
  return new PostgresClient({ adapter }) as unknown as AppDb;
}
