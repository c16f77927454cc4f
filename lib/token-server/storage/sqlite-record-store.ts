// RecordStore on SQLite through better-sqlite3: WAL with synchronous=FULL (a committed write survives
// power loss), prepared statements, group commit.
import path from 'node:path';
import Database from 'better-sqlite3';
import { GroupCommitQueue, type RecordRow, type RecordStore, type RecordWrite } from './record-store';

const COLUMNS = '"key", "kind", "payload", "grantKey", "uidKey", "subject", "clientId", "expiresAt", "consumedAt"';

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

export class SqliteRecordStore implements RecordStore {
  private readonly db: Database.Database;
  private readonly queue: GroupCommitQueue;
  private readonly upsertStmt: Database.Statement;

  constructor(file: string) {
    this.db = new Database(path.resolve(file));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.defaultSafeIntegers(false);
    this.upsertStmt = this.db.prepare(
      `INSERT INTO "OidcRecord" (${COLUMNS}) VALUES (${placeholders(9)})
       ON CONFLICT("key") DO UPDATE SET "kind"=excluded."kind", "payload"=excluded."payload", "grantKey"=excluded."grantKey",
       "uidKey"=excluded."uidKey", "subject"=excluded."subject", "clientId"=excluded."clientId", "expiresAt"=excluded."expiresAt", "consumedAt"=excluded."consumedAt"`,
    );
    const apply = this.db.transaction((writes: RecordWrite[]) => {
      for (const w of writes) this.apply(w);
    });
    this.queue = new GroupCommitQueue(async (writes) => apply(writes));
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** Statements differ only by how many keys they take (one per configured secret): prepare each once. */
  private statement(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) this.statements.set(sql, (stmt = this.db.prepare(sql)));
    return stmt;
  }

  private apply(w: RecordWrite): void {
    switch (w.op) {
      case 'upsert': {
        const r = w.row;
        this.upsertStmt.run(r.key, r.kind, r.payload, r.grantKey, r.uidKey, r.subject, r.clientId, r.expiresAt, r.consumedAt);
        return;
      }
      case 'consume':
        this.statement(`UPDATE "OidcRecord" SET "consumedAt" = ? WHERE "key" IN (${placeholders(w.keys.length)})`).run(w.at, ...w.keys);
        return;
      case 'destroy':
        this.statement(`DELETE FROM "OidcRecord" WHERE "key" IN (${placeholders(w.keys.length)})`).run(...w.keys);
        return;
      case 'revokeGrant':
        this.statement(`DELETE FROM "OidcRecord" WHERE "grantKey" IN (${placeholders(w.grantKeys.length)})`).run(...w.grantKeys);
        return;
    }
  }

  write(w: RecordWrite): Promise<void> {
    return this.queue.enqueue(w);
  }

  async findByKeys(keys: string[], now: number): Promise<RecordRow | undefined> {
    return this.statement(`SELECT ${COLUMNS} FROM "OidcRecord" WHERE "key" IN (${placeholders(keys.length)}) AND "expiresAt" > ? LIMIT 1`).get(...keys, now) as
      | RecordRow
      | undefined;
  }

  async findByUidKeys(kind: string, uidKeys: string[], now: number): Promise<RecordRow | undefined> {
    return this.statement(`SELECT ${COLUMNS} FROM "OidcRecord" WHERE "kind" = ? AND "uidKey" IN (${placeholders(uidKeys.length)}) AND "expiresAt" > ? LIMIT 1`).get(
      kind,
      ...uidKeys,
      now,
    ) as RecordRow | undefined;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
