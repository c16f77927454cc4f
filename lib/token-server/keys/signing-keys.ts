// Signing keys in Hydra's key sets. Private keys are stored encrypted with SECRETS_SYSTEM; a missing
// set is generated as RS256 on first start, as Hydra does.
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { TokenServerDb } from '../../db/token-server-db';
import type { SecretBox } from '../storage/secret-box';

export const ID_TOKEN_SET = 'hydra.openid.id-token';
export const ACCESS_TOKEN_SET = 'hydra.jwt.access-token';

export type PrivateJwk = JWK & { kid: string; alg: string; use: string };

export async function generateJwk(alg: string, use: string, kid: string = randomUUID()): Promise<PrivateJwk> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}) });
  return { ...(await exportJWK(privateKey)), kid, alg, use };
}

/** Newest first: the first key of a set signs, the others still verify until removed. */
export async function loadKeySet(db: TokenServerDb, box: SecretBox, set: string): Promise<PrivateJwk[]> {
  const rows = await db.signingKey.findMany({ where: { set }, orderBy: { createdAt: 'desc' } });
  return rows.map((r) => JSON.parse(box.decrypt(r.privateJwk)) as PrivateJwk);
}

export async function storeKey(db: TokenServerDb, box: SecretBox, set: string, jwk: PrivateJwk): Promise<void> {
  await db.signingKey.create({ data: { set, kid: jwk.kid, alg: jwk.alg, use: jwk.use, privateJwk: box.encrypt(JSON.stringify(jwk)) } });
}

export async function ensureKeySet(db: TokenServerDb, box: SecretBox, set: string): Promise<PrivateJwk[]> {
  const existing = await loadKeySet(db, box, set);
  if (existing.length > 0) return existing;
  const jwk = await generateJwk('RS256', 'sig');
  await storeKey(db, box, set, jwk);
  return [jwk];
}
