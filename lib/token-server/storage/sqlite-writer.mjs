// @ts-check
// The write side of the SQLite record store, run in a worker thread: it owns the write connection and
// commits each batch in one transaction with synchronous=FULL. The fsync of a commit (about 1.3 ms here,
// measured) would otherwise block the token server's event loop; in this thread it only delays the
// callers of that batch, who are answered after it committed, while the main thread keeps serving.
// Plain JavaScript: worker threads do not inherit the TypeScript loader of the main thread.
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { CONSENT_COLUMNS, RECORD_COLUMNS } from './record-columns.mjs';
import { applyPragmas, placeholders, preparedByKeyCount, prismaDateTime } from './sqlite-schema.mjs';

/** @typedef {import('./record-store').RecordWrite} RecordWrite */

/** @param {string} file */
function openWriter(file) {
  const db = new Database(path.resolve(file));
  applyPragmas(db);
  const upsertRecord = db.prepare(
    `INSERT INTO "OidcRecord" (${RECORD_COLUMNS}) VALUES (${placeholders(9)})
     ON CONFLICT("key") DO UPDATE SET "kind"=excluded."kind", "payload"=excluded."payload", "grantKey"=excluded."grantKey",
     "uidKey"=excluded."uidKey", "subject"=excluded."subject", "clientId"=excluded."clientId", "expiresAt"=excluded."expiresAt", "consumedAt"=excluded."consumedAt"`,
  );
  // An accept repeated concurrently for the same challenge overwrites rather than fails.
  const upsertConsent = db.prepare(
    `INSERT INTO "ConsentSession" (${CONSENT_COLUMNS}) VALUES (${placeholders(14)})
     ON CONFLICT("id") DO UPDATE SET "subject"=excluded."subject", "clientId"=excluded."clientId", "loginSessionId"=excluded."loginSessionId",
     "grantScope"=excluded."grantScope", "grantAudience"=excluded."grantAudience", "session"=excluded."session", "context"=excluded."context",
     "request"=excluded."request", "remember"=excluded."remember", "rememberFor"=excluded."rememberFor", "handledAt"=excluded."handledAt",
     "expiresAt"=excluded."expiresAt", "skip"=excluded."skip"`,
  );
  const keyed = preparedByKeyCount(db);

  /** @param {RecordWrite} w */
  const apply = (w) => {
    switch (w.op) {
      case 'upsert': {
        const r = w.row;
        upsertRecord.run(r.key, r.kind, r.payload, r.grantKey, r.uidKey, r.subject, r.clientId, r.expiresAt, r.consumedAt);
        return;
      }
      case 'consume':
        keyed('consume', w.keys.length, (m) => `UPDATE "OidcRecord" SET "consumedAt" = ? WHERE "key" IN (${m})`).run(w.at, ...w.keys);
        return;
      case 'destroy':
        keyed('destroy', w.keys.length, (m) => `DELETE FROM "OidcRecord" WHERE "key" IN (${m})`).run(...w.keys);
        return;
      case 'revokeGrant':
        keyed('revokeGrant', w.grantKeys.length, (m) => `DELETE FROM "OidcRecord" WHERE "grantKey" IN (${m})`).run(...w.grantKeys);
        return;
      case 'deleteClientTokens':
        keyed('deleteClientTokens', w.kinds.length, (m) => `DELETE FROM "OidcRecord" WHERE "clientId" = ? AND "kind" IN (${m})`).run(w.clientId, ...w.kinds);
        return;
      case 'upsertConsent': {
        const c = w.row;
        upsertConsent.run(
          c.id, c.subject, c.clientId, c.loginSessionId, c.grantScope, c.grantAudience, c.session, c.context, c.request,
          c.remember ? 1 : 0, c.rememberFor, prismaDateTime(c.handledAt), c.expiresAt, c.skip ? 1 : 0,
        );
        return;
      }
    }
  };
  const commit = db.transaction((/** @type {RecordWrite[]} */ writes) => writes.forEach(apply));
  return { commit, close: () => db.close() };
}

if (parentPort) {
  const port = parentPort;
  const writer = openWriter(/** @type {{ file: string }} */ (workerData).file);
  port.on('message', (/** @type {{ id: number, writes: RecordWrite[] } | 'close'} */ msg) => {
    if (msg === 'close') {
      writer.close();
      port.close();
      return;
    }
    try {
      writer.commit(msg.writes);
      port.postMessage({ id: msg.id });
    } catch (err) {
      port.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) });
    }
  });
}
