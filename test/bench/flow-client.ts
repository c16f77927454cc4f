// A browser without a browser: follows redirects, keeps cookies (by host and path, as a browser does:
// ports do not separate cookies), reads the forms of login and consent pages and posts them with their
// hidden fields (CSRF tokens, challenges, server-action ids). Used by the flow benchmark and its test.
import { createHash, randomBytes } from 'node:crypto';
import { HttpConnection, headerValue, headerValues } from './http-connection';

type Cookie = { name: string; value: string; path: string; host: string };

export class CookieJar {
  private cookies: Cookie[] = [];

  store(url: URL, setCookies: string[]): void {
    for (const header of setCookies) {
      const [pair, ...attrs] = header.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      let path = '/';
      let expired = value === '';
      for (const a of attrs) {
        const [k, v = ''] = a.trim().split('=');
        const key = k!.toLowerCase();
        if (key === 'path') path = v || '/';
        if (key === 'max-age' && Number(v) <= 0) expired = true;
        if (key === 'expires' && Date.parse(v) < Date.now()) expired = true;
      }
      this.cookies = this.cookies.filter((c) => !(c.name === name && c.path === path && c.host === url.hostname));
      if (!expired) this.cookies.push({ name, value, path, host: url.hostname });
    }
  }

  header(url: URL): string {
    return this.cookies
      .filter((c) => c.host === url.hostname && (url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)))
      .sort((a, b) => b.path.length - a.path.length)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}

export type FormField = { name: string; value: string; type: string; id?: string; checked: boolean };
export type HtmlForm = { action: string; method: string; enctype: string; fields: FormField[]; buttons: FormField[] };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'", '#x2F': '/' };
const decode = (s: string) => s.replace(/&(#?\w+);/g, (m, e: string) => ENTITIES[e] ?? (e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : m));

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:$.-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    out[m[1]!.toLowerCase()] = decode(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

/** The forms of a page, with their inputs and submit buttons. */
export function parseForms(html: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  let current: HtmlForm | undefined;
  for (const m of html.matchAll(/<(\/?)(form|input|button)\b([^>]*)>/gi)) {
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    if (tag === 'form') {
      if (closing) current = undefined;
      else {
        const a = attributes(m[3]!);
        current = { action: a.action ?? '', method: (a.method ?? 'get').toUpperCase(), enctype: a.enctype ?? 'application/x-www-form-urlencoded', fields: [], buttons: [] };
        forms.push(current);
      }
      continue;
    }
    if (!current || closing) continue;
    const a = attributes(m[3]!);
    const type = (a.type ?? (tag === 'button' ? 'submit' : 'text')).toLowerCase();
    const field: FormField = { name: a.name ?? '', value: a.value ?? (type === 'checkbox' ? 'on' : ''), type, id: a.id, checked: 'checked' in a };
    if (type === 'submit') current.buttons.push(field);
    else current.fields.push(field);
  }
  return forms;
}

/** One request of a flow: its whole duration and its time to first byte. */
export type Step = { name: string; ms: number; firstByteMs: number };

/** The route of a URL with its per-flow parts (interaction ids) folded, so steps aggregate across flows. */
export function routeOf(url: URL): string {
  return url.pathname.replace(/\/oauth2\/auth\/[^/]+/, '/oauth2/auth/:uid');
}

export type FlowResponse = { status: number; location?: string; body: string };

/** Keep-alive connections by origin; a flow sends one request at a time, so one per origin suffices. */
export type ConnectionPool = Map<string, HttpConnection>;

export class FlowClient {
  readonly jar = new CookieJar();
  readonly steps: Step[] = [];

  /** Several clients (fresh browsers of one load worker) may share a pool, as the benchmark's workers do. */
  constructor(private readonly connections: ConnectionPool = new Map()) {}

  /** One request, no redirect following; records its duration under its method and route. */
  async request(url: URL, init: { method?: string; body?: Buffer | string; headers?: Record<string, string> } = {}): Promise<FlowResponse> {
    const started = performance.now();
    const headers: Record<string, string> = { ...init.headers };
    const cookie = this.jar.header(url);
    if (cookie) headers.cookie = cookie;
    let connection = this.connections.get(url.origin);
    if (!connection) this.connections.set(url.origin, (connection = HttpConnection.forOrigin(url.origin)));
    let res;
    try {
      res = await connection.request({ method: init.method ?? 'GET', path: url.pathname + url.search, headers, body: init.body });
    } catch (err) {
      connection.close();
      this.connections.delete(url.origin);
      throw err;
    }
    this.jar.store(url, headerValues(res.headers, 'set-cookie'));
    this.steps.push({ name: `${init.method ?? 'GET'} ${routeOf(url)}`, ms: performance.now() - started, firstByteMs: res.firstByteMs });
    return { status: res.status, location: headerValue(res.headers, 'location'), body: res.body.toString('utf8') };
  }

  /** Closes the connections of this client's pool. */
  close(): void {
    closePool(this.connections);
  }

  /** Follows redirects until a page that is not a redirect, or until `stop(url)` says the target is reached. */
  async follow(start: URL, stop: (url: URL) => boolean, first?: { method: string; body: Buffer | string; headers: Record<string, string> }) {
    let url = start;
    let init = first;
    for (let hops = 0; hops < 20; hops++) {
      if (stop(url)) return { url, status: 0, body: '' };
      const res = await this.request(url, init);
      init = undefined;
      const location = res.location;
      if (res.status >= 300 && res.status < 400 && location) {
        url = new URL(location, url);
        continue;
      }
      return { url, status: res.status, body: res.body };
    }
    throw new Error(`too many redirects from ${start}`);
  }

  /** Submits the form holding the button with id `buttonId`, after `fill` set the fields it wants. */
  submission(pageUrl: URL, html: string, buttonId: string, fill: (fields: FormField[]) => void) {
    const form = parseForms(html).find((f) => f.buttons.some((b) => b.id === buttonId));
    if (!form) throw new Error(`no form with #${buttonId} at ${pageUrl.pathname}: ${html.slice(0, 300)}`);
    fill(form.fields);
    const button = form.buttons.find((b) => b.id === buttonId)!;
    const entries = form.fields.filter((f) => f.name && (f.type !== 'checkbox' || f.checked)).map((f) => [f.name, f.value] as [string, string]);
    if (button.name) entries.push([button.name, button.value]);
    const target = new URL(form.action || pageUrl.href, pageUrl);
    if (form.enctype === 'multipart/form-data') {
      const boundary = `----gatehouse${randomBytes(8).toString('hex')}`;
      const body = entries.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${boundary}--\r\n`;
      return { target, init: { method: 'POST', body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, origin: pageUrl.origin } } };
    }
    return { target, init: { method: 'POST', body: new URLSearchParams(entries).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: pageUrl.origin } } };
  }
}

export function closePool(pool: ConnectionPool): void {
  for (const c of pool.values()) c.close();
  pool.clear();
}

export function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}
