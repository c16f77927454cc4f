'use client';

import { useActionState } from 'react';
import { FormErrorAlert } from '@/components/flow/form-error';
import type { ActionState, FormAction } from '@/components/flow/form-state';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { HiddenFields } from '@/components/ui/hidden-fields';
import { TextField } from '@/components/ui/text-field';
import { format } from '@/lib/i18n/format';
import type { Messages } from '@/lib/i18n/en';

export type LoginState = ActionState<{
  signInError?: 'wrongCredentials' | 'disabled' | 'throttled';
  retryAfterSeconds?: number;
  fieldErrors?: { email?: 'emailInvalid'; password?: 'passwordMissing' };
  email?: string;
  remember?: boolean;
}>;

type Props = {
  action: FormAction<LoginState>;
  challenge: string;
  csrfToken?: string;
  loginHint?: string;
  m: Messages;
};

function throttledText(seconds: number, m: Messages): string {
  return seconds < 120 ? format(m.login.throttledSeconds, { seconds }) : format(m.login.throttledMinutes, { minutes: Math.ceil(seconds / 60) });
}

export function LoginForm({ action, challenge, csrfToken, loginHint, m }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const signInError =
    state.signInError === 'throttled' ? throttledText(state.retryAfterSeconds ?? 60, m) : state.signInError ? m.login[state.signInError] : undefined;
  const emailError = state.fieldErrors?.email ? m.login[state.fieldErrors.email] : undefined;
  const passwordError = state.fieldErrors?.password ? m.login[state.fieldErrors.password] : undefined;
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <HiddenFields challenge={challenge} csrfToken={csrfToken} />
      <FormErrorAlert error={state.error} m={m} />
      {signInError ? <Alert id="sign-in-error">{signInError}</Alert> : null}
      <TextField
        key={`email-${state.seq ?? 0}`}
        id="email"
        name="email"
        type="email"
        label={m.login.email}
        autoComplete="username"
        inputMode="email"
        required
        defaultValue={state.email ?? loginHint ?? ''}
        error={emailError}
      />
      <TextField
        key={`password-${state.seq ?? 0}`}
        id="password"
        name="password"
        type="password"
        label={m.login.password}
        autoComplete="current-password"
        required
        error={passwordError}
        alsoDescribedBy={signInError ? 'sign-in-error' : undefined}
      />
      <Checkbox key={`remember-${state.seq ?? 0}`} id="remember" name="remember" value="1" label={m.login.remember} hint={m.login.rememberHint} defaultChecked={state.remember} />
      <div className="space-y-3 pt-1">
        <Button id="accept" name="intent" value="accept" disabled={pending}>
          {m.login.submit}
        </Button>
        <Button id="reject" name="intent" value="reject" variant="secondary" disabled={pending} formNoValidate>
          {m.login.deny}
        </Button>
      </div>
    </form>
  );
}
