// A message announced to screen readers as soon as the page shows it.
import { attr, html, type Html, type SafeHtml } from '../../lib/html/html';
import { ALERT_CLASSES } from '../ui/styles';

export function alert(children: Html, id?: string): SafeHtml {
  return html`<div${attr('id', id)} role="alert" class="${ALERT_CLASSES}">${children}</div>`;
}
