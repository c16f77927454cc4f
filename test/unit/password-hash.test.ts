import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ARGON2_OPTIONS, hashPassword, verifyPassword } from '../../lib/users/password-hash';

describe('password hashing', () => {
  it('uses argon2id at OWASP minimum or above: 19 MiB, 2 iterations', async () => {
    assert.ok(ARGON2_OPTIONS.memoryCost >= 19 * 1024 && ARGON2_OPTIONS.timeCost >= 2);
    const hash = await hashPassword('correct horse battery staple');
    assert.match(hash, /^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });

  it('answers every one of many concurrent hashes and verifications correctly (more than run at once)', async () => {
    const passwords = Array.from({ length: 7 }, (_, i) => `password-number-${i}`);
    const hashes = await Promise.all(passwords.map((p) => hashPassword(p)));
    const checks = await Promise.all(hashes.flatMap((h, i) => [verifyPassword(h, passwords[i]!), verifyPassword(h, `${passwords[i]}-wrong`)]));
    assert.deepEqual(checks, passwords.flatMap(() => [true, false]));
    assert.equal(await verifyPassword('not an argon2 hash', 'x'), false);
  });
});
