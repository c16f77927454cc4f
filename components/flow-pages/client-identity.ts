// The application asking, with its logo when it registered one (the name is never hidden behind it).
import { html, type SafeHtml } from '../../lib/html/html';
import type { ClientInfo } from '../../lib/hydra/types';

export function clientIdentity(client: ClientInfo): SafeHtml {
  return html`<div class="flex items-center gap-3">
    ${client.logoUri
      ? html`<img src="${client.logoUri}" alt="" class="h-10 w-10 shrink-0 rounded-lg border border-slate-200 object-contain dark:border-slate-700">`
      : html`<span aria-hidden="true" class="grid h-10 w-10 shrink-0 place-items-center rounded-lg bg-slate-100 text-lg font-semibold text-slate-700 dark:bg-slate-800 dark:text-slate-200">${client.name.slice(0, 1).toUpperCase()}</span>`}
    <span class="min-w-0 font-semibold break-words">${client.name}</span>
  </div>`;
}
