import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { claimsForScopes, type UserClaimsSource } from '../../lib/scopes/claims';
import { describeScope } from '../../lib/scopes/describe-scope';
import { grantedScopes } from '../../lib/scopes/grant-scope';
import { en } from '../../lib/i18n/en';

const user: UserClaimsSource = {
  email: 'ada@example.com',
  emailVerified: true,
  name: 'Ada Lovelace',
  givenName: 'Ada',
  familyName: 'Lovelace',
  locale: 'en-GB',
  picture: null,
  phoneNumber: '+44 20 0000 0000',
  address: JSON.stringify({ locality: 'London', country: 'UK', bogus: 3 }),
  updatedAt: new Date('2026-01-01T00:00:00Z'),
};

describe('scope → claims (OIDC Core 5.4)', () => {
  it('releases nothing for openid alone', () => {
    assert.deepEqual(claimsForScopes(user, ['openid']), {});
  });
  it('releases e-mail claims for email only', () => {
    assert.deepEqual(claimsForScopes(user, ['openid', 'email']), { email: 'ada@example.com', email_verified: true });
  });
  it('releases profile claims and leaves out empty ones', () => {
    assert.deepEqual(claimsForScopes(user, ['profile']), {
      name: 'Ada Lovelace',
      given_name: 'Ada',
      family_name: 'Lovelace',
      locale: 'en-GB',
      updated_at: 1767225600,
    });
  });
  it('releases phone and a string-only address', () => {
    assert.deepEqual(claimsForScopes(user, ['phone', 'address']), { phone_number: '+44 20 0000 0000', address: { locality: 'London', country: 'UK' } });
  });
  it('ignores custom scopes and broken address JSON', () => {
    assert.deepEqual(claimsForScopes({ ...user, address: '{not json' }, ['address', 'read:things']), {});
  });
});

describe('grant_scope validation', () => {
  const requested = ['openid', 'email', 'profile', 'offline_access'];
  it('keeps only ticked scopes that were requested, in request order', () => {
    assert.deepEqual(grantedScopes(requested, ['profile', 'openid', 'admin']), ['openid', 'profile']);
  });
  it('always grants openid when it was requested', () => {
    assert.deepEqual(grantedScopes(requested, ['email']), ['openid', 'email']);
  });
  it('does not add openid when it was not requested', () => {
    assert.deepEqual(grantedScopes(['email'], []), []);
  });
  it('refuses malformed input', () => {
    assert.equal(grantedScopes(requested, 'email'), undefined);
    assert.equal(grantedScopes(requested, ['has space']), undefined);
    assert.equal(grantedScopes(requested, [{}]), undefined);
  });
});

describe('scope descriptions', () => {
  it('describes known scopes in plain words', () => {
    assert.deepEqual(describeScope('email', en), { name: 'email', label: 'See your e-mail address', required: false });
    assert.equal(describeScope('openid', en).required, true);
  });
  it('shows unknown scopes by name with a neutral description', () => {
    assert.deepEqual(describeScope('read:things', en), { name: 'read:things', label: 'read:things', description: en.consent.unknownScope, required: false });
    assert.equal(describeScope('toString', en).label, 'toString');
  });
});
