'use client';

import { CardPage } from '@/components/ui/card-page';
import { en } from '@/lib/i18n/en';

// The last line of defence for a failure while rendering: a calm message, never a stack trace.
// The details stay in the server log (Next.js logs the error with its digest).
export default function RenderError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <CardPage title={en.problem.unavailableTitle} brandName="">
      <p className="text-slate-700 dark:text-slate-300">{en.common.somethingWrong}</p>
      <button type="button" onClick={reset} className="mt-6 inline-flex min-h-11 w-full items-center justify-center rounded-lg bg-accent px-4 py-2.5 font-medium text-white">
        {en.common.tryAgain}
      </button>
    </CardPage>
  );
}
