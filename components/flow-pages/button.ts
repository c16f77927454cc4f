// Submit buttons: the primary action, the secondary one, and a link-styled one.
import { attr, html, type SafeHtml } from '../../lib/html/html';
import { BUTTON_CLASSES, type ButtonVariant } from '../ui/styles';

export type ButtonProps = { id: string; label: string; name?: string; value?: string; variant?: ButtonVariant; formnovalidate?: boolean };

export function button({ id, label, name, value, variant = 'primary', formnovalidate }: ButtonProps): SafeHtml {
  return html`<button type="submit" id="${id}" class="${BUTTON_CLASSES[variant]}"${attr('name', name)}${attr('value', value)}${attr('formnovalidate', formnovalidate)}>${label}</button>`;
}
