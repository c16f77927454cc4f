// Client secrets are stored only as scrypt hashes. Verifying a secret is deliberately slow, so a
// successful verification is remembered (keyed by a hash of client, presented secret and stored hash)
// to keep client-credentials throughput high; any change of the stored hash invalidates the memo.
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { randomAlphanumeric } from '../../random-text';

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;
const PARAMS = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;
const MEMO_LIMIT = 10_000;
const verified = new Map<string, true>();

export async function hashClientSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(secret, salt, KEY_LENGTH, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyClientSecret(clientId: string, presented: string, stored: string): Promise<boolean> {
  const memoKey = createHash('sha256').update(`${clientId}\0${presented}\0${stored}`).digest('base64url');
  if (verified.has(memoKey)) return true;
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(presented, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n), r: Number(r), p: Number(p), maxmem: PARAMS.maxmem,
  });
  const ok = actual.length === expected.length && timingSafeEqual(actual, expected);
  if (ok) {
    if (verified.size >= MEMO_LIMIT) verified.delete(verified.keys().next().value!);
    verified.set(memoKey, true);
  }
  return ok;
}

/** Hydra generates 26-character secrets. */
export function generateClientSecret(): string {
  return randomAlphanumeric(26);
}
