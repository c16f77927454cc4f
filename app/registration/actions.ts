'use server';

import { redirect } from 'next/navigation';
import { formErrorOf } from '@/components/flow/form-state';
import type { RegistrationState } from '@/components/registration/registration-form';
import { appConfig } from '@/lib/app-config';
import { appDb } from '@/lib/db/app-connection';
import { acceptLogin } from '@/lib/hydra';
import { parseChallenge } from '@/lib/hydra/challenge';
import { attempt } from '@/lib/hydra/problem';
import { checkCsrf } from '@/lib/security/csrf';
import { safeAction } from '@/lib/security/safe-action';
import { registerUser } from '@/lib/users/register';

const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value : '');

export const register = safeAction<RegistrationState>('registration', async (state, form) => {
  const seq = (state.seq ?? 0) + 1;
  if (!appConfig().REGISTRATION_ENABLED) return { seq, error: 'invalid' };
  const challenge = form.has('challenge') ? parseChallenge(form.get('challenge')) : undefined;
  if (form.has('challenge') && !challenge) return { seq, error: 'invalid' };
  if (!(await checkCsrf(form, `registration:${challenge ?? ''}`))) return { seq, error: 'formExpired' };

  const input = { name: text(form.get('name')), email: text(form.get('email')), password: text(form.get('password')) };
  const result = await registerUser(appDb(), input);
  const values = { name: input.name, email: input.email };
  if (!result.ok) return { seq, fieldErrors: result.errors as RegistrationState['fieldErrors'], values };
  if (!challenge) return { seq, done: true };

  // Signing up inside a login flow: the new account is the one signing in, so Hydra continues with consent.
  const accepted = await attempt(() =>
    acceptLogin(challenge, { subject: result.userId, remember: false, rememberFor: appConfig().REMEMBER_FOR, acr: '0', amr: ['pwd'], context: { login_method: 'registration' } }),
  );
  if (!accepted.ok) return { seq, done: true, error: formErrorOf(accepted.problem) };
  redirect(accepted.value);
});
