// What a flow's server action hands back to its form when it does not redirect. Keys, not text:
// the form shows them in the person's language.
import type { Problem } from '@/lib/hydra/problem';

export type FormError = 'formExpired' | 'unavailable' | 'invalid' | 'expired';

export type ActionState<Extra = object> = { error?: FormError; seq?: number } & Extra;

export type FormAction<S> = (state: S, form: FormData) => Promise<S>;

export function formErrorOf(problem: Problem): FormError {
  return problem === 'missing' ? 'invalid' : problem;
}
