import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { passwordProblem } from '../../lib/users/password-rules';
import { validateRegistration } from '../../lib/users/register';

describe('password rules', () => {
  it('needs at least 8 characters, counted as characters', () => {
    assert.equal(passwordProblem('short12'), 'passwordTooShort');
    assert.equal(passwordProblem('😀😀😀😀'), 'passwordTooShort');
    assert.equal(passwordProblem('correct horse'), undefined);
  });
  it('allows long passphrases (64 and more) up to 256', () => {
    assert.equal(passwordProblem('a'.repeat(64)), undefined);
    assert.equal(passwordProblem('b'.repeat(256)), undefined);
    assert.equal(passwordProblem('c'.repeat(257)), 'passwordTooLong');
  });
  it('refuses common breached passwords, ignoring case', () => {
    assert.equal(passwordProblem('password1'), 'passwordBreached');
    assert.equal(passwordProblem('PassWord123'), 'passwordBreached');
    assert.equal(passwordProblem('qwertzuiop'), 'passwordBreached');
  });
  it('validates a whole registration form with field errors', () => {
    assert.deepEqual(validateRegistration({ name: ' ', email: 'nope', password: '12345678' }), {
      ok: false,
      errors: { name: 'nameMissing', email: 'emailInvalid', password: 'passwordBreached' },
    });
    const ok = validateRegistration({ name: 'Ada', email: ' Ada@Example.com ', password: 'analytical engine' });
    assert.equal(ok.ok, true);
  });
});
