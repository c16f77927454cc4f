// Hydra's error page (URLS_ERROR): what happened in plain words, the technical code small below.
import { html, type SafeHtml } from '../../lib/html/html';
import type { Messages } from '../../lib/i18n/messages';
import { cardPage } from './card-page';
import type { PageView } from './document';

function explain(code: string, m: Messages): string {
  return code !== 'title' && code !== 'fallback' && Object.hasOwn(m.error, code) ? m.error[code as keyof Messages['error']] : m.error.fallback;
}

/** `error` and `description` are shown only as text, whatever they contain. */
export function errorView(view: PageView, error: string, description: string): SafeHtml {
  const { m } = view;
  return cardPage(
    view,
    m.error.title,
    html`<p class="text-slate-700 dark:text-slate-300">${explain(error, m)}</p>
      ${error || description
        ? html`<div class="mt-6 border-t border-slate-200 pt-4 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
            <p class="font-medium">${m.common.technicalDetails}</p>
            ${error ? html`<p class="mt-1">${m.common.errorCode}: <code id="error-code" class="break-all">${error}</code></p>` : null}
            ${description ? html`<p class="mt-1 break-words">${description}</p>` : null}
          </div>`
        : null}`,
  );
}
