// Request bodies with a size limit; malformed input is a 4xx in Hydra's shape, never a crash.
import type { IncomingMessage } from 'node:http';
import { BodyTooLargeError, readLimitedBody } from '../../http/body';
import { HydraError } from './errors';

const MAX_BODY_BYTES = 1024 * 1024;

/** The body as text; past the limit, Hydra's 413. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return readLimitedBody(req, limit).catch((err: unknown) => {
    throw err instanceof BodyTooLargeError ? new HydraError(413, 'invalid_request', err.message) : err;
  });
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HydraError(400, 'invalid_request', 'The request body is not valid JSON.');
  }
}

export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams(await readBody(req));
}
