// A labelled input whose hint and error are tied to it with aria-describedby.
import { attr, html, type SafeHtml } from '../../lib/html/html';
import { FIELD_CLASSES } from '../ui/styles';

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
  const border = p.error ? FIELD_CLASSES.inputBorderInvalid : FIELD_CLASSES.inputBorder;
  return html`<div class="${FIELD_CLASSES.group}">
    <label for="${p.id}" class="${FIELD_CLASSES.label}">${p.label}</label>
    <input id="${p.id}" name="${p.name}"${attr('type', p.type)}
      ${attr('aria-invalid', p.error ? 'true' : undefined)}${attr('aria-describedby', describedBy)}
      class="${FIELD_CLASSES.input} ${border}"
      ${attr('autocomplete', p.autocomplete)}${attr('inputmode', p.inputmode)}${attr('required', p.required)}${attr('minlength', p.minlength)}
      ${attr('value', p.value)}${attr('autofocus', p.autofocus)}>
    ${p.error ? html`<p id="${errorId}" class="${FIELD_CLASSES.error}">${p.error}</p>` : null}
    ${p.hint ? html`<p id="${hintId}" class="${FIELD_CLASSES.hint}">${p.hint}</p>` : null}
  </div>`;
}
