// A labelled input whose hint and error are tied to it with aria-describedby.
import { attr, html, type SafeHtml } from '../../lib/html/html';

export type TextFieldProps = {
  id: string;
  name: string;
  label: string;
  type?: 'email' | 'password';
  autocomplete: string;
  inputmode?: 'email';
  required?: boolean;
  minlength?: number;
  value?: string;
  hint?: string;
  error?: string;
  alsoDescribedBy?: string;
  /** The first invalid field of a form sent back with errors. */
  autofocus?: boolean;
};

export function textField(p: TextFieldProps): SafeHtml {
  const hintId = p.hint ? `${p.id}-hint` : undefined;
  const errorId = p.error ? `${p.id}-error` : undefined;
  const describedBy = [errorId, p.alsoDescribedBy, hintId].filter(Boolean).join(' ') || undefined;
  const border = p.error ? 'border-red-600 dark:border-red-400' : 'border-slate-300 dark:border-slate-600';
  return html`<div class="space-y-1.5">
    <label for="${p.id}" class="block text-sm font-medium text-slate-800 dark:text-slate-200">${p.label}</label>
    <input id="${p.id}" name="${p.name}"${attr('type', p.type)}
      ${attr('aria-invalid', p.error ? 'true' : undefined)}${attr('aria-describedby', describedBy)}
      class="block min-h-11 w-full rounded-lg border bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-500 dark:bg-slate-950 dark:text-slate-100 ${border}"
      ${attr('autocomplete', p.autocomplete)}${attr('inputmode', p.inputmode)}${attr('required', p.required)}${attr('minlength', p.minlength)}
      ${attr('value', p.value)}${attr('autofocus', p.autofocus)}>
    ${p.error ? html`<p id="${errorId}" class="text-sm text-red-700 dark:text-red-300">${p.error}</p>` : null}
    ${p.hint ? html`<p id="${hintId}" class="text-sm text-slate-600 dark:text-slate-400">${p.hint}</p>` : null}
  </div>`;
}
