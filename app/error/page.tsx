import type { Metadata } from 'next';
import { z } from 'zod';
import { CardPage } from '@/components/ui/card-page';
import { brand } from '@/lib/branding';
import type { SearchParams } from '@/lib/hydra/challenge';
import type { Messages } from '@/lib/i18n/en';
import { messagesFor, requestLocale } from '@/lib/i18n/messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: messagesFor(await requestLocale()).error.title };
}

// Hydra sends the browser here (URLS_ERROR) when it cannot send an error back to the client, for
// example for an unknown client or redirect URI. The parameters are only ever shown as text.
const errorParams = z.object({
  error: z.string().max(100).regex(/^[\x20-\x7e]*$/).catch(''),
  error_description: z.string().max(1000).catch(''),
});

function explain(code: string, m: Messages): string {
  return code !== 'title' && code !== 'fallback' && Object.hasOwn(m.error, code) ? m.error[code as keyof Messages['error']] : m.error.fallback;
}

export default async function ErrorPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { error, error_description: description } = errorParams.parse(await searchParams);
  const locale = await requestLocale();
  const m = messagesFor(locale);
  const b = brand();
  return (
    <CardPage title={m.error.title} brandName={b.name} logoUrl={b.logoUrl} lang={locale}>
      <p className="text-slate-700 dark:text-slate-300">{explain(error, m)}</p>
      {error || description ? (
        <div className="mt-6 border-t border-slate-200 pt-4 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
          <p className="font-medium">{m.common.technicalDetails}</p>
          {error ? (
            <p className="mt-1">
              {m.common.errorCode}: <code id="error-code" className="break-all">{error}</code>
            </p>
          ) : null}
          {description ? <p className="mt-1 break-words">{description}</p> : null}
        </div>
      ) : null}
    </CardPage>
  );
}
