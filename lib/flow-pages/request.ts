// Reading a flow-page request: the query string, the origin of a post, and its form body.
import type { IncomingMessage } from 'node:http';
import { BodyTooLargeError, readLimitedBody } from '../http/body';
import type { SearchParams } from '../hydra/challenge';

const FORM_LIMIT_BYTES = 64 * 1024;

/** The query as the page schemas expect it: a repeated parameter becomes an array (and no challenge). */
export function searchParamsOf(search: string): SearchParams {
  const params: SearchParams = Object.create(null) as SearchParams;
  for (const [key, value] of new URLSearchParams(search)) {
    const known = params[key];
    params[key] = known === undefined ? value : [...(Array.isArray(known) ? known : [known]), value];
  }
  return params;
}

/** A post from a page of another origin. Browsers send Origin on every form post; a post without one is judged by its CSRF token alone. */
export function isForeignOrigin(req: IncomingMessage, appOrigin: string): boolean {
  const { origin } = req.headers;
  return origin !== undefined && origin !== appOrigin;
}

export type FormBody = { ok: true; form: URLSearchParams } | { ok: false; status: 413 | 415 };

/** An urlencoded body of at most FORM_LIMIT_BYTES; unknown fields are left for the page's schema to ignore. */
export function readForm(req: IncomingMessage): Promise<FormBody> {
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return Promise.resolve({ ok: false, status: 415 });
  return readLimitedBody(req, FORM_LIMIT_BYTES).then(
    (text): FormBody => ({ ok: true, form: new URLSearchParams(text) }),
    (err: unknown): FormBody => {
      if (err instanceof BodyTooLargeError) return { ok: false, status: 413 };
      throw err;
    },
  );
}
