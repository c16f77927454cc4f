// Where the admin and public APIs are, and one way to call each: @ory/client for the admin API,
// fetch for the public token endpoints. Failures become Hydra's error or "cannot reach URL: reason".
import { Configuration, OAuth2Api } from '@ory/client';
import type { Flags } from './command';
import { CliError, httpError, unreachable, UsageError } from './errors';

const trim = (url: string) => url.replace(/\/+$/, '');

function checkUrl(url: string, flag: string): string {
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw new UsageError(`${flag} expects an http(s) URL, got "${url}"`);
  return trim(url);
}

export function adminEndpoint(flags: Flags): string {
  const url = flags.string('endpoint') ?? process.env.ORY_SDK_URL;
  if (!url) throw new UsageError('no admin endpoint: pass -e/--endpoint or set ORY_SDK_URL');
  return checkUrl(url, '--endpoint');
}

/**
 * --public-endpoint, else HYDRA_PUBLIC_URL, else derived from -e: Hydra's admin port 4445 becomes 4444,
 * any other URL is used as given (as `hydra perform … -e <public URL>` does).
 */
export function publicEndpoint(flags: Flags): string {
  const explicit = flags.string('public-endpoint') ?? process.env.HYDRA_PUBLIC_URL;
  if (explicit) return checkUrl(explicit, '--public-endpoint');
  const admin = flags.string('endpoint') ?? process.env.ORY_SDK_URL;
  if (!admin) throw new UsageError('no public endpoint: pass --public-endpoint or set HYDRA_PUBLIC_URL');
  const url = new URL(checkUrl(admin, '--endpoint'));
  if (url.port === '4445') url.port = '4444';
  return trim(url.toString());
}

export function adminApi(endpoint: string): OAuth2Api {
  return new OAuth2Api(new Configuration({ basePath: endpoint, baseOptions: { timeout: 30_000 } }));
}

type AxiosLike = { response?: { status: number; data: unknown } };

/** Runs one @ory/client call; a refused connection or an HTTP error becomes a CliError (exit 1). */
export async function adminCall<T>(endpoint: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    const response = (err as AxiosLike).response;
    if (response) throw httpError(response.status, response.data, endpoint);
    throw unreachable(err, endpoint) ?? err;
  }
}

/** A form POST to the public API; returns the parsed JSON body (or undefined for an empty one). */
export async function publicPost(endpoint: string, path: string, form: Record<string, string | undefined>, auth?: { id: string; secret?: string }): Promise<unknown> {
  const body = new URLSearchParams(Object.entries(form).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (auth?.secret !== undefined) {
    const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
    headers.authorization = `Basic ${Buffer.from(`${enc(auth.id)}:${enc(auth.secret)}`).toString('base64')}`;
  } else if (auth) body.set('client_id', auth.id);
  let res: Response;
  try {
    res = await fetch(`${endpoint}${path}`, { method: 'POST', headers, body, signal: AbortSignal.timeout(30_000) });
  } catch (err) {
    const cause = (err as { cause?: { message?: unknown } }).cause?.message;
    throw unreachable(err, endpoint) ?? new CliError(`cannot reach ${endpoint}: ${typeof cause === 'string' ? cause : err instanceof Error ? err.message : String(err)}`);
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) throw httpError(res.status, json, endpoint);
  return json;
}

/** Client credentials from flags or Hydra's environment variables. */
export function clientCredentials(flags: Flags, requireSecret: boolean): { id: string; secret?: string } {
  const id = flags.string('client-id') ?? process.env.OAUTH2_CLIENT_ID;
  const secret = flags.string('client-secret') ?? process.env.OAUTH2_CLIENT_SECRET;
  if (!id) throw new UsageError('no client ID: pass --client-id or set OAUTH2_CLIENT_ID');
  if (requireSecret && !secret) throw new UsageError('no client secret: pass --client-secret or set OAUTH2_CLIENT_SECRET');
  return { id, secret: secret || undefined };
}
