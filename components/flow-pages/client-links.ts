// The client's own pages, so a person can check who is asking before saying yes.
import { html, type SafeHtml } from '../../lib/html/html';
import type { ClientInfo } from '../../lib/hydra/types';
import type { Messages } from '../../lib/i18n/messages';

export function clientLinks(client: ClientInfo, m: Messages): SafeHtml | null {
  const links = [
    [client.clientUri, m.consent.website],
    [client.policyUri, m.consent.privacy],
    [client.tosUri, m.consent.terms],
  ].filter((l): l is [string, string] => Boolean(l[0]));
  if (links.length === 0) return null;
  return html`<ul class="flex flex-wrap gap-x-4 gap-y-1 text-sm">
    ${links.map(
      ([href, label]) => html`<li>
        <a href="${href}" target="_blank" rel="noopener noreferrer" class="text-slate-700 underline underline-offset-4 hover:text-slate-950 dark:text-slate-300 dark:hover:text-white"
          >${label}<span class="sr-only"> ${m.common.opensInNewTab}</span></a>
      </li>`,
    )}
  </ul>`;
}
