// Hydra's token introspection (oauth2/introspector.go): what a token is, or `{active:false}` for
// anything unknown, expired, used, revoked or malformed. Opaque tokens are looked up through
// oidc-provider's models; JWT access tokens are verified against the access-token key set.
import { createLocalJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type Provider from 'oidc-provider';
import type { TokenServerDb } from '../../db/token-server-db';
import { findStoredClient } from '../clients/client-store';
import type { KeyRing } from '../keys/key-ring';
import { scopeAllowed, splitSpaces } from './scope-audience';
import { audienceOf } from './token-format';

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

type StoredToken = {
  kind: string;
  clientId: string;
  accountId?: string;
  scope?: string;
  aud?: string | string[];
  iat: number;
  exp: number;
  grantId?: string;
  extra?: Record<string, unknown>;
  isValid: boolean;
};

type Deps = { provider: Provider; db: TokenServerDb; keys: KeyRing };

/** `scope`, when given, must be covered by the token's scope, or the token counts as inactive. */
export async function introspect(deps: Deps, value: string, requiredScope?: string): Promise<Introspection> {
  if (!value || value.length > 8192) return INACTIVE;
  const found = value.split('.').length === 3 ? await introspectJwt(deps, value) : await introspectOpaque(deps, value);
  if (!found.active) return INACTIVE;
  const granted = splitSpaces(found.scope);
  if (!splitSpaces(requiredScope).every((s) => scopeAllowed(granted, s))) return INACTIVE;
  if (!(await findStoredClient(deps.db, found.client_id))) return INACTIVE;
  return found;
}

async function introspectOpaque({ provider }: Deps, value: string): Promise<Introspection> {
  const token = ((await provider.AccessToken.find(value)) ??
    (await provider.ClientCredentials.find(value)) ??
    (await provider.RefreshToken.find(value))) as unknown as StoredToken | undefined;
  if (!token || !token.isValid) return INACTIVE;
  if (token.grantId && !(await provider.Grant.find(token.grantId))) return INACTIVE;
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
    iss: provider.issuer,
    token_type: 'Bearer',
    token_use: token.kind === 'RefreshToken' ? 'refresh_token' : 'access_token',
    ...(ext && typeof ext === 'object' && Object.keys(ext).length > 0 ? { ext: ext as Record<string, unknown> } : {}),
  };
}

async function introspectJwt({ provider, keys }: Deps, value: string): Promise<Introspection> {
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
  const record = typeof claims.jti === 'string' ? ((await provider.AccessToken.adapter.find(claims.jti)) ?? (await provider.ClientCredentials.adapter.find(claims.jti))) : undefined;
  if (!record || record.format !== 'jwt' || record.clientId !== clientId) return INACTIVE;
  if (typeof record.grantId === 'string' && !(await provider.Grant.find(record.grantId))) return INACTIVE;
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
  await db.oidcRecord.deleteMany({ where: { clientId, kind: { in: ['AccessToken', 'ClientCredentials', 'RefreshToken'] } } });
}
