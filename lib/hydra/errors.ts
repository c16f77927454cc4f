// What can go wrong talking to Hydra's admin API, as the pages need to tell it apart:
// a challenge Hydra cannot decrypt (404, or 400 when it is malformed), one that has expired (401),
// one already handled (410, with the redirect_to the browser should follow) and Hydra being
// unreachable or failing (network errors, 5xx, anything unexpected).
import { z } from 'zod';

export class HydraError extends Error {
  override name = 'HydraError';
}

export class ChallengeNotFound extends HydraError {
  override name = 'ChallengeNotFound';
}

export class ChallengeExpired extends HydraError {
  override name = 'ChallengeExpired';
}

export class ChallengeHandled extends HydraError {
  override name = 'ChallengeHandled';
  constructor(readonly redirectTo: string | undefined) {
    super('the challenge was already handled');
  }
}

export class HydraUnavailable extends HydraError {
  override name = 'HydraUnavailable';
  constructor(message: string, readonly status?: number) {
    super(message);
  }
}

const redirectBody = z.object({ redirect_to: z.url() });

/** @ory/client rejects with an axios error; only its response is read, so axios need not be imported. */
const httpFailure = z.object({ response: z.object({ status: z.number(), data: z.unknown() }) });

/** The HTTP answer behind a failed admin call, or undefined when Hydra never answered. */
export function httpFailureOf(err: unknown): { status: number; data: unknown } | undefined {
  const parsed = httpFailure.safeParse(err);
  return parsed.success ? parsed.data.response : undefined;
}

export function toHydraError(err: unknown): HydraError {
  if (err instanceof HydraError) return err;
  const failure = httpFailureOf(err);
  if (!failure) {
    return new HydraUnavailable(`Hydra's admin API is unreachable: ${err instanceof Error ? err.message : String(err)}`);
  }
  const { status, data } = failure;
  if (status === 404 || status === 400) return new ChallengeNotFound(`Hydra answered ${status}`);
  if (status === 401) return new ChallengeExpired('Hydra answered 401: the request has expired');
  if (status === 410) {
    const parsed = redirectBody.safeParse(data);
    return new ChallengeHandled(parsed.success ? parsed.data.redirect_to : undefined);
  }
  return new HydraUnavailable(`Hydra's admin API answered ${status}`, status);
}

/** Runs one admin call and turns every failure into one of the errors above. */
export async function hydraCall<T>(call: () => Promise<{ data: T }>): Promise<T> {
  try {
    return (await call()).data;
  } catch (err) {
    throw toHydraError(err);
  }
}

/** The redirect_to of an accept or reject, checked to be an absolute URL. */
export function redirectTarget(data: unknown): string {
  const parsed = redirectBody.safeParse(data);
  if (!parsed.success) throw new HydraUnavailable('Hydra answered without a valid redirect_to');
  return parsed.data.redirect_to;
}
