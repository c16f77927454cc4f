import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SecretBox } from '../../lib/token-server/storage/secret-box';

describe('SecretBox', () => {
  const current = 'current-secret-current-secret-0001';
  const previous = 'previous-secret-previous-secret-01';

  it('encrypts so that the ciphertext reveals nothing and decrypts back', () => {
    const box = new SecretBox([current]);
    const sealed = box.encrypt('{"token":"ory_at_abc"}');
    assert.doesNotMatch(sealed, /ory_at_abc/);
    assert.notEqual(sealed, box.encrypt('{"token":"ory_at_abc"}'));
    assert.equal(box.decrypt(sealed), '{"token":"ory_at_abc"}');
  });

  it('rotates: the first secret encrypts, every listed secret decrypts and still finds old hashes', () => {
    const old = new SecretBox([previous]);
    const rotated = new SecretBox([current, previous]);
    assert.equal(rotated.decrypt(old.encrypt('kept')), 'kept');
    assert.ok(rotated.hashes('token-value').includes(old.hash('token-value')));
    assert.equal(rotated.hash('token-value'), new SecretBox([current]).hash('token-value'));
  });

  it('refuses what no configured secret sealed, and tampering', () => {
    const box = new SecretBox([current]);
    assert.throws(() => new SecretBox([previous]).decrypt(box.encrypt('x')));
    const sealed = box.encrypt('payload');
    const [v, iv, body, tag] = sealed.split('.');
    const flipped = body!.startsWith('A') ? `B${body!.slice(1)}` : `A${body!.slice(1)}`;
    assert.throws(() => box.decrypt([v, iv, flipped, tag].join('.')));
  });
});
