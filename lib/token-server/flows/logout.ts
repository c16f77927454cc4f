// RP- and OP-initiated logout the Hydra way: /oauth2/sessions/logout sends the browser to
// URLS_LOGOUT?logout_challenge=…; the admin accept answers a redirect_to back to
// /oauth2/sessions/logout?logout_verifier=…, which ends the login session and redirects to the
// post-logout URI (with state) or URLS_POST_LOGOUT_REDIRECT. Without a session the browser goes
// straight to that destination.
import { randomBytes } from 'node:crypto';
import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { TokenServerConfig } from '../../config';
import type { TokenServerDb } from '../../db/token-server-db';
import type { SecretBox } from '../storage/secret-box';
import { issuerOrigin } from './challenges';
import type { FlowRecords, LogoutRequestRecord } from './flow-records';
import { epoch } from '../epoch';

const END_SESSION_PATH = '/oauth2/sessions/logout';

type Middleware = Parameters<Provider['use']>[0];
type KoaCtx = Parameters<Middleware>[0];

export const newLogoutId = () => randomBytes(32).toString('base64url');
export const verifierKey = (verifier: string) => `verifier:${verifier}`;

/** Replaces oidc-provider's logout confirmation page: record the request, send the browser to the logout UI. */
export function hydraLogoutSource(config: TokenServerConfig, records: FlowRecords) {
  return async (ctx: KoaContextWithOIDC) => {
    const { client } = ctx.oidc;
    const session = ctx.oidc.session!;
    const params = ctx.oidc.params!;
    const hint = typeof params.id_token_hint === 'string' ? params.id_token_hint : undefined;
    const postLogout = typeof params.post_logout_redirect_uri === 'string' ? params.post_logout_redirect_uri : null;
    const state = typeof params.state === 'string' ? params.state : null;
    const hintSid = (ctx.oidc.entities.IdTokenHint as { payload?: { sid?: string } } | undefined)?.payload?.sid;
    if (hint && hintSid && hintSid !== session.uid) {
      // Hydra: a hint for a login session this browser no longer has logs nothing out.
      ctx.status = 303;
      ctx.redirect(destination(config, postLogout, state));
      return;
    }
    const challenge = newLogoutId();
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (typeof v === 'string') query.set(k, v);
    const record: LogoutRequestRecord = {
      subject: session.accountId!,
      sid: session.uid,
      sessionUid: session.uid,
      request_url: `${issuerOrigin(config)}${END_SESSION_PATH}${query.size ? `?${query}` : ''}`,
      rp_initiated: Boolean(hint),
      client_id: hint && client ? client.clientId : null,
      post_logout_redirect_uri: postLogout,
      state,
      requested_at: epoch(),
      expires_at: epoch() + config.TTL_LOGIN_CONSENT_REQUEST,
    };
    await records.saveLogout(challenge, record, config.TTL_LOGIN_CONSENT_REQUEST);
    const url = new URL(config.URLS_LOGOUT);
    url.searchParams.set('logout_challenge', challenge);
    ctx.status = 303;
    ctx.redirect(url.toString());
  };
}

function destination(config: TokenServerConfig, postLogoutUri: string | null, state: string | null): string {
  if (!postLogoutUri) return config.URLS_POST_LOGOUT_REDIRECT;
  const url = new URL(postLogoutUri);
  if (state) url.searchParams.set('state', state);
  return url.toString();
}

function sendToError(ctx: KoaCtx, config: TokenServerConfig, error: string, description: string) {
  const url = new URL(config.URLS_ERROR);
  url.searchParams.set('error', error);
  url.searchParams.set('error_description', description);
  ctx.status = 303;
  ctx.redirect(url.toString());
}

