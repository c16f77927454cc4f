// A checkbox with its label and an optional hint tied to it with aria-describedby.
import { attr, html, type Html, type SafeHtml } from '../../lib/html/html';
import { CHECKBOX_CLASSES, FIELD_CLASSES } from '../ui/styles';

export type CheckboxProps = { id: string; name: string; value: string; label: Html; hint?: Html; checked?: boolean; disabled?: boolean };

export function checkbox(p: CheckboxProps): SafeHtml {
  const hintId = p.hint ? `${p.id}-hint` : undefined;
  return html`<div class="${CHECKBOX_CLASSES.row}">
    <input id="${p.id}" type="checkbox" name="${p.name}" value="${p.value}"${attr('aria-describedby', hintId)}
      class="${CHECKBOX_CLASSES.input}"${attr('checked', p.checked)}${attr('disabled', p.disabled)}>
    <div class="${CHECKBOX_CLASSES.text}">
      <label for="${p.id}" class="${FIELD_CLASSES.label}">${p.label}</label>
      ${p.hint ? html`<p id="${hintId}" class="${FIELD_CLASSES.hint}">${p.hint}</p>` : null}
    </div>
  </div>`;
}
