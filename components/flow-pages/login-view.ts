// The sign-in page: who asks, the e-mail and password form, and the way to create an account.
import { html, type SafeHtml } from '../../lib/html/html';
import type { ClientInfo } from '../../lib/hydra/types';
import { format } from '../../lib/i18n/format';
import type { Messages } from '../../lib/i18n/messages';
import { alert } from './alert';
import { button } from './button';
import { cardPage } from './card-page';
import { checkbox } from './checkbox';
import { clientIdentity } from './client-identity';
import type { PageView } from './document';
import { formErrorAlert, type FormError } from './form-error';
import { hiddenFields } from './hidden-fields';
import { textField } from './text-field';

/** What the last post left for the form to show; the password is never kept. */
export type LoginState = {
  error?: FormError;
  signInError?: 'wrongCredentials' | 'disabled' | 'throttled';
  retryAfterSeconds?: number;
  fieldErrors?: { email?: 'emailInvalid'; password?: 'passwordMissing' };
  email?: string;
  remember?: boolean;
};

export type LoginViewProps = {
  action: string;
  challenge: string;
  csrfToken: string;
  client: ClientInfo;
  loginHint?: string;
  /** Set when self-service sign-up is open. */
  registrationHref?: string;
  state: LoginState;
};

function throttledText(seconds: number, m: Messages): string {
  return seconds < 120 ? format(m.login.throttledSeconds, { seconds }) : format(m.login.throttledMinutes, { minutes: Math.ceil(seconds / 60) });
}

export function loginView(view: PageView, p: LoginViewProps): SafeHtml {
  const { m } = view;
  const { state } = p;
  const signInError =
    state.signInError === 'throttled' ? throttledText(state.retryAfterSeconds ?? 60, m) : state.signInError ? m.login[state.signInError] : undefined;
  const emailError = state.fieldErrors?.email ? m.login[state.fieldErrors.email] : undefined;
  const passwordError = state.fieldErrors?.password ? m.login[state.fieldErrors.password] : undefined;
  return cardPage(
    view,
    m.login.title,
    html`<div class="mb-6 space-y-3">
        ${clientIdentity(p.client)}
        <p class="text-slate-700 dark:text-slate-300">${format(m.login.pleaseLogIn, { client: p.client.name })}</p>
      </div>
      <form method="post" action="${p.action}" class="space-y-5" novalidate>
        ${hiddenFields(p.challenge, p.csrfToken)}
        ${formErrorAlert(state.error, m)}
        ${signInError ? alert(signInError, 'sign-in-error') : null}
        ${textField({
          id: 'email',
          name: 'email',
          type: 'email',
          label: m.login.email,
          autocomplete: 'username',
          inputmode: 'email',
          required: true,
          value: state.email ?? p.loginHint ?? '',
          error: emailError,
          autofocus: Boolean(emailError),
        })}
        ${textField({
          id: 'password',
          name: 'password',
          type: 'password',
          label: m.login.password,
          autocomplete: 'current-password',
          required: true,
          error: passwordError,
          alsoDescribedBy: signInError ? 'sign-in-error' : undefined,
          autofocus: Boolean(passwordError) && !emailError,
        })}
        ${checkbox({ id: 'remember', name: 'remember', value: '1', label: m.login.remember, hint: m.login.rememberHint, checked: state.remember })}
        <div class="space-y-3 pt-1">
          ${button({ id: 'accept', name: 'intent', value: 'accept', label: m.login.submit })}
          ${button({ id: 'reject', name: 'intent', value: 'reject', variant: 'secondary', formnovalidate: true, label: m.login.deny })}
        </div>
      </form>
      ${p.registrationHref
        ? html`<p class="mt-6 border-t border-slate-200 pt-5 text-center text-sm text-slate-700 dark:border-slate-800 dark:text-slate-300">
            ${m.login.noAccount} <a href="${p.registrationHref}" class="font-medium text-slate-900 underline underline-offset-4 dark:text-white">${m.login.createAccount}</a>
          </p>`
        : null}`,
  );
}
