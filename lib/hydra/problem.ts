// Turns a failed admin call into what the page shows. A challenge Hydra already handled is not a
// dead end: Hydra says where the browser goes next (410 redirect_to), so the browser goes there.
import { redirect } from 'next/navigation';
import { createLogger } from '../logger';
import { ChallengeExpired, ChallengeHandled, ChallengeNotFound } from './errors';

export type Problem = 'missing' | 'invalid' | 'expired' | 'unavailable';

const log = createLogger('app');

export function problemOf(err: unknown): Problem {
  if (err instanceof ChallengeHandled) {
    if (err.redirectTo) redirect(err.redirectTo);
    return 'invalid';
  }
  if (err instanceof ChallengeNotFound) return 'invalid';
  if (err instanceof ChallengeExpired) return 'expired';
  log.error({ err }, 'a sign-in flow failed: Hydra or the database is not answering as expected');
  return 'unavailable';
}

export type Attempt<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** Runs an admin call for a page; a 410 redirects from here, every other failure becomes a Problem. */
export async function attempt<T>(call: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (err) {
    return { ok: false, problem: problemOf(err) };
  }
}
