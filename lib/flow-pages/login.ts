// /login: Hydra sends the browser here with a login challenge. GET shows who asks (or accepts a
// remembered session without UI); POST signs the person in, or denies, and sends the browser back to Hydra.
import { z } from 'zod';
import { formErrorOf } from '../../components/flow-pages/form-error';
import { loginView, type LoginState } from '../../components/flow-pages/login-view';
import { appDb, signInUsers } from '../db/app-connection';
import { acceptLogin, getLoginRequest, rejectLogin, type LoginRequest } from '../hydra';
import { parseChallenge, readChallenge } from '../hydra/challenge';
import { attempt, type Failure } from '../hydra/problem';
import { en } from '../i18n/en';
import { clientIp } from '../security/client-ip';
import { loginThrottleKeys, throttleFailure, throttleSuccess, throttleWait } from '../security/throttle-store';
import { authenticate } from '../users/authenticate';
import { findLiveUser } from '../users/live-user';
import { pageView, type FlowContext } from './context';
import { formCsrfToken, hasValidCsrfToken } from './csrf';
import { redirectTo, sendFailure, sendProblem } from './problem-page';
import { sendPage } from './respond';

const loginForm = z.object({
  intent: z.enum(['accept', 'reject']),
  email: z.string().trim().max(254).default(''),
  password: z.string().max(1024).default(''),
  remember: z.literal('1').optional(),
});

const pageHref = (challenge: string) => `/login?login_challenge=${encodeURIComponent(challenge)}`;

const retrySeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

function sendForm(ctx: FlowContext, challenge: string, request: LoginRequest, state: LoginState): void {
  const view = pageView(ctx, request.uiLocales);
  const page = loginView(view, {
    action: pageHref(challenge),
    challenge,
    csrfToken: formCsrfToken(ctx, `login:${challenge}`),
    client: request.client,
    loginHint: request.loginHint,
    registrationHref: ctx.config.REGISTRATION_ENABLED ? `/registration?login_challenge=${encodeURIComponent(challenge)}` : undefined,
    state,
  });
  if (state.signInError === 'throttled') sendPage(ctx.res, 429, page, { 'retry-after': String(state.retryAfterSeconds ?? 60) });
  else sendPage(ctx.res, 200, page);
}

export async function getLogin(ctx: FlowContext): Promise<void> {
  const challenge = readChallenge(ctx.query, 'login_challenge');
  if (!challenge) return sendProblem(ctx, 'missing');
  const retryHref = pageHref(challenge);

  // Hydra sends the browser here with a login challenge; its login request says who asks and why.
  const loaded = await attempt(() => getLoginRequest(challenge));
  if (!loaded.ok) return sendFailure(ctx, loaded, { retryHref });
  const request = loaded.value;

  // Hydra already knows this person (remembered session): accept with that subject, no UI, as long
  // as the account is still usable. Hydra then continues with consent.
  if (request.skip && (await findLiveUser(signInUsers(), request.subject))) {
    const accepted = await attempt(() =>
      acceptLogin(challenge, { subject: request.subject, remember: true, rememberFor: ctx.config.REMEMBER_FOR, acr: '0', amr: ['pwd'], context: { login_method: 'session' } }),
    );
    if (accepted.ok) return redirectTo(ctx, accepted.value);
    return sendFailure(ctx, accepted, { uiLocales: request.uiLocales, retryHref });
  }
  sendForm(ctx, challenge, request, {});
}

/** The form once more with what went wrong; the login request is read again for who asks. */
async function answerWithForm(ctx: FlowContext, challenge: string, state: LoginState): Promise<void> {
  const loaded = await attempt(() => getLoginRequest(challenge));
  if (!loaded.ok) return sendFailure(ctx, loaded, { retryHref: pageHref(challenge) });
  sendForm(ctx, challenge, loaded.value, state);
}

/** A failed accept or reject: Hydra's redirect for a handled challenge, else the form with the error. */
async function answerWithFailure(ctx: FlowContext, challenge: string, failure: Failure, state: LoginState = {}): Promise<void> {
  if (failure.redirectTo) return redirectTo(ctx, failure.redirectTo);
  return answerWithForm(ctx, challenge, { ...state, error: formErrorOf(failure.problem) });
}

export async function postLogin(ctx: FlowContext, form: URLSearchParams): Promise<void> {
  const challenge = parseChallenge(form.get('challenge'));
  if (!challenge) return sendProblem(ctx, 'invalid');
  if (!hasValidCsrfToken(ctx, form, `login:${challenge}`)) return answerWithForm(ctx, challenge, { error: 'formExpired' });
  const parsed = loginForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return answerWithForm(ctx, challenge, { error: 'formExpired' });
  const { intent, email, password } = parsed.data;
  const remember = parsed.data.remember === '1';

  // Denying sends the person back to the client with access_denied.
  if (intent === 'reject') {
    const rejected = await attempt(() => rejectLogin(challenge, 'access_denied', en.login.deniedDescription));
    return rejected.ok ? redirectTo(ctx, rejected.value) : answerWithFailure(ctx, challenge, rejected);
  }

  const fieldErrors = { ...(z.email().safeParse(email).success ? {} : { email: 'emailInvalid' as const }), ...(password ? {} : { password: 'passwordMissing' as const }) };
  if (fieldErrors.email || fieldErrors.password) return answerWithForm(ctx, challenge, { fieldErrors, email, remember });

  // Throttled keys are refused before any password is checked, whether or not the account exists.
  const db = appDb();
  const keys = loginThrottleKeys(email, clientIp(ctx.req, ctx.trustedProxies));
  const wait = await throttleWait(db, keys);
  if (wait > 0) return answerWithForm(ctx, challenge, { signInError: 'throttled', retryAfterSeconds: retrySeconds(wait), email, remember });

  const result = await authenticate(signInUsers(), email, password);
  if (result.kind !== 'ok') {
    const blocked = await throttleFailure(db, keys);
    if (blocked > 0) return answerWithForm(ctx, challenge, { signInError: 'throttled', retryAfterSeconds: retrySeconds(blocked), email, remember });
    return answerWithForm(ctx, challenge, { signInError: result.kind === 'disabled' ? 'disabled' : 'wrongCredentials', email, remember });
  }
  await throttleSuccess(db, keys);

  // Hydra records the user id as the subject (never the e-mail, which can change) and continues with consent.
  const accepted = await attempt(() =>
    acceptLogin(challenge, { subject: result.userId, remember, rememberFor: ctx.config.REMEMBER_FOR, acr: '0', amr: ['pwd'], context: { login_method: 'password' } }),
  );
  return accepted.ok ? redirectTo(ctx, accepted.value) : answerWithFailure(ctx, challenge, accepted, { email, remember });
}
