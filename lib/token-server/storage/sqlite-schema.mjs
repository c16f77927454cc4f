// @ts-check
// What both sides of the SQLite record store share: connection settings, statements prepared once per
// key count, and Prisma's on-disk DateTime format. Plain JavaScript because the writer thread
// (sqlite-writer.mjs) loads it too, and worker threads do not inherit the TypeScript loader.

/** @param {number} n */
export function placeholders(n) {
  return Array.from({ length: n }, () => '?').join(', ');
}

/**
 * Statements that take one key per configured secret (`IN (?, ?)`), prepared once per key count.
 * @param {import('better-sqlite3').Database} db
 * @returns {(name: string, n: number, sql: (marks: string) => string) => import('better-sqlite3').Statement}
 */
export function preparedByKeyCount(db) {
  /** @type {Map<string, import('better-sqlite3').Statement>} */
  const prepared = new Map();
  return (name, n, sql) => {
    const id = `${name}:${n}`;
    let stmt = prepared.get(id);
    if (!stmt) prepared.set(id, (stmt = db.prepare(sql(placeholders(n)))));
    return stmt;
  };
}

/**
 * Prisma's SQLite adapter stores DateTime as ISO 8601 text with an explicit +00:00 offset; so do we, so both read each other.
 * @param {Date} d
 */
export function prismaDateTime(d) {
  return d.toISOString().replace('Z', '+00:00');
}

/**
 * WAL (readers never wait for the writer) with synchronous=FULL (a committed write survives power loss).
 * An 8 MiB page cache per connection (SQLite's default is 2 MiB): tokens are looked up at random across
 * the whole table. Measured with the writer thread: 2, 8, 16 and 32 MiB give the same throughput within
 * noise, and larger caches only add resident memory.
 * @param {import('better-sqlite3').Database} db
 */
export function applyPragmas(db) {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -8192');
  db.defaultSafeIntegers(false);
}
