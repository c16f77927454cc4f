// The consent page: who asks, as whom the person is signed in, and one checkbox per requested scope.
import { html, type SafeHtml } from '../../lib/html/html';
import type { ClientInfo } from '../../lib/hydra/types';
import { format } from '../../lib/i18n/format';
import type { ScopeView } from '../../lib/scopes/describe-scope';
import { button } from './button';
import { cardPage } from './card-page';
import { checkbox } from './checkbox';
import { clientIdentity } from './client-identity';
import { clientLinks } from './client-links';
import type { PageView } from './document';
import { formErrorAlert, type FormError } from './form-error';
import { hiddenFields } from './hidden-fields';

export type ConsentState = { error?: FormError };

export type ConsentViewProps = {
  action: string;
  challenge: string;
  csrfToken: string;
  client: ClientInfo;
  userLabel: string;
  scopes: ScopeView[];
  state: ConsentState;
};

function scopeItem(scope: ScopeView, view: PageView): SafeHtml {
  const { m } = view;
  // A required scope is granted whatever the browser sends: the disabled box is not submitted, the hidden field is.
  return html`<li class="px-4 py-3">
    ${scope.required ? html`<input type="hidden" name="grant_scope" value="${scope.name}">` : null}
    ${checkbox({
      id: scope.name,
      name: 'grant_scope',
      value: scope.name,
      checked: true,
      disabled: scope.required,
      label: html`${scope.label}${scope.required ? html`<span class="ml-2 text-xs font-normal text-slate-600 dark:text-slate-400">(${m.common.required})</span>` : null}`,
      hint: scope.description ?? (scope.label === scope.name ? undefined : html`<code class="text-xs">${scope.name}</code>`),
    })}
  </li>`;
}

export function consentView(view: PageView, p: ConsentViewProps): SafeHtml {
  const { m } = view;
  return cardPage(
    view,
    m.consent.title,
    html`<div class="mb-6 space-y-3">
        <p class="text-slate-700 dark:text-slate-300">${m.consent.lead}</p>
        ${clientIdentity(p.client)}
        ${clientLinks(p.client, m)}
      </div>
      <form method="post" action="${p.action}" class="space-y-5">
        ${hiddenFields(p.challenge, p.csrfToken)}
        ${formErrorAlert(p.state.error, m)}
        <div class="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 rounded-lg bg-slate-100 px-4 py-3 text-sm dark:bg-slate-800">
          <span class="min-w-0 break-words text-slate-800 dark:text-slate-200">${format(m.consent.signedInAs, { user: p.userLabel })}</span>
          ${button({ id: 'switch-account', name: 'intent', value: 'switch', variant: 'link', label: m.consent.notYou })}
        </div>
        <fieldset class="space-y-3">
          <legend class="mb-3 text-sm font-medium text-slate-800 dark:text-slate-200">${format(m.consent.wants, { client: p.client.name })}</legend>
          <ul class="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            ${p.scopes.map((scope) => scopeItem(scope, view))}
          </ul>
        </fieldset>
        ${checkbox({ id: 'remember', name: 'remember', value: '1', label: m.consent.remember, hint: m.consent.rememberHint })}
        <div class="grid gap-3 pt-1 sm:grid-cols-2">
          ${button({ id: 'accept', name: 'intent', value: 'accept', label: m.consent.allow })}
          ${button({ id: 'reject', name: 'intent', value: 'reject', variant: 'secondary', label: m.consent.deny })}
        </div>
      </form>`,
  );
}
