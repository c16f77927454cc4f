// What a person sees when a flow cannot go on: what happened and what to do, never a stack trace.
import { html, type SafeHtml } from '../../lib/html/html';
import type { Problem } from '../../lib/hydra/problem';
import { cardPage } from './card-page';
import type { PageView } from './document';

const TEXTS = {
  missing: ['missingTitle', 'missingBody'],
  invalid: ['invalidTitle', 'invalidBody'],
  expired: ['expiredTitle', 'expiredBody'],
  unavailable: ['unavailableTitle', 'unavailableBody'],
} as const;

export function problemCard(view: PageView, problem: Problem, retryHref?: string): SafeHtml {
  const [title, body] = TEXTS[problem];
  const { m } = view;
  return cardPage(
    view,
    m.problem[title],
    html`<p class="text-slate-700 dark:text-slate-300">${m.problem[body]}</p>
      ${problem === 'unavailable' && retryHref
        ? html`<a href="${retryHref}" class="mt-6 inline-flex min-h-11 w-full items-center justify-center rounded-lg bg-accent px-4 py-2.5 font-medium text-white">${m.common.tryAgain}</a>`
        : null}`,
  );
}

/** A request the flow pages refuse before reading it (wrong method, foreign origin, oversized body). */
export function refusalCard(view: PageView, title: string, body: string): SafeHtml {
  return cardPage(view, title, html`<p class="text-slate-700 dark:text-slate-300">${body}</p>`);
}
