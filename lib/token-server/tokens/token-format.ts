// Hydra's token shapes on top of oidc-provider, without forking it:
// - opaque access tokens, refresh tokens and codes carry Hydra's prefixes (ory_at_, ory_rt_, ory_ac_);
// - with the jwt strategy (STRATEGIES_ACCESS_TOKEN, or the client's access_token_strategy) access tokens
//   are JWTs signed by the newest key of hydra.jwt.access-token, carrying Hydra's claims.
// Both hook the models' generateTokenId, which oidc-provider calls once, when a token is first saved.
import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { KeyRing } from '../keys/key-ring';

type Strategy = 'opaque' | 'jwt';

type TokenInstance = {
  format?: string;
  aud?: string | string[];
  /** oidc-provider keeps extraClientMetadata under its own name on the client instance; metadata() would rebuild every field per token. */
  client?: { access_token_strategy?: unknown };
  resourceServer?: unknown;
  extra?: Record<string, unknown>;
};

const PREFIXES = { AccessToken: 'ory_at_', ClientCredentials: 'ory_at_', RefreshToken: 'ory_rt_', AuthorizationCode: 'ory_ac_' } as const;

/**
 * The models an opaque token may be, by its prefix (`ory_at_` is both kinds of access token), for
 * introspection and token deletion; codes are not tokens to either. Each list is one constant array.
 */
const TOKEN_KINDS_BY_PREFIX: ReadonlyMap<string, readonly string[]> = (() => {
  const byPrefix = new Map<string, string[]>();
  for (const [model, prefix] of Object.entries(PREFIXES)) {
    if (model !== 'AuthorizationCode') byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), model]);
  }
  return byPrefix;
})();
/** The models an opaque token can be, by its prefix; undefined for a value without a token prefix. */
export function tokenKindsOf(value: string): readonly string[] | undefined {
  for (const [prefix, kinds] of TOKEN_KINDS_BY_PREFIX) if (value.startsWith(prefix)) return kinds;
  return undefined;
}
export const ACCESS_TOKEN_KINDS = TOKEN_KINDS_BY_PREFIX.get(PREFIXES.AccessToken)!;
export const TOKEN_KINDS: readonly string[] = [...TOKEN_KINDS_BY_PREFIX.values()].flat();

export function accessTokenStrategy(defaultStrategy: Strategy, client: TokenInstance['client']): Strategy {
  const own = client?.access_token_strategy;
  return own === 'jwt' || own === 'opaque' ? own : defaultStrategy;
}

export function installTokenFormats(provider: Provider, defaultStrategy: Strategy, keys: KeyRing): void {
  for (const [model, prefix] of Object.entries(PREFIXES)) {
    const proto = (provider as unknown as Record<string, { prototype: { generateTokenId(this: TokenInstance): string } }>)[model]!.prototype;
    const generate = proto.generateTokenId;
    proto.generateTokenId = function hydraTokenId(this: TokenInstance) {
      const isAccessToken = model === 'AccessToken' || model === 'ClientCredentials';
      if (isAccessToken && !this.resourceServer && accessTokenStrategy(defaultStrategy, this.client) === 'jwt') {
        useJwtFormat(provider, this, keys);
      }
      const id = generate.call(this);
      return this.format === 'jwt' ? id : `${prefix}${id}`;
    };
  }
}

type SavableToken = TokenInstance & {
  kind: string;
  jti: string;
  iat?: number;
  exp?: number;
  clientId?: string;
  accountId?: string;
  grantId?: string;
  scope?: string;
  expiration: number;
  adapter: { upsert(id: string, payload: object, expiresIn: number): Promise<void> };
};

/**
 * oidc-provider keeps nothing of a JWT access token. Hydra does, so deleting a client's tokens or
 * revoking a grant also ends its JWTs: a record under the JWT's jti (marked format jwt, so the jti
 * itself is never accepted as an opaque token) is what introspection checks after the signature.
 */
export function installJwtRecords(provider: Provider): void {
  for (const model of ['AccessToken', 'ClientCredentials']) {
    const proto = (provider as unknown as Record<string, { prototype: { save(this: SavableToken): Promise<string> } }>)[model]!.prototype;
    const save = proto.save;
    proto.save = async function saveWithJwtRecord(this: SavableToken) {
      const value = await save.call(this);
      if (this.format === 'jwt') {
        const now = Math.floor(Date.now() / 1000);
        const { kind, jti, clientId, accountId, grantId, scope } = this;
        const exp = this.exp ?? now + this.expiration;
        const record = { kind, jti, format: 'jwt', iat: this.iat ?? now, exp, clientId, accountId, grantId, scope, aud: audienceOf(this), extra: this.extra };
        await this.adapter.upsert(jti, record, Math.max(1, exp - now));
      }
      return value;
    };
  }
}

/** Marks a token as a JWT signed with the access-token key; the audience granted so far is kept. */
function useJwtFormat(provider: Provider, token: TokenInstance, keys: KeyRing): void {
  const { alg, kid } = keys.accessTokenSigningKey();
  const aud = token.aud;
  token.resourceServer = new provider.ResourceServer(provider.issuer, { accessTokenFormat: 'jwt', audience: provider.issuer, scope: '', jwt: { sign: { alg: alg as 'RS256', kid } } });
  token.aud = aud ?? [];
}

/**
 * A token's audience as Hydra reports it: set on the token (client_credentials), or the consent's
 * granted audience that flows/token-claims.ts puts in `extra.aud` (authorization code and refresh).
 */
export function audienceOf(token: { aud?: string | string[]; extra?: Record<string, unknown> }): string[] {
  const own = Array.isArray(token.aud) ? token.aud : token.aud ? [token.aud] : [];
  if (own.length > 0) return own;
  const granted = token.extra?.aud;
  return Array.isArray(granted) ? granted.filter((a): a is string => typeof a === 'string') : [];
}

/**
 * oidc-provider's `formats.customizers.jwt`: the payload becomes Hydra's
 * `{iss, sub, aud[], exp, iat, nbf, jti, client_id, scp[], ext}`.
 * Contract with extraTokenClaims (flows/token-claims.ts): it returns `{ ext, aud }`, `ext` being the
 * consent's session.access_token and `aud` its granted audience; any other key would stay top-level.
 */
export function hydraJwtClaims(_ctx: KoaContextWithOIDC, token: unknown, jwt: { payload: Record<string, unknown> }): void {
  const { payload } = jwt;
  const { scope, aud, ext, ...rest } = payload;
  const t = token as TokenInstance;
  jwt.payload = {
    ...rest,
    aud: audienceOf(t).length > 0 ? audienceOf(t) : Array.isArray(aud) ? aud : [],
    nbf: payload.iat,
    scp: typeof scope === 'string' && scope ? scope.split(' ') : [],
    ext: (t.extra?.ext as Record<string, unknown> | undefined) ?? (ext as Record<string, unknown> | undefined) ?? {},
  };
}
