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
  client?: { metadata(): Record<string, unknown> };
  resourceServer?: unknown;
  extra?: Record<string, unknown>;
};

const PREFIXES = { AccessToken: 'ory_at_', ClientCredentials: 'ory_at_', RefreshToken: 'ory_rt_', AuthorizationCode: 'ory_ac_' } as const;

export function accessTokenStrategy(defaultStrategy: Strategy, client: TokenInstance['client']): Strategy {
  const own = client?.metadata().access_token_strategy;
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

/** Marks a token as a JWT signed with the access-token key; the audience granted so far is kept. */
function useJwtFormat(provider: Provider, token: TokenInstance, keys: KeyRing): void {
  const { alg, kid } = keys.accessTokenSigningKey();
  const aud = token.aud;
  token.resourceServer = new provider.ResourceServer(provider.issuer, { accessTokenFormat: 'jwt', audience: provider.issuer, jwt: { sign: { alg: alg as 'RS256', kid } } });
  token.aud = aud ?? [];
}

/**
 * oidc-provider's `formats.customizers.jwt`: the payload becomes Hydra's
 * `{iss, sub, aud[], exp, iat, nbf, jti, client_id, scp[], ext}`.
 * Contract with extraTokenClaims: it returns `{ ext: <consent session.access_token> }`, plus any
 * claims allowed at the top level; those stay top-level, `ext` becomes the introspection `ext`.
 */
export function hydraJwtClaims(_ctx: KoaContextWithOIDC, token: unknown, jwt: { payload: Record<string, unknown> }): void {
  const { payload } = jwt;
  const { scope, aud, ext, ...rest } = payload;
  const t = token as TokenInstance;
  jwt.payload = {
    ...rest,
    aud: Array.isArray(t.aud) ? t.aud : t.aud ? [t.aud] : Array.isArray(aud) ? aud : [],
    nbf: payload.iat,
    scp: typeof scope === 'string' && scope ? scope.split(' ') : [],
    ext: (t.extra?.ext as Record<string, unknown> | undefined) ?? (ext as Record<string, unknown> | undefined) ?? {},
  };
}
