// The challenge and CSRF token every flow form carries back with its post.
import { html, type SafeHtml } from '../../lib/html/html';
import { CSRF_FIELD } from '../../lib/security/csrf-token';

export function hiddenFields(challenge: string | undefined, csrfToken: string): SafeHtml {
  return html`${challenge ? html`<input type="hidden" name="challenge" value="${challenge}">` : null}<input type="hidden" name="${CSRF_FIELD}" value="${csrfToken}">`;
}
