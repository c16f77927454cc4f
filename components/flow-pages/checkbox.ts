// A checkbox with its label and an optional hint tied to it with aria-describedby.
import { attr, html, type Html, type SafeHtml } from '../../lib/html/html';

export type CheckboxProps = { id: string; name: string; value: string; label: Html; hint?: Html; checked?: boolean; disabled?: boolean };

export function checkbox(p: CheckboxProps): SafeHtml {
  const hintId = p.hint ? `${p.id}-hint` : undefined;
  return html`<div class="flex items-start gap-3">
    <input id="${p.id}" type="checkbox" name="${p.name}" value="${p.value}"${attr('aria-describedby', hintId)}
      class="mt-0.5 h-5 w-5 shrink-0 rounded border-slate-400 accent-accent"${attr('checked', p.checked)}${attr('disabled', p.disabled)}>
    <div class="min-w-0">
      <label for="${p.id}" class="block text-sm font-medium text-slate-800 dark:text-slate-200">${p.label}</label>
      ${p.hint ? html`<p id="${hintId}" class="text-sm text-slate-600 dark:text-slate-400">${p.hint}</p>` : null}
    </div>
  </div>`;
}
