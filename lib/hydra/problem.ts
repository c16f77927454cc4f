// Turns a failed admin call into what the page shows. A challenge Hydra already handled is not a
// dead end: Hydra says where the browser goes next (410 redirect_to), and the page sends it there.
import { createLogger } from '../logger';
import { ChallengeExpired, ChallengeHandled, ChallengeNotFound } from './errors';

export type Problem = 'missing' | 'invalid' | 'expired' | 'unavailable';

/** A failed call: the problem to show, or for a handled challenge Hydra's redirect_to to follow instead. */
export type Failure = { ok: false; problem: Problem; redirectTo?: string };

export type Attempt<T> = { ok: true; value: T } | Failure;

const log = createLogger('app');

function failureOf(err: unknown): Failure {
  if (err instanceof ChallengeHandled) return { ok: false, problem: 'invalid', redirectTo: err.redirectTo };
  if (err instanceof ChallengeNotFound) return { ok: false, problem: 'invalid' };
  if (err instanceof ChallengeExpired) return { ok: false, problem: 'expired' };
  log.error({ err }, 'a sign-in flow failed: Hydra or the database is not answering as expected');
  return { ok: false, problem: 'unavailable' };
}

/** Runs an admin call for a page; every failure becomes a Failure, never an exception. */
export async function attempt<T>(call: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (err) {
    return failureOf(err);
  }
}
