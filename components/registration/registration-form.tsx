'use client';

import { useActionState } from 'react';
import { FormErrorAlert } from '@/components/flow/form-error';
import type { ActionState, FormAction } from '@/components/flow/form-state';
import { Button } from '@/components/ui/button';
import { HiddenFields } from '@/components/ui/hidden-fields';
import { TextField } from '@/components/ui/text-field';
import type { Messages } from '@/lib/i18n/en';

type ErrorKey = Exclude<keyof Messages['registration'], 'title'>;

export type RegistrationState = ActionState<{
  fieldErrors?: { name?: ErrorKey; email?: ErrorKey; password?: ErrorKey };
  values?: { name: string; email: string };
  done?: boolean;
}>;

type Props = { action: FormAction<RegistrationState>; challenge?: string; csrfToken?: string; signInHref?: string; doneText: string; m: Messages };

export function RegistrationForm({ action, challenge, csrfToken, signInHref, doneText, m }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  if (state.done) {
    return (
      <div role="status" className="space-y-2">
        <h2 className="text-lg font-semibold">{m.registration.doneTitle}</h2>
        <p className="text-slate-700 dark:text-slate-300">{doneText}</p>
      </div>
    );
  }
  const error = (key?: ErrorKey) => (key ? m.registration[key] : undefined);
  const seq = state.seq ?? 0;
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <HiddenFields challenge={challenge} csrfToken={csrfToken} />
      <FormErrorAlert error={state.error} m={m} />
      <TextField key={`name-${seq}`} id="name" name="name" label={m.registration.name} autoComplete="name" required defaultValue={state.values?.name} error={error(state.fieldErrors?.name)} />
      <TextField
        key={`email-${seq}`}
        id="email"
        name="email"
        type="email"
        inputMode="email"
        label={m.registration.email}
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={error(state.fieldErrors?.email)}
      />
      <TextField
        id="password"
        name="password"
        type="password"
        label={m.registration.password}
        autoComplete="new-password"
        required
        minLength={8}
        hint={m.registration.passwordHint}
        error={error(state.fieldErrors?.password)}
      />
      <Button id="accept" disabled={pending}>
        {m.registration.submit}
      </Button>
      {signInHref ? (
        <p className="text-center text-sm text-slate-700 dark:text-slate-300">
          {m.registration.haveAccount}{' '}
          <a href={signInHref} className="font-medium text-slate-900 underline underline-offset-4 dark:text-white">
            {m.registration.signIn}
          </a>
        </p>
      ) : null}
    </form>
  );
}
