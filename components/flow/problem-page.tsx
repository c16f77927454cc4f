import { brand } from '@/lib/branding';
import type { Problem } from '@/lib/hydra/problem';
import { messagesFor, requestLocale } from '@/lib/i18n/messages';
import { ProblemCard } from './problem-card';

/** A whole page for a flow that cannot go on, in the person's language. */
export async function ProblemPage({ problem, uiLocales, retryHref }: { problem: Problem; uiLocales?: string[]; retryHref?: string }) {
  const locale = await requestLocale(uiLocales);
  return <ProblemCard problem={problem} m={messagesFor(locale)} lang={locale} brand={brand()} retryHref={retryHref} />;
}
