// Hydra's interaction policy: every authorization request goes through the login UI and then the
// consent UI by challenge, each with `skip` computed the way Hydra computes it. Only prompt=none is
// answered without the UI: silently when Hydra's UI would have skipped, else login_required /
// consent_required. prompt=registration sends the login challenge to URLS_REGISTRATION.
import { errors, interactionPolicy, type KoaContextWithOIDC } from 'oidc-provider';
import type { TokenServerDb } from '../../db/token-server-db';
import { findStoredClient } from '../clients/client-store';
import { splitParam } from './challenges';
import { findRememberedConsent, type ConsentGrant } from './consent-sessions';

const { Prompt, Check } = interactionPolicy;

/** Hydra's login `skip`: a remembered session, no forced login, max_age not passed, hint subject matching. */
export function canSkipLogin(ctx: KoaContextWithOIDC): boolean {
  const { prompts } = ctx.oidc;
  const session = ctx.oidc.session!;
  const params = ctx.oidc.params!;
  if (!session.accountId || session.transient) return false;
  if (prompts.has('login') || prompts.has('select_account')) return false;
  if (params.max_age !== undefined && session.past(params.max_age as number)) return false;
  return true;
}

/** A hint for another subject than the remembered session's is login_required, as in Hydra. */
function assertHintMatches(ctx: KoaContextWithOIDC): void {
  const hint = ctx.oidc.entities.IdTokenHint as { payload?: { sub?: string } } | undefined;
  const session = ctx.oidc.session!;
  if (hint?.payload?.sub && session.accountId && !session.transient && hint.payload.sub !== session.accountId) {
    throw new errors.LoginRequired('The id_token_hint subject does not match the authenticated session.');
  }
}

/** The remembered consent that lets this request skip the consent UI, if any. */
export function skippableConsent(ctx: KoaContextWithOIDC, db: TokenServerDb): Promise<ConsentGrant | undefined> {
  // The consent prompt asks twice per request (its details, then its check): look it up once.
  let found = skippableByRequest.get(ctx);
  if (!found) skippableByRequest.set(ctx, (found = lookUpSkippableConsent(ctx, db)));
  return found;
}

const skippableByRequest = new WeakMap<KoaContextWithOIDC, Promise<ConsentGrant | undefined>>();

async function lookUpSkippableConsent(ctx: KoaContextWithOIDC, db: TokenServerDb): Promise<ConsentGrant | undefined> {
  const { oidc } = ctx;
  const subject = oidc.session!.accountId;
  if (!subject || oidc.prompts.has('consent')) return undefined;
  const stored = await findStoredClient(db, oidc.client!.clientId);
  if (stored?.token_endpoint_auth_method === 'none') {
    const redirect = new URL(String(oidc.params!.redirect_uri ?? stored.redirect_uris[0] ?? 'http://invalid'));
    const trusted = redirect.protocol === 'https:' || (redirect.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(redirect.hostname));
    if (!trusted) return undefined;
  }
  return findRememberedConsent(db, subject, oidc.client!.clientId, splitParam(oidc.params!.scope), splitParam(oidc.params!.audience));
}

/** What a login challenge shows: skip, and the remembered subject when skipping. */
function loginDetails(ctx: KoaContextWithOIDC) {
  const skip = canSkipLogin(ctx);
  return { skip, subject: skip ? ctx.oidc.session!.accountId : '' };
}

export function hydraInteractionPolicy(db: TokenServerDb) {
  const login = new Prompt(
    { name: 'login', requestable: true },
    loginDetails,
    new Check('hydra_login_challenge', 'End-User authentication is required', (ctx) => {
      if (ctx.oidc.result?.login) return Check.NO_NEED_TO_PROMPT;
      assertHintMatches(ctx);
      if (ctx.oidc.promptPending('none')) return !canSkipLogin(ctx);
      return Check.REQUEST_PROMPT;
    }),
  );

  // prompt=registration and prompt=select_account are answered by a login challenge too; they come
  // first so registration opens URLS_REGISTRATION. Accepting one also resolves the login prompt.
  const registration = new Prompt({ name: 'registration', requestable: true }, loginDetails);
  const selectAccount = new Prompt({ name: 'select_account', requestable: true }, loginDetails);

  const consent = new Prompt(
    { name: 'consent', requestable: true },
    async (ctx) => ({ skip: Boolean(await skippableConsent(ctx, db)) }),
    new Check('hydra_consent_challenge', 'End-User consent is required', async (ctx) => {
      if (ctx.oidc.result?.consent) return Check.NO_NEED_TO_PROMPT;
      if (ctx.oidc.promptPending('none')) return !(await skippableConsent(ctx, db));
      return Check.REQUEST_PROMPT;
    }),
  );

  return [registration, selectAccount, login, consent];
}
