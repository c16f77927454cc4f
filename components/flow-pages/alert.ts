// A message announced to screen readers as soon as the page shows it.
import { attr, html, type Html, type SafeHtml } from '../../lib/html/html';

export function alert(children: Html, id?: string): SafeHtml {
  return html`<div${attr('id', id)} role="alert" class="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">${children}</div>`;
}
