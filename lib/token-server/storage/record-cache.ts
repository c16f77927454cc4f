// A bounded cache of token and grant rows in front of the record store. A resource server introspects
// the same access token on every call it receives; without a cache each of those costs a database
// read and a decryption. Only for SQLite: there this process is the database's only writer (the
// janitor command only deletes expired rows, which the expiry check already refuses), so every change
// to a cached row passes through write() below. Several servers may share a PostgreSQL database, and
// a change made by another one would never reach this cache, so PostgreSQL reads are never cached.
import type { RecordRow, RecordStore, RecordWrite } from './record-store';

/**
 * The kinds cached: what introspection and the token endpoint read. Other kinds (sessions, for one)
 * are also deleted outside the store (logout, login-session revocation), so they are never cached.
 */
const CACHED_KINDS: ReadonlySet<string> = new Set(['AccessToken', 'ClientCredentials', 'RefreshToken', 'Grant']);

export function isCachedKind(kind: string): boolean {
  return CACHED_KINDS.has(kind);
}

/** About 1 KB per row: 10,000 rows keep the token server's heap well inside its 160 MiB limit. */
export const DEFAULT_CACHED_ROWS = 10_000;

export class CachedRecordStore implements RecordStore {
  private readonly rows = new Map<string, RecordRow>();
  /** Counts evictions: a read that overlapped one may have seen the old row, so it is not kept. */
  private evictions = 0;

  constructor(
    private readonly inner: RecordStore,
    private readonly capacity = DEFAULT_CACHED_ROWS,
  ) {}

  async findByKeys(keys: string[], now: number): Promise<RecordRow | undefined> {
    for (const key of keys) {
      const row = this.rows.get(key);
      if (row) {
        if (row.expiresAt > now) return row;
        this.rows.delete(key);
      }
    }
    const evictionsBefore = this.evictions;
    const row = await this.inner.findByKeys(keys, now);
    if (row && isCachedKind(row.kind) && this.evictions === evictionsBefore) this.remember(row);
    return row;
  }

  /**
   * Evicts what the write changes both before it is queued (readers stop seeing the old row at once)
   * and after it committed (a read between the two may have cached the old row again).
   */
  async write(w: RecordWrite): Promise<void> {
    this.evict(w);
    try {
      await this.inner.write(w);
    } finally {
      this.evict(w);
    }
  }

  findByUidKeys(kind: string, uidKeys: string[], now: number) {
    return this.inner.findByUidKeys(kind, uidKeys, now);
  }

  findConsent(id: string) {
    return this.inner.findConsent(id);
  }

  findRememberedConsent(subject: string, clientId: string, now: number) {
    return this.inner.findRememberedConsent(subject, clientId, now);
  }

  close(): Promise<void> {
    this.rows.clear();
    return this.inner.close();
  }

  /** How many rows are cached now (for tests and the benchmark). */
  get size(): number {
    return this.rows.size;
  }

  private remember(row: RecordRow): void {
    // Oldest first out: a Map iterates in insertion order.
    if (this.rows.size >= this.capacity) this.rows.delete(this.rows.keys().next().value!);
    this.rows.set(row.key, row);
  }

  private evict(w: RecordWrite): void {
    this.evictions++;
    switch (w.op) {
      case 'upsert':
        this.rows.delete(w.row.key);
        return;
      case 'consume':
      case 'destroy':
        for (const key of w.keys) this.rows.delete(key);
        return;
      case 'revokeGrant': {
        const grantKeys = new Set(w.grantKeys);
        for (const [key, row] of this.rows) if (row.grantKey !== null && grantKeys.has(row.grantKey)) this.rows.delete(key);
        return;
      }
      case 'deleteClientTokens':
        for (const [key, row] of this.rows) if (row.clientId === w.clientId) this.rows.delete(key);
        return;
      case 'upsertConsent':
        return;
    }
  }
}
