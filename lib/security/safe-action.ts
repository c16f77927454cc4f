// Wraps a flow's server action so an unexpected failure (database down, a bug) becomes a calm
// "try again" answer in the form and one logged error, never a raw 500. Next.js's own control flow
// (redirect to Hydra's redirect_to) passes through untouched.
import { unstable_rethrow } from 'next/navigation';
import { createLogger } from '../logger';

const log = createLogger('app');

type State = { seq?: number; error?: string };

export function safeAction<S extends State>(name: string, action: (state: S, form: FormData) => Promise<S>) {
  return async (state: S, form: FormData): Promise<S> => {
    try {
      return await action(state, form);
    } catch (err) {
      unstable_rethrow(err);
      log.error({ err, action: name }, 'a sign-in form failed');
      return { seq: (state.seq ?? 0) + 1, error: 'unavailable' } as S;
    }
  };
}
