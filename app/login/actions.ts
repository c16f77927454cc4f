'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formErrorOf } from '@/components/flow/form-state';
import type { LoginState } from '@/components/login/login-form';
import { appConfig } from '@/lib/app-config';
import { appDb } from '@/lib/db/app-connection';
import { acceptLogin, rejectLogin } from '@/lib/hydra';
import { parseChallenge } from '@/lib/hydra/challenge';
import { attempt } from '@/lib/hydra/problem';
import { en } from '@/lib/i18n/en';
import { checkCsrf } from '@/lib/security/csrf';
import { safeAction } from '@/lib/security/safe-action';
import { clientIp } from '@/lib/security/client-ip';
import { loginThrottleKeys, throttleFailure, throttleSuccess, throttleWait } from '@/lib/security/throttle-store';
import { authenticate } from '@/lib/users/authenticate';

const loginForm = z.object({
  intent: z.enum(['accept', 'reject']),
  email: z.string().trim().max(254).default(''),
  password: z.string().max(1024).default(''),
  remember: z.literal('1').optional(),
});

const retrySeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export const signIn = safeAction<LoginState>('login', async (state, form) => {
  const seq = (state.seq ?? 0) + 1;
  const challenge = parseChallenge(form.get('challenge'));
  if (!challenge) return { seq, error: 'invalid' };
  if (!(await checkCsrf(form, `login:${challenge}`))) return { seq, error: 'formExpired' };
  const parsed = loginForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { seq, error: 'formExpired' };
  const { intent, email, password } = parsed.data;
  const remember = parsed.data.remember === '1';

  // Denying sends the person back to the client with access_denied.
  if (intent === 'reject') {
    const rejected = await attempt(() => rejectLogin(challenge, 'access_denied', en.login.deniedDescription));
    if (!rejected.ok) return { seq, error: formErrorOf(rejected.problem) };
    redirect(rejected.value);
  }

  const fieldErrors = { ...(z.email().safeParse(email).success ? {} : { email: 'emailInvalid' as const }), ...(password ? {} : { password: 'passwordMissing' as const }) };
  if (fieldErrors.email || fieldErrors.password) return { seq, fieldErrors, email, remember };

  // Throttled keys are refused before any password is checked, whether or not the account exists.
  const db = appDb();
  const keys = loginThrottleKeys(email, await clientIp());
  const wait = await throttleWait(db, keys);
  if (wait > 0) return { seq, signInError: 'throttled', retryAfterSeconds: retrySeconds(wait), email, remember };

  const result = await authenticate(db, email, password);
  if (result.kind !== 'ok') {
    const blocked = await throttleFailure(db, keys);
    if (blocked > 0) return { seq, signInError: 'throttled', retryAfterSeconds: retrySeconds(blocked), email, remember };
    return { seq, signInError: result.kind === 'disabled' ? 'disabled' : 'wrongCredentials', email, remember };
  }
  await throttleSuccess(db, keys);

  // Hydra records the user id as the subject (never the e-mail, which can change) and continues with consent.
  const accepted = await attempt(() =>
    acceptLogin(challenge, {
      subject: result.userId,
      remember,
      rememberFor: appConfig().REMEMBER_FOR,
      acr: '0',
      amr: ['pwd'],
      context: { login_method: 'password' },
    }),
  );
  if (!accepted.ok) return { seq, error: formErrorOf(accepted.problem), email, remember };
  redirect(accepted.value);
});
