import { CardPage } from '@/components/ui/card-page';
import type { Brand } from '@/lib/branding';
import type { Problem } from '@/lib/hydra/problem';
import type { Messages } from '@/lib/i18n/en';

const TEXTS = {
  missing: ['missingTitle', 'missingBody'],
  invalid: ['invalidTitle', 'invalidBody'],
  expired: ['expiredTitle', 'expiredBody'],
  unavailable: ['unavailableTitle', 'unavailableBody'],
} as const;

type Props = { problem: Problem; m: Messages; lang: string; brand: Brand; retryHref?: string };

/** What a person sees when a flow cannot go on: what happened and what to do, never a stack trace. */
export function ProblemCard({ problem, m, lang, brand, retryHref }: Props) {
  const [title, body] = TEXTS[problem];
  return (
    <CardPage title={m.problem[title]} brandName={brand.name} logoUrl={brand.logoUrl} lang={lang}>
      <p className="text-slate-700 dark:text-slate-300">{m.problem[body]}</p>
      {problem === 'unavailable' && retryHref ? (
        <a href={retryHref} className="mt-6 inline-flex min-h-11 w-full items-center justify-center rounded-lg bg-accent px-4 py-2.5 font-medium text-white">
          {m.common.tryAgain}
        </a>
      ) : null}
    </CardPage>
  );
}
