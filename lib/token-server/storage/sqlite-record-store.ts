// RecordStore on SQLite through better-sqlite3: reads on this thread's connection, writes group-committed
// by a worker thread that owns the write connection (sqlite-writer.ts), so waiting for fsync never
// blocks the event loop. A caller's write resolves once its batch committed, and a read started after
// that sees it (WAL).
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { projectPath } from '../../project-root';
import { GroupCommitQueue, type ConsentGrantRow, type RecordRow, type RecordStore, type RecordWrite } from './record-store';
import { CONSENT_GRANT_COLUMNS, RECORD_COLUMNS } from './record-columns.mjs';
import { applyPragmas, preparedByKeyCount } from './sqlite-schema.mjs';

/** The messages between this thread and sqlite-writer.mjs. */
type WriterRequest = { id: number; writes: RecordWrite[] };
type WriterReply = { id: number; error?: string };

export class SqliteRecordStore implements RecordStore {
  private readonly db: Database.Database;
  private readonly writer: Worker;
  private readonly queue: GroupCommitQueue;
  private readonly pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private failure: Error | undefined;
  private readonly findConsentStmt: Database.Statement;
  private readonly findRememberedStmt: Database.Statement;
  private readonly keyed: ReturnType<typeof preparedByKeyCount>;

  constructor(file: string) {
    this.db = new Database(path.resolve(file));
    applyPragmas(this.db);
    this.keyed = preparedByKeyCount(this.db);
    this.findConsentStmt = this.db.prepare(`SELECT ${CONSENT_GRANT_COLUMNS} FROM "ConsentSession" WHERE "id" = ?`);
    this.findRememberedStmt = this.db.prepare(
      `SELECT ${CONSENT_GRANT_COLUMNS} FROM "ConsentSession"
       WHERE "subject" = ? AND "clientId" = ? AND "skip" = 0 AND "remember" = 1 AND ("expiresAt" IS NULL OR "expiresAt" > ?)
       ORDER BY "handledAt" DESC LIMIT 1`,
    );
    // By path from the project root: this module may run from a compiled bundle elsewhere (lib/generated/server).
    // It holds only the batch in flight, so its heap is kept small (a worker is a whole V8 isolate).
    this.writer = new Worker(projectPath('lib', 'token-server', 'storage', 'sqlite-writer.mjs'), {
      workerData: { file: path.resolve(file) },
      resourceLimits: { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 32 },
    });
    this.writer.on('message', (reply: WriterReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.error) waiting?.reject(new Error(reply.error));
      else waiting?.resolve();
    });
    const stopped = (err: Error) => {
      // Without its writer the store can only refuse: every waiting and later write fails loudly.
      this.failure ??= err;
      for (const waiting of this.pending.values()) waiting.reject(err);
      this.pending.clear();
    };
    this.writer.on('error', stopped);
    this.writer.on('exit', (code) => stopped(new Error(`the SQLite writer thread stopped (exit code ${code})`)));
    this.queue = new GroupCommitQueue((writes) => this.commit(writes));
  }

  private commit(writes: RecordWrite[]): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.writer.postMessage({ id, writes } satisfies WriterRequest);
    });
  }

  write(w: RecordWrite): Promise<void> {
    return this.queue.enqueue(w);
  }

  async findByKeys(keys: string[], now: number): Promise<RecordRow | undefined> {
    const stmt = this.keyed('find', keys.length, (m) => `SELECT ${RECORD_COLUMNS} FROM "OidcRecord" WHERE "key" IN (${m}) AND "expiresAt" > ? LIMIT 1`);
    return stmt.get(...keys, now) as RecordRow | undefined;
  }

  async findByUidKeys(kind: string, uidKeys: string[], now: number): Promise<RecordRow | undefined> {
    const stmt = this.keyed('findUid', uidKeys.length, (m) => `SELECT ${RECORD_COLUMNS} FROM "OidcRecord" WHERE "kind" = ? AND "uidKey" IN (${m}) AND "expiresAt" > ? LIMIT 1`);
    return stmt.get(kind, ...uidKeys, now) as RecordRow | undefined;
  }

  async findConsent(id: string): Promise<ConsentGrantRow | undefined> {
    return this.findConsentStmt.get(id) as ConsentGrantRow | undefined;
  }

  async findRememberedConsent(subject: string, clientId: string, now: number): Promise<ConsentGrantRow | undefined> {
    return this.findRememberedStmt.get(subject, clientId, now) as ConsentGrantRow | undefined;
  }

  async close(): Promise<void> {
    await this.queue.idle();
    this.writer.removeAllListeners('exit');
    await this.writer.terminate();
    this.db.close();
  }
}
