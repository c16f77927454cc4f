// The record cache over the real record store of this pass's engine (SQLite, or PostgreSQL in CI's
// second pass): what it keeps, and that every write that changes or removes a row also removes it
// from the cache, so a revoked token is never answered from memory.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseDatabaseUrl } from '../../lib/config';
import type { ConcreteDatabaseUrl } from '../../lib/db/engines';
import { migrate } from '../../lib/db/migrate';
import { CachedRecordStore } from '../../lib/token-server/storage/record-cache';
import type { RecordRow, RecordStore } from '../../lib/token-server/storage/record-store';
import { PostgresRecordStore } from '../../lib/token-server/storage/postgres-record-store';
import { SqliteRecordStore } from '../../lib/token-server/storage/sqlite-record-store';
import { testDatabase, type TestDatabase } from '../support/databases';

const NOW = 1_800_000_000;

function row(key: string, overrides: Partial<RecordRow> = {}): RecordRow {
  return { key, kind: 'AccessToken', payload: `payload-of-${key}`, grantKey: null, uidKey: null, subject: 'alice', clientId: 'client-a', expiresAt: NOW + 3600, consumedAt: null, ...overrides };
}

describe('token server record cache', () => {
  let database: TestDatabase;
  let inner: RecordStore;
  let cache: CachedRecordStore;

  before(async () => {
    database = await testDatabase('record_cache');
    const db = parseDatabaseUrl(database.url) as ConcreteDatabaseUrl;
    await migrate('token-server', db);
    inner = db.kind === 'sqlite' ? new SqliteRecordStore(db.file) : new PostgresRecordStore(db.url);
    cache = new CachedRecordStore(inner, 3);
  });
  after(async () => {
    await cache.close();
    await database.drop();
  });

  it('keeps token rows it read, at most its capacity, oldest out first', async () => {
    for (const key of ['k1', 'k2', 'k3', 'k4']) await cache.write({ op: 'upsert', row: row(key) });
    assert.equal(cache.size, 0, 'writes alone fill nothing');
    for (const key of ['k1', 'k2', 'k3']) assert.equal((await cache.findByKeys([key], NOW))?.payload, `payload-of-${key}`);
    assert.equal(cache.size, 3);
    assert.equal((await cache.findByKeys(['k4'], NOW))?.key, 'k4');
    assert.equal(cache.size, 3, 'the oldest row made room');
    // Sessions are also deleted outside the store, so they are never kept.
    await cache.write({ op: 'upsert', row: row('s1', { kind: 'Session' }) });
    assert.equal((await cache.findByKeys(['s1'], NOW))?.kind, 'Session');
    assert.equal(cache.size, 3);
    assert.equal(await cache.findByKeys(['unknown'], NOW), undefined);
  });

  it('answers an expired row as absent, from the cache too', async () => {
    await cache.write({ op: 'upsert', row: row('short', { expiresAt: NOW + 10 }) });
    assert.ok(await cache.findByKeys(['short'], NOW));
    assert.equal(await cache.findByKeys(['short'], NOW + 10), undefined);
  });

  it('forgets a row when it is overwritten, consumed or destroyed', async () => {
    await cache.write({ op: 'upsert', row: row('r1') });
    assert.equal((await cache.findByKeys(['r1'], NOW))?.payload, 'payload-of-r1');
    await cache.write({ op: 'upsert', row: row('r1', { payload: 'second' }) });
    assert.equal((await cache.findByKeys(['r1'], NOW))?.payload, 'second');
    await cache.write({ op: 'consume', keys: ['r1'], at: NOW });
    assert.equal((await cache.findByKeys(['r1'], NOW))?.consumedAt, NOW);
    await cache.write({ op: 'destroy', keys: ['r1'] });
    assert.equal(await cache.findByKeys(['r1'], NOW), undefined);
  });

  it("forgets a grant's rows when the grant is revoked, and a client's when its tokens are deleted", async () => {
    await cache.write({ op: 'upsert', row: row('g-at', { grantKey: 'grant-1' }) });
    await cache.write({ op: 'upsert', row: row('g-rt', { kind: 'RefreshToken', grantKey: 'grant-1' }) });
    await cache.write({ op: 'upsert', row: row('other', { grantKey: 'grant-2' }) });
    for (const key of ['g-at', 'g-rt', 'other']) assert.ok(await cache.findByKeys([key], NOW));
    await cache.write({ op: 'revokeGrant', grantKeys: ['grant-1'] });
    assert.equal(await cache.findByKeys(['g-at'], NOW), undefined);
    assert.equal(await cache.findByKeys(['g-rt'], NOW), undefined);
    assert.ok(await cache.findByKeys(['other'], NOW));

    await cache.write({ op: 'upsert', row: row('cc-b', { kind: 'ClientCredentials', clientId: 'client-b' }) });
    assert.ok(await cache.findByKeys(['cc-b'], NOW));
    await cache.write({ op: 'deleteClientTokens', clientId: 'client-b', kinds: ['AccessToken', 'ClientCredentials', 'RefreshToken'] });
    assert.equal(await cache.findByKeys(['cc-b'], NOW), undefined);
    assert.ok(await cache.findByKeys(['other'], NOW), "another client's row stays");
  });
});
