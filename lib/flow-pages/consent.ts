// /consent: Hydra sends the browser here after login. GET shows which client wants which scopes (or
// grants them without UI when Hydra remembered the consent or the client skips it); POST grants the
// ticked scopes, denies, or starts again with another account.
import { z } from 'zod';
import { consentView, type ConsentState } from '../../components/flow-pages/consent-view';
import { formErrorOf } from '../../components/flow-pages/form-error';
import { signInUsers } from '../db/app-connection';
import { acceptConsent, getConsentRequest, rejectConsent, type ConsentRequest } from '../hydra';
import { parseChallenge, readChallenge } from '../hydra/challenge';
import { attempt, type Failure } from '../hydra/problem';
import { restartWithLogin } from '../hydra/restart-login';
import { en } from '../i18n/en';
import { consentAcceptance } from '../scopes/consent-grant';
import { describeScope } from '../scopes/describe-scope';
import { grantedScopes } from '../scopes/grant-scope';
import { findLiveUser } from '../users/live-user';
import type { SignInUser } from '../users/sign-in-reads';
import { pageView, type FlowContext } from './context';
import { formCsrfToken, hasValidCsrfToken } from './csrf';
import { redirectTo, sendFailure, sendProblem } from './problem-page';
import { sendPage } from './respond';

const consentForm = z.object({ intent: z.enum(['accept', 'reject', 'switch']), remember: z.literal('1').optional() });

const pageHref = (challenge: string) => `/consent?consent_challenge=${encodeURIComponent(challenge)}`;

function sendForm(ctx: FlowContext, challenge: string, request: ConsentRequest, user: SignInUser, state: ConsentState): void {
  const view = pageView(ctx, request.uiLocales);
  sendPage(
    ctx.res,
    200,
    consentView(view, {
      action: pageHref(challenge),
      challenge,
      csrfToken: formCsrfToken(ctx, `consent:${challenge}`),
      client: request.client,
      userLabel: user.name ? `${user.name} (${user.email})` : user.email,
      scopes: request.requestedScope.map((s) => describeScope(s, view.m)),
      state,
    }),
  );
}

/** Only a live, enabled account may be granted anything; otherwise the client gets access_denied. */
async function refuseGoneUser(ctx: FlowContext, challenge: string, request: ConsentRequest): Promise<void> {
  const rejected = await attempt(() => rejectConsent(challenge, 'access_denied', 'The signed-in account no longer exists or is disabled.'));
  if (rejected.ok) return redirectTo(ctx, rejected.value);
  return sendFailure(ctx, rejected, { uiLocales: request.uiLocales, retryHref: pageHref(challenge) });
}

export async function getConsent(ctx: FlowContext): Promise<void> {
  const challenge = readChallenge(ctx.query, 'consent_challenge');
  if (!challenge) return sendProblem(ctx, 'missing');
  const retryHref = pageHref(challenge);

  // Hydra sends the browser here after login; the consent request says which client wants which scopes.
  const loaded = await attempt(() => getConsentRequest(challenge));
  if (!loaded.ok) return sendFailure(ctx, loaded, { retryHref });
  const request = loaded.value;

  const user = await findLiveUser(signInUsers(), request.subject);
  if (!user) return refuseGoneUser(ctx, challenge, request);

  // Consent remembered by Hydra, or a first-party client that skips consent: grant what was asked.
  if (request.skip || request.client.skipConsent) {
    const grant = consentAcceptance(user, request.requestedScope, request.requestedAudience, { remember: false, rememberFor: 0 });
    const accepted = await attempt(() => acceptConsent(challenge, grant));
    if (accepted.ok) return redirectTo(ctx, accepted.value);
    return sendFailure(ctx, accepted, { uiLocales: request.uiLocales, retryHref });
  }
  sendForm(ctx, challenge, request, user, {});
}

/** The form once more with what went wrong, read afresh from Hydra and the user table. */
async function answerWithForm(ctx: FlowContext, challenge: string, state: ConsentState): Promise<void> {
  const loaded = await attempt(() => getConsentRequest(challenge));
  if (!loaded.ok) return sendFailure(ctx, loaded, { retryHref: pageHref(challenge) });
  const user = await findLiveUser(signInUsers(), loaded.value.subject);
  if (!user) return refuseGoneUser(ctx, challenge, loaded.value);
  sendForm(ctx, challenge, loaded.value, user, state);
}

async function answerWithFailure(ctx: FlowContext, challenge: string, failure: Failure): Promise<void> {
  if (failure.redirectTo) return redirectTo(ctx, failure.redirectTo);
  return answerWithForm(ctx, challenge, { error: formErrorOf(failure.problem) });
}

export async function postConsent(ctx: FlowContext, form: URLSearchParams): Promise<void> {
  const challenge = parseChallenge(form.get('challenge'));
  if (!challenge) return sendProblem(ctx, 'invalid');
  if (!hasValidCsrfToken(ctx, form, `consent:${challenge}`)) return answerWithForm(ctx, challenge, { error: 'formExpired' });
  const parsed = consentForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return answerWithForm(ctx, challenge, { error: 'formExpired' });
  const { intent } = parsed.data;

  // Denying sends the person back to the client with access_denied.
  if (intent === 'reject') {
    const rejected = await attempt(() => rejectConsent(challenge, 'access_denied', en.consent.deniedDescription));
    return rejected.ok ? redirectTo(ctx, rejected.value) : answerWithFailure(ctx, challenge, rejected);
  }

  // The scopes, audience and subject come from Hydra, never from the form.
  const loaded = await attempt(() => getConsentRequest(challenge));
  if (!loaded.ok) return sendFailure(ctx, loaded, { retryHref: pageHref(challenge) });
  const request = loaded.value;

  // "Not you?": this consent is refused, and Hydra is asked to start again with a sign-in form.
  if (intent === 'switch') {
    const rejected = await attempt(() => rejectConsent(challenge, 'login_required', 'The person chose to sign in with a different account.'));
    if (!rejected.ok) return answerWithFailure(ctx, challenge, rejected);
    return redirectTo(ctx, restartWithLogin(request.requestUrl, ctx.config.HYDRA_PUBLIC_URL) ?? rejected.value);
  }

  const user = await findLiveUser(signInUsers(), request.subject);
  if (!user) return refuseGoneUser(ctx, challenge, request);

  const grant = grantedScopes(request.requestedScope, form.getAll('grant_scope'));
  if (!grant) return sendForm(ctx, challenge, request, user, { error: 'formExpired' });
  const remember = { remember: parsed.data.remember === '1', rememberFor: ctx.config.REMEMBER_FOR };
  // Hydra issues the authorization code with exactly these scopes and claims.
  const accepted = await attempt(() => acceptConsent(challenge, consentAcceptance(user, grant, request.requestedAudience, remember)));
  return accepted.ok ? redirectTo(ctx, accepted.value) : answerWithFailure(ctx, challenge, accepted);
}
