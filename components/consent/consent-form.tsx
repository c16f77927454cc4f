'use client';

import { useActionState } from 'react';
import { FormErrorAlert } from '@/components/flow/form-error';
import type { ActionState, FormAction } from '@/components/flow/form-state';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { HiddenFields } from '@/components/ui/hidden-fields';
import { format } from '@/lib/i18n/format';
import type { Messages } from '@/lib/i18n/en';
import type { ScopeView } from '@/lib/scopes/describe-scope';

export type ConsentState = ActionState<{ userGone?: boolean }>;

type Props = {
  action: FormAction<ConsentState>;
  challenge: string;
  csrfToken?: string;
  clientName: string;
  userLabel: string;
  scopes: ScopeView[];
  m: Messages;
};

export function ConsentForm({ action, challenge, csrfToken, clientName, userLabel, scopes, m }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-5">
      <HiddenFields challenge={challenge} csrfToken={csrfToken} />
      <FormErrorAlert error={state.error} m={m} />
      {state.userGone ? <Alert>{m.consent.userGone}</Alert> : null}
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 rounded-lg bg-slate-100 px-4 py-3 text-sm dark:bg-slate-800">
        <span className="min-w-0 break-words text-slate-800 dark:text-slate-200">{format(m.consent.signedInAs, { user: userLabel })}</span>
        <Button id="switch-account" name="intent" value="switch" variant="link" disabled={pending}>
          {m.consent.notYou}
        </Button>
      </div>
      <fieldset className="space-y-3">
        <legend className="mb-3 text-sm font-medium text-slate-800 dark:text-slate-200">{format(m.consent.wants, { client: clientName })}</legend>
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {scopes.map((scope) => (
            <li key={scope.name} className="px-4 py-3">
              {scope.required ? <input type="hidden" name="grant_scope" value={scope.name} /> : null}
              <Checkbox
                id={scope.name}
                name="grant_scope"
                value={scope.name}
                defaultChecked
                disabled={scope.required}
                label={
                  <>
                    {scope.label}
                    {scope.required ? <span className="ml-2 text-xs font-normal text-slate-600 dark:text-slate-400">({m.common.required})</span> : null}
                  </>
                }
                hint={scope.description ?? (scope.label === scope.name ? undefined : <code className="text-xs">{scope.name}</code>)}
              />
            </li>
          ))}
        </ul>
      </fieldset>
      <Checkbox id="remember" name="remember" value="1" label={m.consent.remember} hint={m.consent.rememberHint} />
      <div className="grid gap-3 pt-1 sm:grid-cols-2">
        <Button id="accept" name="intent" value="accept" disabled={pending}>
          {m.consent.allow}
        </Button>
        <Button id="reject" name="intent" value="reject" variant="secondary" disabled={pending}>
          {m.consent.deny}
        </Button>
      </div>
    </form>
  );
}
