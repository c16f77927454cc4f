// Flow-level form errors: an expired form, Hydra unreachable, or a dead challenge. Keys, not text:
// the form shows them in the person's language.
import type { SafeHtml } from '../../lib/html/html';
import type { Problem } from '../../lib/hydra/problem';
import type { Messages } from '../../lib/i18n/messages';
import { alert } from './alert';

export type FormError = 'formExpired' | 'unavailable' | 'invalid' | 'expired';

export function formErrorOf(problem: Problem): FormError {
  return problem === 'missing' ? 'invalid' : problem;
}

function formErrorText(error: FormError, m: Messages): string {
  switch (error) {
    case 'formExpired':
      return m.common.formExpired;
    case 'unavailable':
      return m.common.unavailable;
    case 'invalid':
      return `${m.problem.invalidTitle}. ${m.problem.invalidBody}`;
    case 'expired':
      return `${m.problem.expiredTitle}. ${m.problem.expiredBody}`;
  }
}

export function formErrorAlert(error: FormError | undefined, m: Messages): SafeHtml | null {
  return error ? alert(formErrorText(error, m)) : null;
}
