'use client';

import { useActionState, type ReactNode } from 'react';
import { FormErrorAlert } from '@/components/flow/form-error';
import type { ActionState, FormAction } from '@/components/flow/form-state';
import { Button } from '@/components/ui/button';
import { CardPage } from '@/components/ui/card-page';
import { HiddenFields } from '@/components/ui/hidden-fields';
import type { Messages } from '@/lib/i18n/en';

export type LogoutState = ActionState<{ cancelled?: boolean }>;

type Props = {
  action: FormAction<LogoutState>;
  challenge: string;
  csrfToken?: string;
  question: string;
  m: Messages;
  lang: string;
  brand: { name: string; logoUrl?: string };
  /** What to show when the page itself could not load the request (after "No", Hydra may forget it). */
  fallback?: ReactNode;
};

/** The sign-out question, and after "No" the reassurance that nothing changed. */
export function LogoutPanel({ action, challenge, csrfToken, question, m, lang, brand, fallback }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  if (state.cancelled) {
    return (
      <CardPage title={m.logout.cancelledTitle} brandName={brand.name} logoUrl={brand.logoUrl} lang={lang}>
        <p role="status" className="text-slate-700 dark:text-slate-300">
          {m.logout.cancelledBody}
        </p>
      </CardPage>
    );
  }
  if (fallback) return fallback;
  return (
    <CardPage title={m.logout.title} brandName={brand.name} logoUrl={brand.logoUrl} lang={lang}>
      <form action={formAction} className="space-y-5">
        <HiddenFields challenge={challenge} csrfToken={csrfToken} />
        <FormErrorAlert error={state.error} m={m} />
        <p className="text-slate-700 dark:text-slate-300">{question}</p>
        <div className="grid gap-3 sm:grid-cols-2">
          <Button id="accept" name="intent" value="accept" disabled={pending}>
            {m.logout.yes}
          </Button>
          <Button id="reject" name="intent" value="reject" variant="secondary" disabled={pending}>
            {m.logout.no}
          </Button>
        </div>
      </form>
    </CardPage>
  );
}
