// The sign-out question, and after "No" the reassurance that nothing changed.
import { html, type SafeHtml } from '../../lib/html/html';
import { button } from './button';
import { cardPage } from './card-page';
import type { PageView } from './document';
import { formErrorAlert, type FormError } from './form-error';
import { hiddenFields } from './hidden-fields';

export type LogoutState = { error?: FormError };

export type LogoutViewProps = { action: string; challenge: string; csrfToken: string; question: string; state: LogoutState };

export function logoutView(view: PageView, p: LogoutViewProps): SafeHtml {
  const { m } = view;
  return cardPage(
    view,
    m.logout.title,
    html`<form method="post" action="${p.action}" class="space-y-5">
      ${hiddenFields(p.challenge, p.csrfToken)}
      ${formErrorAlert(p.state.error, m)}
      <p class="text-slate-700 dark:text-slate-300">${p.question}</p>
      <div class="grid gap-3 sm:grid-cols-2">
        ${button({ id: 'accept', name: 'intent', value: 'accept', label: m.logout.yes })}
        ${button({ id: 'reject', name: 'intent', value: 'reject', variant: 'secondary', label: m.logout.no })}
      </div>
    </form>`,
  );
}

export function logoutCancelledView(view: PageView): SafeHtml {
  const { m } = view;
  return cardPage(view, m.logout.cancelledTitle, html`<p role="status" class="text-slate-700 dark:text-slate-300">${m.logout.cancelledBody}</p>`);
}
