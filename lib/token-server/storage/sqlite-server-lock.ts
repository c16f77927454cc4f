// One token server per SQLite file: the record cache (record-cache.ts) relies on this process seeing
// every change to a token. The lock is an exclusive lock on a small file beside the database, taken
// before migrating, held while the server runs and released by the operating system if the process
// dies. Commands such as `gatehouse janitor` do not take it.
import Database from 'better-sqlite3';

export class DatabaseInUseError extends Error {}

export function takeSqliteServerLock(file: string): { release(): void } {
  const lock = new Database(`${file}.server-lock`);
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.pragma('busy_timeout = 0');
    // In exclusive locking mode the lock a transaction takes is kept until the connection closes.
    lock.exec('BEGIN EXCLUSIVE; COMMIT;');
  } catch (err) {
    lock.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY') {
      throw new DatabaseInUseError(
        `the SQLite database ${file} is in use by another token server. SQLite serves one token server; run several on PostgreSQL (DSN=postgres://…).`,
      );
    }
    throw err;
  }
  return { release: () => lock.close() };
}
