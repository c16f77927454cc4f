import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csrfTokenFor, isCsrfNonce, isValidCsrfToken, newCsrfNonce } from '../../lib/security/csrf-token';

const secrets = ['first-secret-that-is-long-enough-32', 'old-secret-that-is-long-enough-3232'];

describe('CSRF tokens', () => {
  const nonce = newCsrfNonce();
  const token = csrfTokenFor(nonce, 'login:abc', secrets);

  it('accepts the token for the same nonce and binding', () => {
    assert.ok(isCsrfNonce(nonce));
    assert.equal(isValidCsrfToken(nonce, 'login:abc', token, secrets), true);
  });
  it('refuses another cookie, another binding, a missing or garbled token', () => {
    assert.equal(isValidCsrfToken(newCsrfNonce(), 'login:abc', token, secrets), false);
    assert.equal(isValidCsrfToken(nonce, 'login:other', token, secrets), false);
    assert.equal(isValidCsrfToken(nonce, 'consent:abc', token, secrets), false);
    assert.equal(isValidCsrfToken(nonce, 'login:abc', null, secrets), false);
    assert.equal(isValidCsrfToken(nonce, 'login:abc', `${token}x`, secrets), false);
    assert.equal(isValidCsrfToken(undefined, 'login:abc', token, secrets), false);
    assert.equal(isValidCsrfToken('short', 'login:abc', token, secrets), false);
  });
  it('still accepts tokens signed with a rotated-out secret that is still listed', () => {
    const old = csrfTokenFor(nonce, 'login:abc', [secrets[1]!]);
    assert.equal(isValidCsrfToken(nonce, 'login:abc', old, secrets), true);
    assert.equal(isValidCsrfToken(nonce, 'login:abc', old, [secrets[0]!]), false);
  });
});
