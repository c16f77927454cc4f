// What a consent puts into tokens, the way Hydra does it:
// - ID token and /userinfo: `session.id_token` of the consent merged under the standard claims, plus
//   acr, amr, auth_time and at_hash (oidc-provider would mask unknown claims, so Claims.result and
//   IdToken.issue of this provider instance are wrapped).
// - Access token: `extra.ext` = `session.access_token`, `extra.aud` = `grant_access_token_audience`.
//   oidc-provider stores `extra` with the opaque token (OidcRecord payload of kind AccessToken), so
//   introspection reads `ext` and the audience from `token.extra`.
// The consent row is found through the token's grantId, which is the consent challenge.
import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { TokenServerDb } from '../../db/token-server-db';
import { findConsent, type ConsentGrant } from './consent-sessions';

/** One token request reads its consent for the access token, the ID token and the refresh decision: once. */
const consentsByRequest = new WeakMap<object, Map<string, Promise<ConsentGrant | undefined>>>();

function consentOf(db: TokenServerDb, ctx: object | undefined, grantId: string): Promise<ConsentGrant | undefined> {
  if (!ctx) return findConsent(db, grantId);
  let byGrant = consentsByRequest.get(ctx);
  if (!byGrant) consentsByRequest.set(ctx, (byGrant = new Map()));
  let found = byGrant.get(grantId);
  if (!found) byGrant.set(grantId, (found = findConsent(db, grantId)));
  return found;
}

const CONSENT_CLAIMS = Symbol('hydra consent id_token claims');

type AccountClaims = Record<string | symbol, unknown>;

/** oidc-provider's findAccount: the subject plus, when the token has a consent, its ID token claims. */
export function hydraFindAccount(db: TokenServerDb) {
  return async (ctx: KoaContextWithOIDC, sub: string, token?: { grantId?: string }) => ({
    accountId: sub,
    async claims(): Promise<{ sub: string }> {
      const consent = token?.grantId ? await consentOf(db, ctx, token.grantId) : undefined;
      const claims: AccountClaims = { sub, [CONSENT_CLAIMS]: consent?.session.id_token ?? {} };
      return claims as { sub: string };
    },
  });
}

export function hydraExtraTokenClaims(db: TokenServerDb) {
  return async (ctx: KoaContextWithOIDC, token: { grantId?: string; kind: string }) => {
    if (!token.grantId) return undefined;
    const consent = await consentOf(db, ctx, token.grantId);
    if (!consent) return undefined;
    return { ext: consent.session.access_token, aud: consent.grantAudience };
  };
}

/** Hydra: a refresh token only when `offline` or `offline_access` was granted and the client may refresh. */
export function hydraIssueRefreshToken(db: TokenServerDb) {
  return async (ctx: KoaContextWithOIDC, client: { grantTypeAllowed(type: string): boolean }, code: { grantId?: string; scopes: Set<string> }) => {
    if (!client.grantTypeAllowed('refresh_token')) return false;
    if (code.scopes.has('offline') || code.scopes.has('offline_access')) return true;
    const consent = code.grantId ? await consentOf(db, ctx, code.grantId) : undefined;
    return Boolean(consent?.grantScope.some((s) => s === 'offline' || s === 'offline_access'));
  };
}

const STANDARD_FROM_SESSION = ['acr', 'amr', 'auth_time'] as const;

/** Wraps this provider's Claims and IdToken so consent claims and Hydra's standard claims survive masking. */
export function installClaimPassThrough(provider: Provider): void {
  const ClaimsProto = provider.Claims.prototype as unknown as { result(): Promise<Record<string, unknown>>; available: AccountClaims };
  const maskedResult = ClaimsProto.result;
  ClaimsProto.result = async function result(this: { available: AccountClaims }) {
    const masked = await maskedResult.call(this);
    const consentClaims = (this.available[CONSENT_CLAIMS] ?? {}) as Record<string, unknown>;
    const standard: Record<string, unknown> = {};
    for (const key of STANDARD_FROM_SESSION) {
      const value = this.available[key];
      if (value !== undefined && !(Array.isArray(value) && value.length === 0)) standard[key] = value;
    }
    return { ...consentClaims, ...standard, ...masked };
  };

  const IdTokenProto = provider.IdToken.prototype as unknown as {
    issue(options: { use: string }): Promise<string>;
    set(key: string, value: unknown): void;
    extra: Record<string, unknown>;
    ctx?: KoaContextWithOIDC;
  };
  const issue = IdTokenProto.issue;
  IdTokenProto.issue = async function issueWithAtHash(this: typeof IdTokenProto, options: { use: string }) {
    const accessToken = this.ctx?.oidc?.entities?.AccessToken as { jti?: string } | undefined;
    if (options?.use === 'idtoken' && accessToken?.jti && this.extra.at_hash === undefined) this.set('at_hash', accessToken.jti);
    return issue.call(this, options);
  };
}
