// The part of the oidc-provider configuration that makes login, consent and logout behave like Hydra
// v2, and the hooks installed on the provider instance. provider.ts spreads `hydraFlowConfiguration`
// into its configuration and calls `installHydraFlows` once the Provider exists.
import type Provider from 'oidc-provider';
import { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { TokenServerConfig } from '../../config';
import type { TokenServerDb } from '../../db/token-server-db';
import { findStoredClient } from '../clients/client-store';
import type { SecretBox } from '../storage/secret-box';
import { audienceAllowed } from '../tokens/scope-audience';
import { INTERACTION_GRACE_SECONDS, splitParam } from './challenges';
import { findRememberedConsent, saveGrant } from './consent-sessions';
import { createFlowRecords } from './flow-records';
import { hydraInteractionPolicy } from './interaction-policy';
import { finishLogoutMiddleware, hydraLogoutSource, logoutEntryMiddleware } from './logout';
import { hydraExtraTokenClaims, hydraFindAccount, hydraIssueRefreshToken, installClaimPassThrough } from './token-claims';
import { epoch } from '../epoch';

export type FlowDeps = { config: TokenServerConfig; db: TokenServerDb; box: SecretBox };

/** Where the browser goes for an interaction: Hydra's login, registration or consent URL with the challenge. */
export function interactionUrl(config: TokenServerConfig, prompt: string, uid: string): string {
  const [base, param] =
    prompt === 'consent' ? [config.URLS_CONSENT, 'consent_challenge']
    : prompt === 'registration' ? [config.URLS_REGISTRATION ?? config.URLS_LOGIN, 'login_challenge']
    : [config.URLS_LOGIN, 'login_challenge'];
  const url = new URL(base);
  url.searchParams.set(param, uid);
  return url.toString();
}

type HydraLoginResult = { remember?: boolean; hydra?: { skip: boolean; remember_for: number; extend_session_lifespan: boolean } };
type SessionLike = { exp?: number; transient?: boolean };

/**
 * Hydra's remember semantics on the oidc-provider session: `remember=false` makes the session transient
 * (never skipped again, browser-session cookie), `remember_for` (or TTL_AUTHENTICATION_SESSION) sets its
 * lifetime, and a skipped login keeps the expiry unless `extend_session_lifespan`.
 */
function sessionTtl(config: TokenServerConfig) {
  return (ctx: KoaContextWithOIDC | undefined, session: SessionLike) => {
    const login = ctx?.oidc?.result?.login as HydraLoginResult | undefined;
    const remaining = session.exp && session.exp > epoch() ? session.exp - epoch() : undefined;
    if (login?.hydra && !(login.hydra.skip && !login.hydra.extend_session_lifespan && remaining)) {
      if (login.remember) delete session.transient;
      else session.transient = true;
      return login.hydra.remember_for > 0 ? login.hydra.remember_for : config.TTL_AUTHENTICATION_SESSION;
    }
    return remaining ?? config.TTL_AUTHENTICATION_SESSION;
  };
}

/**
 * oidc-provider drops a requested `offline_access` when `prompt` is sent without `consent`; Hydra keeps
 * it, and here every flow asks the consent UI anyway. Put it back when the client may request it.
 */
function restoreOfflineAccess(ctx: KoaContextWithOIDC, client: { scope?: string }): void {
  const { oidc } = ctx;
  const raw = ctx.method === 'POST' ? (oidc.body as Record<string, unknown> | undefined)?.scope : ctx.query.scope;
  const scopes = splitParam(oidc.params!.scope);
  if (!splitParam(raw).includes('offline_access') || scopes.includes('offline_access')) return;
  if (!splitParam(client.scope).includes('offline_access')) return;
  oidc.params!.scope = [...scopes, 'offline_access'].join(' ');
}

export function hydraFlowConfiguration({ config, db }: FlowDeps): Partial<Configuration> {
  return {
    interactions: {
      policy: hydraInteractionPolicy(db),
      url: (_ctx, interaction) => interactionUrl(config, interaction.prompt.name, interaction.uid),
    },
    // The grant of a flow is the one its consent accept created (id = consent challenge); prompt=none
    // reuses the grant of the remembered consent. The ID token `sid` is the login session id.
    async loadExistingGrant(ctx) {
      const oidc = ctx.oidc;
      const session = oidc.session!;
      const clientId = oidc.client!.clientId;
      if (session.accountId) session.sidFor(clientId, session.uid);
      const grantId = (oidc.result?.consent as { grantId?: string } | undefined)?.grantId;
      if (grantId) return oidc.provider.Grant.find(grantId);
      if (!session.accountId || !oidc.promptPending('none')) return undefined;
      const remembered = await findRememberedConsent(db, session.accountId, clientId, splitParam(oidc.params!.scope), splitParam(oidc.params!.audience));
      if (!remembered) return undefined;
      // The remembered consent's grant may have expired or been revoked on refresh-token reuse.
      return (await oidc.provider.Grant.find(remembered.id)) ?? saveGrant(oidc.provider, remembered);
    },
    findAccount: hydraFindAccount(db) as Configuration['findAccount'],
    extraTokenClaims: hydraExtraTokenClaims(db) as Configuration['extraTokenClaims'],
    issueRefreshToken: hydraIssueRefreshToken(db) as unknown as Configuration['issueRefreshToken'],
    // Every use of a refresh token rotates it; reusing a spent one revokes the whole grant (oidc-provider).
    rotateRefreshToken: true,
    extraParams: {
      // Hydra's `audience`: every requested audience must be listed in the client's `audience`.
      // (oidc-provider runs this after its scope checks on every authorization request.)
      async audience(ctx, value, client) {
        restoreOfflineAccess(ctx, client);
        const requested = splitParam(value);
        if (requested.length === 0) return;
        const allowed = (await findStoredClient(db, client.clientId))?.audience ?? [];
        const missing = requested.find((a) => !audienceAllowed(allowed, a));
        if (missing) throw new errors.InvalidRequest(`Requested audience "${missing}" has not been whitelisted by the OAuth 2.0 Client.`);
      },
    },
    // Errors that cannot go back to the client go to URLS_ERROR, as Hydra's forwardError does.
    async renderError(ctx, out) {
      const url = new URL(config.URLS_ERROR);
      url.searchParams.set('error', String(out.error ?? 'server_error'));
      url.searchParams.set('error_description', String(out.error_description ?? ''));
      ctx.status = 303;
      ctx.redirect(url.toString());
    },
  };
}

/** TTL entries this module owns; provider.ts merges them over its own. */
export function hydraFlowTtl(config: TokenServerConfig) {
  return {
    Interaction: config.TTL_LOGIN_CONSENT_REQUEST + INTERACTION_GRACE_SECONDS,
    Session: sessionTtl(config),
  };
}

export function hydraLogoutFeature(deps: FlowDeps) {
  const records = createFlowRecords(deps.db, deps.box);
  return {
    enabled: true,
    logoutSource: hydraLogoutSource(deps.config, records),
    // Only reached by oidc-provider's own confirmation (e.g. a POST logout without a session).
    async postLogoutSuccessSource(ctx: KoaContextWithOIDC) {
      ctx.status = 303;
      ctx.redirect(deps.config.URLS_POST_LOGOUT_REDIRECT);
    },
  };
}

export function installHydraFlows(provider: Provider, deps: FlowDeps): void {
  const records = createFlowRecords(deps.db, deps.box);
  const issuer = new URL(deps.config.URLS_SELF_ISSUER);
  installClaimPassThrough(provider);
  // Hydra puts the login session id (`sid`) into every ID token, not only for back-channel clients.
  provider.Client.prototype.includeSid = () => true;
  // URLs oidc-provider builds (discovery, resume, logout) use the issuer, never the request's Host.
  provider.use(async (ctx, next) => {
    ctx.request.headers['x-forwarded-host'] = issuer.host;
    ctx.request.headers['x-forwarded-proto'] = issuer.protocol.replace(':', '');
    await next();
  });
  provider.use(finishLogoutMiddleware(provider, deps, records));
  provider.use(logoutEntryMiddleware(provider, deps.config));
}
