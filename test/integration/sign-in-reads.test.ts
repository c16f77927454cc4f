// The sign-in path's driver-level user reads against the table Prisma owns: what Prisma wrote, they read
// back the same, on SQLite and on PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseDatabaseUrl } from '../../lib/config';
import { openAppDb, type AppDb } from '../../lib/db/app-db';
import type { ConcreteDatabaseUrl } from '../../lib/db/engines';
import { migrate } from '../../lib/db/migrate';
import { authenticate } from '../../lib/users/authenticate';
import { findLiveUser } from '../../lib/users/live-user';
import { openSignInUserReads, type SignInUserReads } from '../../lib/users/sign-in-reads';
import { createUser } from '../../lib/users/user-store';
import { TEST_ENGINE, testDatabase, type TestDatabase } from '../support/databases';

describe(`sign-in reads of the user table (${TEST_ENGINE})`, () => {
  let database: TestDatabase;
  let db: AppDb;
  let reads: SignInUserReads;
  before(async () => {
    database = await testDatabase('sign_in_reads');
    const url = parseDatabaseUrl(database.url) as ConcreteDatabaseUrl;
    await migrate('app', url);
    db = openAppDb(url);
    reads = openSignInUserReads(url);
  });
  after(async () => {
    await reads.close();
    await db.$disconnect();
    await database.drop();
  });

  it('reads back exactly what Prisma wrote, by id and by e-mail', async () => {
    const created = await createUser(db, { email: 'Ada@Example.com', password: 'a long enough password', name: 'Ada Lovelace', givenName: 'Ada', emailVerified: true });
    const written = await db.user.update({ where: { id: created.id }, data: { phoneNumber: '+44 20 0000 0000', address: JSON.stringify({ locality: 'London' }), locale: 'en-GB' } });
    const expected = {
      id: written.id, email: 'ada@example.com', passwordHash: written.passwordHash, name: 'Ada Lovelace', givenName: 'Ada', familyName: null,
      emailVerified: true, phoneNumber: '+44 20 0000 0000', address: '{"locality":"London"}', locale: 'en-GB', picture: null, disabled: false,
    };
    for (const found of [await reads.byId(written.id), await reads.byEmail('ada@example.com')]) {
      assert.ok(found);
      const { updatedAt, ...rest } = found;
      assert.deepEqual(rest, expected);
      assert.equal(updatedAt.getTime(), written.updatedAt.getTime(), 'updatedAt to the millisecond, in UTC');
    }
    assert.equal(await reads.byId('nobody'), undefined);
    assert.equal(await reads.byEmail('nobody@example.com'), undefined);
  });

  it('sees a disabled account at once, for a remembered session and for a password sign-in', async () => {
    const user = await createUser(db, { email: 'grace@example.com', password: 'another long password' });
    assert.equal((await findLiveUser(reads, user.id))?.email, 'grace@example.com');
    assert.deepEqual(await authenticate(reads, ' Grace@Example.com ', 'another long password'), { kind: 'ok', userId: user.id });
    assert.deepEqual(await authenticate(reads, 'grace@example.com', 'wrong password'), { kind: 'invalid' });
    await db.user.update({ where: { id: user.id }, data: { disabled: true } });
    assert.equal(await findLiveUser(reads, user.id), undefined);
    assert.deepEqual(await authenticate(reads, 'grace@example.com', 'another long password'), { kind: 'disabled' });
  });
});
