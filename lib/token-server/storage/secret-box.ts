// Keyed hashing and authenticated encryption under SECRETS_SYSTEM: the first secret hashes and
// encrypts, every listed secret still verifies and decrypts, so secrets rotate without downtime.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export class SecretBox {
  private readonly hashKeys: Buffer[];
  private readonly encryptionKeys: Buffer[];

  constructor(secrets: readonly string[]) {
    if (secrets.length === 0) throw new Error('SecretBox needs at least one secret');
    this.hashKeys = secrets.map((s) => createHash('sha256').update(`gatehouse:hash:${s}`).digest());
    this.encryptionKeys = secrets.map((s) => createHash('sha256').update(`gatehouse:encrypt:${s}`).digest());
  }

  /** The lookup key for an identifier under the current secret. */
  hash(value: string): string {
    return this.hashUnder(0, value);
  }

  /** The lookup keys under every secret, current first: a record written before a rotation is still found. */
  hashes(value: string): string[] {
    return this.hashKeys.map((_, i) => this.hashUnder(i, value));
  }

  private hashUnder(index: number, value: string): string {
    return createHmac('sha256', this.hashKeys[index]!).update(value).digest('base64url');
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKeys[0]!, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  /** Decrypts with whichever secret encrypted it; throws when none did. */
  decrypt(sealed: string): string {
    const [version, iv, body, tag] = sealed.split('.');
    if (version !== VERSION || !iv || body === undefined || !tag) throw new Error('not a sealed value');
    for (const key of this.encryptionKeys) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        // Sealed under another secret of the list; try the next.
      }
    }
    throw new Error('sealed under none of the configured secrets');
  }
}
