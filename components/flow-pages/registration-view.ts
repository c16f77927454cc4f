// Self-service sign-up: the form, the confirmation, and the page shown when sign-up is closed.
import { html, type SafeHtml } from '../../lib/html/html';
import { format } from '../../lib/i18n/format';
import type { Messages } from '../../lib/i18n/messages';
import { button } from './button';
import { cardPage } from './card-page';
import type { PageView } from './document';
import { formErrorAlert, type FormError } from './form-error';
import { hiddenFields } from './hidden-fields';
import { textField } from './text-field';

export type RegistrationErrorKey = Exclude<keyof Messages['registration'], 'title'>;

/** What the last post left for the form to show; the password is never kept. */
export type RegistrationState = {
  error?: FormError;
  fieldErrors?: { name?: RegistrationErrorKey; email?: RegistrationErrorKey; password?: RegistrationErrorKey };
  values?: { name: string; email: string };
};

export type RegistrationViewProps = { action: string; challenge?: string; csrfToken: string; signInHref?: string; state: RegistrationState };

export function registrationView(view: PageView, p: RegistrationViewProps): SafeHtml {
  const { m, brand } = view;
  const { fieldErrors = {}, values } = p.state;
  const error = (key?: RegistrationErrorKey) => (key ? m.registration[key] : undefined);
  const firstInvalid = (['name', 'email', 'password'] as const).find((field) => fieldErrors[field]);
  return cardPage(
    view,
    m.registration.title,
    html`<p class="mb-6 text-slate-700 dark:text-slate-300">${format(m.registration.lead, { brand: brand.name })}</p>
      <form method="post" action="${p.action}" class="space-y-5" novalidate>
        ${hiddenFields(p.challenge, p.csrfToken)}
        ${formErrorAlert(p.state.error, m)}
        ${textField({
          id: 'name',
          name: 'name',
          label: m.registration.name,
          autocomplete: 'name',
          required: true,
          value: values?.name,
          error: error(fieldErrors.name),
          autofocus: firstInvalid === 'name',
        })}
        ${textField({
          id: 'email',
          name: 'email',
          type: 'email',
          inputmode: 'email',
          label: m.registration.email,
          autocomplete: 'email',
          required: true,
          value: values?.email,
          error: error(fieldErrors.email),
          autofocus: firstInvalid === 'email',
        })}
        ${textField({
          id: 'password',
          name: 'password',
          type: 'password',
          label: m.registration.password,
          autocomplete: 'new-password',
          required: true,
          minlength: 8,
          hint: m.registration.passwordHint,
          error: error(fieldErrors.password),
          autofocus: firstInvalid === 'password',
        })}
        ${button({ id: 'accept', label: m.registration.submit })}
        ${p.signInHref
          ? html`<p class="text-center text-sm text-slate-700 dark:text-slate-300">
              ${m.registration.haveAccount} <a href="${p.signInHref}" class="font-medium text-slate-900 underline underline-offset-4 dark:text-white">${m.registration.signIn}</a>
            </p>`
          : null}
      </form>`,
  );
}

export function registrationDoneView(view: PageView): SafeHtml {
  const { m, brand } = view;
  return cardPage(
    view,
    m.registration.title,
    html`<p class="mb-6 text-slate-700 dark:text-slate-300">${format(m.registration.lead, { brand: brand.name })}</p>
      <div role="status" class="space-y-2">
        <h2 class="text-lg font-semibold">${m.registration.doneTitle}</h2>
        <p class="text-slate-700 dark:text-slate-300">${format(m.registration.doneBody, { brand: brand.name })}</p>
      </div>`,
  );
}

export function registrationClosedView(view: PageView): SafeHtml {
  const { m } = view;
  return cardPage(view, m.registration.closedTitle, html`<p class="text-slate-700 dark:text-slate-300">${m.registration.closedBody}</p>`);
}
