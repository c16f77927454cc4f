import { Alert } from '@/components/ui/alert';
import type { Messages } from '@/lib/i18n/en';
import type { FormError } from './form-state';

/** The text for a flow-level form error: an expired form, Hydra unreachable, or a dead challenge. */
export function formErrorText(error: FormError, m: Messages): string {
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

export function FormErrorAlert({ error, m }: { error?: FormError; m: Messages }) {
  return error ? <Alert>{formErrorText(error, m)}</Alert> : null;
}
