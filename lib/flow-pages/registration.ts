// /registration: reached from the login page's link, or from Hydra's prompt=registration
// (URLS_REGISTRATION), in both cases usually with the login challenge, so the person signs in right
// after signing up. Without a challenge the account is created and the page says so.
import {
  registrationClosedView,
  registrationDoneView,
  registrationView,
  type RegistrationState,
} from '../../components/flow-pages/registration-view';
import { appDb } from '../db/app-connection';
import { acceptLogin, getLoginRequest } from '../hydra';
import { parseChallenge, readChallenge } from '../hydra/challenge';
import { attempt } from '../hydra/problem';
import { registerUser } from '../users/register';
import { pageView, type FlowContext } from './context';
import { formCsrfToken, hasValidCsrfToken } from './csrf';
import { redirectTo, sendFailure, sendProblem } from './problem-page';
import { sendPage } from './respond';

const pageHref = (challenge: string | undefined) => (challenge ? `/registration?login_challenge=${encodeURIComponent(challenge)}` : '/registration');

function sendForm(ctx: FlowContext, challenge: string | undefined, uiLocales: readonly string[] | undefined, state: RegistrationState): void {
  const view = pageView(ctx, uiLocales);
  sendPage(
    ctx.res,
    200,
    registrationView(view, {
      action: pageHref(challenge),
      challenge,
      csrfToken: formCsrfToken(ctx, `registration:${challenge ?? ''}`),
      signInHref: challenge ? `/login?login_challenge=${encodeURIComponent(challenge)}` : undefined,
      state,
    }),
  );
}

/** The form once more; inside a flow the login request is read again for the client's ui_locales. */
async function answerWithForm(ctx: FlowContext, challenge: string | undefined, state: RegistrationState): Promise<void> {
  if (!challenge) return sendForm(ctx, undefined, undefined, state);
  const loaded = await attempt(() => getLoginRequest(challenge));
  if (!loaded.ok) return sendFailure(ctx, loaded, { retryHref: pageHref(challenge) });
  sendForm(ctx, challenge, loaded.value.uiLocales, state);
}

export async function getRegistration(ctx: FlowContext): Promise<void> {
  if (!ctx.config.REGISTRATION_ENABLED) return sendPage(ctx.res, 200, registrationClosedView(pageView(ctx)));
  // A challenge that is no longer valid would fail after sign-up; say so before anything is typed.
  if (ctx.query.login_challenge === undefined) return sendForm(ctx, undefined, undefined, {});
  const challenge = readChallenge(ctx.query, 'login_challenge');
  if (!challenge) return sendProblem(ctx, 'invalid');
  return answerWithForm(ctx, challenge, {});
}

export async function postRegistration(ctx: FlowContext, form: URLSearchParams): Promise<void> {
  if (!ctx.config.REGISTRATION_ENABLED) return sendPage(ctx.res, 200, registrationClosedView(pageView(ctx)));
  const challenge = form.has('challenge') ? parseChallenge(form.get('challenge')) : undefined;
  if (form.has('challenge') && !challenge) return sendProblem(ctx, 'invalid');
  if (!hasValidCsrfToken(ctx, form, `registration:${challenge ?? ''}`)) return answerWithForm(ctx, challenge, { error: 'formExpired' });

  const input = { name: form.get('name') ?? '', email: form.get('email') ?? '', password: form.get('password') ?? '' };
  const result = await registerUser(appDb(), input);
  if (!result.ok) return answerWithForm(ctx, challenge, { fieldErrors: result.errors as RegistrationState['fieldErrors'], values: { name: input.name, email: input.email } });
  if (!challenge) return sendPage(ctx.res, 200, registrationDoneView(pageView(ctx)));

  // Signing up inside a login flow: the new account is the one signing in, so Hydra continues with consent.
  const accepted = await attempt(() =>
    acceptLogin(challenge, { subject: result.userId, remember: false, rememberFor: ctx.config.REMEMBER_FOR, acr: '0', amr: ['pwd'], context: { login_method: 'registration' } }),
  );
  if (accepted.ok) return redirectTo(ctx, accepted.value);
  if (accepted.redirectTo) return redirectTo(ctx, accepted.redirectTo);
  // The account exists either way; the flow itself could not go on, so the person starts again at the application.
  sendPage(ctx.res, 200, registrationDoneView(pageView(ctx)));
}
