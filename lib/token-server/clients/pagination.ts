// Hydra's keyset pagination (oryx keysetpagination_v2): opaque page tokens, encrypted so clients can't
// forge positions, valid for one hour; a `Link` header with rel="first" and, unless on the last page,
// rel="next". Generic: any list ordered by a unique string key can use it.
import { HydraError } from '../http/errors';
import type { SecretBox } from '../storage/secret-box';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;
const TOKEN_TTL_MS = 60 * 60 * 1000;

export type PageRequest = { size: number; after: string | undefined };

const badToken = () => new HydraError(400, 'invalid_request', 'The page token is invalid, do not craft your own page tokens.');

function encodeToken(box: SecretBox, after: string): string {
  return Buffer.from(box.encrypt(JSON.stringify({ after, issued: Date.now() }))).toString('base64url');
}

/** Reads `page_size` and `page_token` from the query; a token that doesn't decrypt or has expired is 400. */
export function readPageRequest(url: URL, box: SecretBox): PageRequest {
  const rawSize = url.searchParams.get('page_size');
  let size = DEFAULT_PAGE_SIZE;
  if (rawSize !== null && rawSize !== '') {
    if (!/^\d+$/.test(rawSize) || Number(rawSize) < 1) throw new HydraError(400, 'invalid_request', 'The page_size must be a positive integer.');
    size = Math.min(Number(rawSize), MAX_PAGE_SIZE);
  }
  const token = url.searchParams.get('page_token');
  if (token === null || token === '') return { size, after: undefined };
  try {
    const parsed = JSON.parse(box.decrypt(Buffer.from(token, 'base64url').toString('utf8'))) as { after?: unknown; issued?: unknown };
    if (typeof parsed.after !== 'string' || typeof parsed.issued !== 'number') throw badToken();
    if (Date.now() - parsed.issued > TOKEN_TTL_MS) throw badToken();
    return { size, after: parsed.after === '' ? undefined : parsed.after };
  } catch {
    throw badToken();
  }
}

/** The Link header for a page; `lastKey` is the key of the last item when another page follows. */
export function linkHeader(path: string, box: SecretBox, size: number, lastKey: string | undefined, extra: URLSearchParams = new URLSearchParams()): string {
  const link = (after: string, rel: string) => {
    const query = new URLSearchParams(extra);
    query.set('page_size', String(size));
    query.set('page_token', encodeToken(box, after));
    return `<${path}?${query.toString()}>; rel="${rel}"`;
  };
  const links = [link('', 'first')];
  if (lastKey !== undefined) links.push(link(lastKey, 'next'));
  return links.join(',');
}