/** GET /oauth2/sessions/logout?logout_verifier=…: the accepted logout ends the login session. */
export function finishLogoutMiddleware(provider: Provider, deps: { config: TokenServerConfig; db: TokenServerDb; box: SecretBox }, records: FlowRecords): Middleware {
  const { config, db, box } = deps;
  return async (ctx, next) => {
    const verifier = ctx.query.logout_verifier;
    if (ctx.path !== END_SESSION_PATH || ctx.method !== 'GET' || typeof verifier !== 'string') return next();
    ctx.set('cache-control', 'no-store');
    const record = await records.findLogout(verifierKey(verifier));
    if (!record) return sendToError(ctx, config, 'invalid_request', 'The logout verifier is unknown, expired or was already used.');
    await records.deleteLogout(verifierKey(verifier));
    await endLoginSession(provider, db, box, record.sessionUid);
    ctx.cookies.set(provider.cookieName('session'), null, { signed: true, path: '/' });
    ctx.status = 303;
    ctx.redirect(destination(config, record.post_logout_redirect_uri, record.state));
  };
}

/** Deletes the login session (oidc-provider Session) whose uid — Hydra's `sid` — is given. */
export async function deleteLoginSession(db: TokenServerDb, box: SecretBox, sessionUid: string): Promise<void> {
  await db.oidcRecord.deleteMany({ where: { kind: 'Session', uidKey: { in: box.hashes(sessionUid) } } });
}

/** oidc-provider's Client posts the logout_token itself; its typings omit the method. */
type BackchannelClient = { backchannelLogoutUri?: string; backchannelLogout(sub: string, sid: string): Promise<void> };

/** Ends a login session as Hydra's logout does: back-channel logout to its clients, then deletion. */
export async function endLoginSession(provider: Provider, db: TokenServerDb, box: SecretBox, sessionUid: string): Promise<void> {
  const session = await provider.Session.findByUid(sessionUid);
  if (session?.accountId) {
    const subject = session.accountId;
    await Promise.all(Object.keys(session.authorizations ?? {}).map(async (clientId) => {
      const client = (await provider.Client.find(clientId).catch(() => undefined)) as BackchannelClient | undefined;
      if (!client?.backchannelLogoutUri) return;
      // A client that does not answer does not stop the logout (Hydra logs and goes on).
      await client.backchannelLogout(subject, session.sidFor(clientId) ?? sessionUid).catch(() => undefined);
    }));
  }
  await deleteLoginSession(db, box, sessionUid);
}

/**
 * Hydra's checks before a GET logout: `state` or `post_logout_redirect_uri` need an id_token_hint, and
 * without an authenticated session the browser goes straight to the post-logout destination.
 */
export function logoutEntryMiddleware(provider: Provider, config: TokenServerConfig): Middleware {
  return async (ctx, next) => {
    if (ctx.path !== END_SESSION_PATH || ctx.method !== 'GET' || ctx.query.logout_verifier !== undefined) return next();
    const hint = typeof ctx.query.id_token_hint === 'string' ? ctx.query.id_token_hint : undefined;
    const postLogout = typeof ctx.query.post_logout_redirect_uri === 'string' ? ctx.query.post_logout_redirect_uri : undefined;
    const state = typeof ctx.query.state === 'string' ? ctx.query.state : null;
    if (!hint && (state !== null || postLogout)) {
      const param = state !== null ? 'state' : 'post_logout_redirect_uri';
      return sendToError(ctx, config, 'invalid_request', `Logout failed because query parameter ${param} is set but id_token_hint is not.`);
    }
    const session = await provider.Session.get(ctx as unknown as KoaContextWithOIDC);
    if (session.accountId) return next();
    if (!hint || !postLogout) {
      ctx.status = 303;
      ctx.redirect(config.URLS_POST_LOGOUT_REDIRECT);
      return;
    }
    try {
      const aud = (JSON.parse(Buffer.from(hint.split('.')[1] ?? '', 'base64url').toString('utf8')) as { aud?: string | string[] }).aud;
      const client = await provider.Client.find(Array.isArray(aud) ? aud[0]! : String(aud));
      if (!client) throw new Error('unknown client');
      await provider.IdToken.validate(hint, client);
      if (!client.postLogoutRedirectUriAllowed(postLogout)) throw new Error('post_logout_redirect_uri not registered');
    } catch {
      // Not something to redirect to: let oidc-provider report the problem (to URLS_ERROR).
      return next();
    }
    ctx.status = 303;
    ctx.redirect(destination(config, postLogout, state));
  };
}
