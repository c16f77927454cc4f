// The hot storage path of the token server, read and written through the database driver directly
// (the tables are Prisma's, created by its migrations): OidcRecord, where every oidc-provider model
// lives, and the consent sessions every flow writes once and every token reads.
// Writes are group-committed: every write queued during one turn of the event loop goes into one
// transaction, and each caller's promise resolves only after that transaction committed, so an
// issued token is durable when its response is sent while the per-commit cost (one fsync) is shared
// by all concurrent requests.
import type { ConcreteDatabaseUrl } from '../../db/engines';

export type RecordRow = {
  key: string;
  kind: string;
  payload: string;
  grantKey: string | null;
  uidKey: string | null;
  subject: string | null;
  clientId: string | null;
  expiresAt: number;
  consumedAt: number | null;
};

/** A ConsentSession row; the JSON columns hold JSON text. */
export type ConsentRow = {
  id: string;
  subject: string;
  clientId: string;
  loginSessionId: string | null;
  grantScope: string;
  grantAudience: string;
  session: string;
  context: string | null;
  request: string;
  remember: boolean;
  rememberFor: number;
  handledAt: Date;
  expiresAt: number | null;
  skip: boolean;
};

/** What tokens and the skip decision need of a consent session. */
export type ConsentGrantRow = Pick<ConsentRow, 'id' | 'subject' | 'clientId' | 'grantScope' | 'grantAudience' | 'session'>;

export type RecordWrite =
  | { op: 'upsert'; row: RecordRow }
  | { op: 'consume'; keys: string[]; at: number }
  | { op: 'destroy'; keys: string[] }
  | { op: 'revokeGrant'; grantKeys: string[] }
  /** Hydra's DELETE /admin/oauth2/tokens?client_id=: the client's records of these kinds. */
  | { op: 'deleteClientTokens'; clientId: string; kinds: readonly string[] }
  | { op: 'upsertConsent'; row: ConsentRow };

export interface RecordStore {
  write(w: RecordWrite): Promise<void>;
  findByKeys(keys: string[], now: number): Promise<RecordRow | undefined>;
  findByUidKeys(kind: string, uidKeys: string[], now: number): Promise<RecordRow | undefined>;
  findConsent(id: string): Promise<ConsentGrantRow | undefined>;
  /** Hydra's lookup: the newest remembered, unexpired consent of subject for client that was not itself a skip. */
  findRememberedConsent(subject: string, clientId: string, now: number): Promise<ConsentGrantRow | undefined>;
  close(): Promise<void>;
}

export async function openRecordStore(db: ConcreteDatabaseUrl): Promise<RecordStore> {
  if (db.kind === 'sqlite') {
    const [{ SqliteRecordStore }, { CachedRecordStore }] = await Promise.all([import('./sqlite-record-store'), import('./record-cache')]);
    return new CachedRecordStore(new SqliteRecordStore(db.file));
  }
  const { PostgresRecordStore } = await import('./postgres-record-store');
  return new PostgresRecordStore(db.url);
}

/** Runs queued writes in batches, one batch at a time, resolving each caller after its batch committed. */
export class GroupCommitQueue {
  private queue: { w: RecordWrite; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private running = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly commit: (writes: RecordWrite[]) => Promise<void>) {}

  /** Resolves once every write queued so far has been committed (or refused). */
  idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  enqueue(w: RecordWrite): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ w, resolve, reject });
      if (!this.running) {
        this.running = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      try {
        await this.commit(batch.map((b) => b.w));
        for (const b of batch) b.resolve();
      } catch {
        // One bad write must not fail its neighbours: retry each alone and report per caller.
        for (const b of batch) {
          try {
            await this.commit([b.w]);
            b.resolve();
          } catch (err) {
            b.reject(err);
          }
        }
      }
    }
    this.running = false;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}

/** The RecordStore serving a token-server database, attached once by main.ts when it opens both. */
const attached = new WeakMap<object, RecordStore>();

export function attachRecordStore(db: object, store: RecordStore): void {
  attached.set(db, store);
}

export function recordStoreOf(db: object): RecordStore {
  const store = attached.get(db);
  if (!store) throw new Error('no record store is attached to this token-server database');
  return store;
}
