// Hydra's token introspection (oauth2/introspector.go): what a token is, or `{active:false}` for
// anything unknown, expired, used, revoked or malformed. Opaque tokens are read from the records
// oidc-provider's models keep; JWT access tokens are verified against the access-token key set.
import { createLocalJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type Provider from 'oidc-provider';
import type { TokenServerDb } from '../../db/token-server-db';
import { findStoredClient } from '../clients/client-store';
import type { KeyRing } from '../keys/key-ring';
import { createRecordReader, type RecordReader } from '../storage/oidc-adapter';
import { recordStoreOf } from '../storage/record-store';
import type { SecretBox } from '../storage/secret-box';
import { scopeAllowed, splitSpaces } from './scope-audience';
import { ACCESS_TOKEN_KINDS, audienceOf, TOKEN_KINDS, tokenKindsOf } from './token-format';
import { epoch } from '../epoch';

export type Introspection =
  | { active: false }
  | {
      active: true;
      scope: string;
      client_id: string;
      sub: string;
      exp: number;
      iat: number;
      nbf: number;
      aud: string[];
      iss: string;
      token_type: 'Bearer';
      token_use: 'access_token' | 'refresh_token';
      ext?: Record<string, unknown>;
    };

const INACTIVE = { active: false } as const;

type Deps = { provider: Provider; db: TokenServerDb; box: SecretBox; keys: KeyRing };


/**
 * Hydra's introspection over the records oidc-provider keeps. The opaque path reads the record
 * directly, in one lookup whatever the token's model, instead of asking each model in turn (three
 * lookups for a refresh token); it applies the same validity rules as the models' find and isValid:
 * an opaque record, not expired, not consumed, its grant still there.
 */
export function createIntrospector(deps: Deps) {
  const records = createRecordReader(deps.db, deps.box);

  async function introspectOpaque(value: string): Promise<Introspection> {
    const kinds = tokenKindsOf(value);
    if (!kinds) return INACTIVE;
    const found = await records.findOfKinds(kinds, value);
    if (!found) return INACTIVE;
    const token = found.payload as StoredToken;
    if (!isLiveOpaqueToken(token, epoch())) return INACTIVE;
    if (typeof token.grantId === 'string' && !(await records.exists('Grant', token.grantId))) return INACTIVE;
    const ext = token.extra?.ext;
    return {
      active: true,
      scope: token.scope ?? '',
      client_id: token.clientId,
      // Hydra's client_credentials tokens have the client as subject.
      sub: token.accountId ?? token.clientId,
      exp: token.exp,
      iat: token.iat,
      nbf: token.iat,
      aud: audienceOf(token),
      iss: deps.provider.issuer,
      token_type: 'Bearer',
      token_use: found.kind === 'RefreshToken' ? 'refresh_token' : 'access_token',
      ...(ext && typeof ext === 'object' && Object.keys(ext).length > 0 ? { ext: ext as Record<string, unknown> } : {}),
    };
  }

  /** `scope`, when given, must be covered by the token's scope, or the token counts as inactive. */
  return async function introspect(value: string, requiredScope?: string): Promise<Introspection> {
    if (!value || value.length > 8192) return INACTIVE;
    const found = value.split('.').length === 3 ? await introspectJwt(deps, records, value) : await introspectOpaque(value);
    if (!found.active) return INACTIVE;
    const granted = splitSpaces(found.scope);
    if (!splitSpaces(requiredScope).every((s) => scopeAllowed(granted, s))) return INACTIVE;
    if (!(await findStoredClient(deps.db, found.client_id))) return INACTIVE;
    return found;
  };
}

type StoredToken = {
  clientId: string;
  accountId?: string;
  scope?: string;
  aud?: string | string[];
  iat: number;
  exp: number;
  nbf?: unknown;
  grantId?: string;
  format?: unknown;
  consumed?: unknown;
  extra?: Record<string, unknown>;
};

/**
 * What oidc-provider's opaque format and its token models accept (formats/opaque.js verify, the
 * models' isValid): an opaque record (a JWT's bookkeeping record is not a token), whose exp has not
 * passed, whose nbf has, and which was not consumed (a rotated refresh token).
 */
function isLiveOpaqueToken(token: StoredToken, now: number): boolean {
  if (token.format !== undefined && token.format !== 'opaque') return false;
  if ('jwt' in token || 'jwt-ietf' in token || 'paseto' in token) return false;
  if (typeof token.exp !== 'number' || token.exp <= now || typeof token.iat !== 'number') return false;
  if (token.nbf !== undefined && (typeof token.nbf !== 'number' || token.nbf > now)) return false;
  return !token.consumed && typeof token.clientId === 'string';
}

async function introspectJwt({ provider, keys }: Deps, records: RecordReader, value: string): Promise<Introspection> {
  let claims: JWTPayload;
  try {
    const jwks = createLocalJWKSet({ keys: keys.accessTokenVerificationKeys() });
    ({ payload: claims } = await jwtVerify(value, jwks, { issuer: provider.issuer, typ: 'at+jwt' }));
  } catch {
    return INACTIVE;
  }
  const { client_id: clientId, scp, ext } = claims as JWTPayload & { client_id?: unknown; scp?: unknown; ext?: unknown };
  if (typeof clientId !== 'string' || typeof claims.sub !== 'string' || typeof claims.exp !== 'number' || typeof claims.iat !== 'number') return INACTIVE;
  // The record kept at issuance (token-format.ts): gone once the client's tokens or the grant were revoked.
  const record = typeof claims.jti === 'string' ? (await records.findOfKinds(ACCESS_TOKEN_KINDS, claims.jti))?.payload : undefined;
  if (!record || record.format !== 'jwt' || record.clientId !== clientId) return INACTIVE;
  if (typeof record.grantId === 'string' && !(await records.exists('Grant', record.grantId))) return INACTIVE;
  return {
    active: true,
    scope: Array.isArray(scp) ? scp.join(' ') : '',
    client_id: clientId,
    sub: claims.sub,
    exp: claims.exp,
    iat: claims.iat,
    nbf: claims.nbf ?? claims.iat,
    aud: Array.isArray(claims.aud) ? claims.aud : claims.aud ? [claims.aud] : [],
    iss: provider.issuer,
    token_type: 'Bearer',
    token_use: 'access_token',
    ...(ext && typeof ext === 'object' && Object.keys(ext).length > 0 ? { ext: ext as Record<string, unknown> } : {}),
  };
}

/** Hydra's DELETE /admin/oauth2/tokens?client_id=: every access and refresh token of the client. */
export async function deleteClientTokens(db: TokenServerDb, clientId: string): Promise<void> {
  await recordStoreOf(db).write({ op: 'deleteClientTokens', clientId, kinds: TOKEN_KINDS });
}
