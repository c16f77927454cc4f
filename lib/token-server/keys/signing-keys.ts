// Signing keys in the SigningKey table, private JWK encrypted with SECRETS_SYSTEM. The two sets Hydra
// builds in are generated as RS256 on first start, as Hydra does.
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { TokenServerDb } from '../../db/token-server-db';
import type { SecretBox } from '../storage/secret-box';

export const ID_TOKEN_SET = 'hydra.openid.id-token';
export const ACCESS_TOKEN_SET = 'hydra.jwt.access-token';
export const BUILT_IN_SETS = [ID_TOKEN_SET, ACCESS_TOKEN_SET] as const;

export const SUPPORTED_ALGS = ['RS256', 'RS512', 'ES256', 'ES512', 'EdDSA'] as const;

export type PrivateJwk = JWK & { kid: string; alg: string; use: string };

export async function generateJwk(alg: string, use: string, kid: string = randomUUID()): Promise<PrivateJwk> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}) });
  return { ...(await exportJWK(privateKey)), kid, alg, use };
}

/** The public half of a key: what the JWKS endpoint publishes. */
export function publicJwk(jwk: PrivateJwk): PrivateJwk {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, oth: _oth, k: _k, ...pub } = jwk;
  return pub;
}

/** Newest first: the first key of a set signs, the others still verify until removed. */
export async function loadKeySet(db: TokenServerDb, box: SecretBox, set: string): Promise<PrivateJwk[]> {
  const rows = await db.signingKey.findMany({ where: { set }, orderBy: [{ createdAt: 'desc' }, { kid: 'asc' }] });
  return rows.map((r) => JSON.parse(box.decrypt(r.privateJwk)) as PrivateJwk);
}

export async function loadKey(db: TokenServerDb, box: SecretBox, set: string, kid: string): Promise<PrivateJwk | undefined> {
  const found = await db.signingKey.findUnique({ where: { set_kid: { set, kid } } });
  return found ? (JSON.parse(box.decrypt(found.privateJwk)) as PrivateJwk) : undefined;
}

export async function storeKey(db: TokenServerDb, box: SecretBox, set: string, jwk: PrivateJwk): Promise<void> {
  await db.signingKey.create({
    // createdAt orders rotation; one millisecond later than the newest key keeps order strict on fast rotations.
    data: { set, kid: jwk.kid, alg: jwk.alg, use: jwk.use, privateJwk: box.encrypt(JSON.stringify(jwk)), createdAt: await nextCreatedAt(db, set) },
  });
}

async function nextCreatedAt(db: TokenServerDb, set: string): Promise<Date> {
  const newest = await db.signingKey.findFirst({ where: { set }, orderBy: { createdAt: 'desc' }, select: { createdAt: true } });
  const now = Date.now();
  return new Date(newest && newest.createdAt.getTime() >= now ? newest.createdAt.getTime() + 1 : now);
}

/** PUT semantics: the set becomes exactly these keys, in one transaction. */
export async function replaceKeySet(db: TokenServerDb, box: SecretBox, set: string, jwks: PrivateJwk[]): Promise<void> {
  const now = Date.now();
  await db.$transaction([
    db.signingKey.deleteMany({ where: { set } }),
    // The first key of the body is the newest, so it signs.
    ...jwks.map((jwk, i) =>
      db.signingKey.create({ data: { set, kid: jwk.kid, alg: jwk.alg, use: jwk.use, privateJwk: box.encrypt(JSON.stringify(jwk)), createdAt: new Date(now - i) } }),
    ),
  ]);
}

/** PUT on one key: replaces it in place (keeping its age) or adds it as the newest. */
export async function upsertKey(db: TokenServerDb, box: SecretBox, set: string, jwk: PrivateJwk): Promise<void> {
  const sealed = box.encrypt(JSON.stringify(jwk));
  const updated = await db.signingKey.updateMany({ where: { set, kid: jwk.kid }, data: { alg: jwk.alg, use: jwk.use, privateJwk: sealed } });
  if (updated.count === 0) await storeKey(db, box, set, jwk);
}

export async function deleteKey(db: TokenServerDb, set: string, kid: string): Promise<boolean> {
  const { count } = await db.signingKey.deleteMany({ where: { set, kid } });
  return count > 0;
}

export async function deleteKeySet(db: TokenServerDb, set: string): Promise<boolean> {
  const { count } = await db.signingKey.deleteMany({ where: { set } });
  return count > 0;
}

export async function ensureKeySet(db: TokenServerDb, box: SecretBox, set: string): Promise<PrivateJwk[]> {
  const existing = await loadKeySet(db, box, set);
  if (existing.length > 0) return existing;
  const jwk = await generateJwk('RS256', 'sig');
  await storeKey(db, box, set, jwk);
  return [jwk];
}
