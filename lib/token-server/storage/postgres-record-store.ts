// RecordStore on PostgreSQL through node-postgres: one pool, group commit in one transaction per batch.
import pg from 'pg';
import { postgresConnection } from '../../../prisma/services.mjs';
import { CONSENT_COLUMNS, CONSENT_GRANT_COLUMNS, RECORD_COLUMNS } from './record-columns.mjs';
import { GroupCommitQueue, type ConsentGrantRow, type RecordRow, type RecordStore, type RecordWrite } from './record-store';

type RawRow = Omit<RecordRow, 'expiresAt' | 'consumedAt'> & { expiresAt: string; consumedAt: string | null };

function fromRaw(r: RawRow | undefined): RecordRow | undefined {
  return r && { ...r, expiresAt: Number(r.expiresAt), consumedAt: r.consumedAt === null ? null : Number(r.consumedAt) };
}

export class PostgresRecordStore implements RecordStore {
  private readonly pool: pg.Pool;
  private readonly queue: GroupCommitQueue;

  constructor(url: string) {
    const { connectionString, options } = postgresConnection(url);
    this.pool = new pg.Pool({ connectionString, options, max: 10 });
    this.queue = new GroupCommitQueue((writes) => this.commit(writes));
  }

  private async commit(writes: RecordWrite[]): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      for (const w of writes) await this.apply(client, w);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  private async apply(client: pg.PoolClient, w: RecordWrite): Promise<void> {
    switch (w.op) {
      case 'upsert': {
        const r = w.row;
        await client.query({
          name: 'oidc-record-upsert',
          text: `INSERT INTO "OidcRecord" (${RECORD_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                 ON CONFLICT ("key") DO UPDATE SET "kind"=EXCLUDED."kind", "payload"=EXCLUDED."payload", "grantKey"=EXCLUDED."grantKey",
                 "uidKey"=EXCLUDED."uidKey", "subject"=EXCLUDED."subject", "clientId"=EXCLUDED."clientId", "expiresAt"=EXCLUDED."expiresAt", "consumedAt"=EXCLUDED."consumedAt"`,
          values: [r.key, r.kind, r.payload, r.grantKey, r.uidKey, r.subject, r.clientId, r.expiresAt, r.consumedAt],
        });
        return;
      }
      case 'consume':
        await client.query('UPDATE "OidcRecord" SET "consumedAt" = $1 WHERE "key" = ANY($2)', [w.at, w.keys]);
        return;
      case 'destroy':
        await client.query('DELETE FROM "OidcRecord" WHERE "key" = ANY($1)', [w.keys]);
        return;
      case 'revokeGrant':
        await client.query('DELETE FROM "OidcRecord" WHERE "grantKey" = ANY($1)', [w.grantKeys]);
        return;
      case 'deleteClientTokens':
        await client.query('DELETE FROM "OidcRecord" WHERE "clientId" = $1 AND "kind" = ANY($2)', [w.clientId, w.kinds]);
        return;
      case 'upsertConsent': {
        const c = w.row;
        // handledAt is TIMESTAMP(3) without time zone holding UTC, as Prisma writes it: PostgreSQL
        // ignores the zone of the ISO string for such a column, so the UTC digits are stored.
        await client.query({
          name: 'consent-session-upsert',
          text: `INSERT INTO "ConsentSession" (${CONSENT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                 ON CONFLICT ("id") DO UPDATE SET "subject"=EXCLUDED."subject", "clientId"=EXCLUDED."clientId", "loginSessionId"=EXCLUDED."loginSessionId",
                 "grantScope"=EXCLUDED."grantScope", "grantAudience"=EXCLUDED."grantAudience", "session"=EXCLUDED."session", "context"=EXCLUDED."context",
                 "request"=EXCLUDED."request", "remember"=EXCLUDED."remember", "rememberFor"=EXCLUDED."rememberFor", "handledAt"=EXCLUDED."handledAt",
                 "expiresAt"=EXCLUDED."expiresAt", "skip"=EXCLUDED."skip"`,
          values: [c.id, c.subject, c.clientId, c.loginSessionId, c.grantScope, c.grantAudience, c.session, c.context, c.request, c.remember, c.rememberFor, c.handledAt.toISOString(), c.expiresAt, c.skip],
        });
        return;
      }
    }
  }

  write(w: RecordWrite): Promise<void> {
    return this.queue.enqueue(w);
  }

  async findByKeys(keys: string[], now: number): Promise<RecordRow | undefined> {
    const { rows } = await this.pool.query<RawRow>({
      name: 'oidc-record-find',
      text: `SELECT ${RECORD_COLUMNS} FROM "OidcRecord" WHERE "key" = ANY($1) AND "expiresAt" > $2 LIMIT 1`,
      values: [keys, now],
    });
    return fromRaw(rows[0]);
  }

  async findByUidKeys(kind: string, uidKeys: string[], now: number): Promise<RecordRow | undefined> {
    const { rows } = await this.pool.query<RawRow>(
      `SELECT ${RECORD_COLUMNS} FROM "OidcRecord" WHERE "kind" = $1 AND "uidKey" = ANY($2) AND "expiresAt" > $3 LIMIT 1`,
      [kind, uidKeys, now],
    );
    return fromRaw(rows[0]);
  }

  async findConsent(id: string): Promise<ConsentGrantRow | undefined> {
    const { rows } = await this.pool.query<ConsentGrantRow>({
      name: 'consent-session-find',
      text: `SELECT ${CONSENT_GRANT_COLUMNS} FROM "ConsentSession" WHERE "id" = $1`,
      values: [id],
    });
    return rows[0];
  }

  async findRememberedConsent(subject: string, clientId: string, now: number): Promise<ConsentGrantRow | undefined> {
    const { rows } = await this.pool.query<ConsentGrantRow>({
      name: 'consent-session-remembered',
      text: `SELECT ${CONSENT_GRANT_COLUMNS} FROM "ConsentSession"
             WHERE "subject" = $1 AND "clientId" = $2 AND "skip" = false AND "remember" = true AND ("expiresAt" IS NULL OR "expiresAt" > $3)
             ORDER BY "handledAt" DESC LIMIT 1`,
      values: [subject, clientId, now],
    });
    return rows[0];
  }

  async close(): Promise<void> {
    await this.queue.idle();
    await this.pool.end();
  }
}
