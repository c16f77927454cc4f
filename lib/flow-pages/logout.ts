// /logout: Hydra sends the browser here when an application (or Hydra itself) asks to end the session.
// GET asks (or signs out at once for a client trusted to skip the question); POST answers Hydra.
import { z } from 'zod';
import { formErrorOf } from '../../components/flow-pages/form-error';
import { logoutCancelledView, logoutView, type LogoutState } from '../../components/flow-pages/logout-view';
import { acceptLogout, getLogoutRequest, rejectLogout, type LogoutRequest } from '../hydra';
import { parseChallenge, readChallenge } from '../hydra/challenge';
import { attempt, type Failure } from '../hydra/problem';
import { format } from '../i18n/format';
import { pageView, type FlowContext } from './context';
import { formCsrfToken, hasValidCsrfToken } from './csrf';
import { redirectTo, sendFailure, sendProblem } from './problem-page';
import { sendPage } from './respond';

const logoutForm = z.object({ intent: z.enum(['accept', 'reject']) });

const pageHref = (challenge: string) => `/logout?logout_challenge=${encodeURIComponent(challenge)}`;

function sendForm(ctx: FlowContext, challenge: string, request: LogoutRequest, state: LogoutState): void {
  const view = pageView(ctx);
  const question = request.client ? format(view.m.logout.questionClient, { client: request.client.name }) : view.m.logout.question;
  sendPage(ctx.res, 200, logoutView(view, { action: pageHref(challenge), challenge, csrfToken: formCsrfToken(ctx, `logout:${challenge}`), question, state }));
}

export async function getLogout(ctx: FlowContext): Promise<void> {
  const challenge = readChallenge(ctx.query, 'logout_challenge');
  if (!challenge) return sendProblem(ctx, 'missing');
  const retryHref = pageHref(challenge);

  const loaded = await attempt(() => getLogoutRequest(challenge));
  if (!loaded.ok) return sendFailure(ctx, loaded, { retryHref });

  // A client trusted to skip the question: sign out at once.
  if (loaded.value.client?.skipLogoutConsent) {
    const accepted = await attempt(() => acceptLogout(challenge));
    return accepted.ok ? redirectTo(ctx, accepted.value) : sendFailure(ctx, accepted, { retryHref });
  }
  sendForm(ctx, challenge, loaded.value, {});
}

async function answerWithForm(ctx: FlowContext, challenge: string, state: LogoutState): Promise<void> {
  const loaded = await attempt(() => getLogoutRequest(challenge));
  if (!loaded.ok) return sendFailure(ctx, loaded, { retryHref: pageHref(challenge) });
  sendForm(ctx, challenge, loaded.value, state);
}

async function answerWithFailure(ctx: FlowContext, challenge: string, failure: Failure): Promise<void> {
  if (failure.redirectTo) return redirectTo(ctx, failure.redirectTo);
  return answerWithForm(ctx, challenge, { error: formErrorOf(failure.problem) });
}

export async function postLogout(ctx: FlowContext, form: URLSearchParams): Promise<void> {
  const challenge = parseChallenge(form.get('challenge'));
  if (!challenge) return sendProblem(ctx, 'invalid');
  if (!hasValidCsrfToken(ctx, form, `logout:${challenge}`)) return answerWithForm(ctx, challenge, { error: 'formExpired' });
  const parsed = logoutForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return answerWithForm(ctx, challenge, { error: 'formExpired' });

  // "No": Hydra does nothing further and the session stays; the page says so.
  if (parsed.data.intent === 'reject') {
    const rejected = await attempt(() => rejectLogout(challenge));
    return rejected.ok ? sendPage(ctx.res, 200, logoutCancelledView(pageView(ctx))) : answerWithFailure(ctx, challenge, rejected);
  }

  // "Yes": Hydra ends the session, notifies the clients and returns to the post-logout URI.
  const accepted = await attempt(() => acceptLogout(challenge));
  return accepted.ok ? redirectTo(ctx, accepted.value) : answerWithFailure(ctx, challenge, accepted);
}
