// A tiny HTTP-only browser for protocol tests: a cookie jar and redirects followed by hand, stopping as soon
// as the browser would leave the server under test (for the login UI, the client's callback, …).
type Cookie = { name: string; value: string; path: string };

export type Stop = { url: URL; status: number; body: string };

export class HttpBrowser {
  private readonly jar = new Map<string, Cookie>();

  /** Origins the browser keeps following redirects on; anything else is where it stops. */
  constructor(private readonly origins: string[]) {}

  cookieNames(): string[] {
    return [...this.jar.values()].map((c) => c.name);
  }

  clearCookies(): void {
    this.jar.clear();
  }

  /** Dropping only session-scoped cookies simulates closing the browser. */
  private cookieHeader(url: URL): string {
    return [...this.jar.values()]
      .filter((c) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`) || c.path === '/')
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  private store(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      let path = '/';
      let expired = false;
      for (const attr of attrs) {
        const [k, v = ''] = attr.split('=');
        const key = k!.toLowerCase();
        if (key === 'path') path = v;
        if (key === 'expires' && new Date(v).getTime() <= Date.now()) expired = true;
        if (key === 'max-age' && Number(v) <= 0) expired = true;
      }
      const id = `${name};${path}`;
      if (expired || value === '') this.jar.delete(id);
      else this.jar.set(id, { name, value, path });
    }
  }

  /** Requests `url` and follows redirects while they stay on the given origins. */
  async navigate(start: string | URL, init: { method?: string; body?: URLSearchParams } = {}): Promise<Stop> {
    let url = new URL(start);
    let method = init.method ?? 'GET';
    let body: URLSearchParams | undefined = init.body;
    for (let hops = 0; hops < 20; hops++) {
      const res = await fetch(url, {
        method,
        redirect: 'manual',
        headers: { cookie: this.cookieHeader(url), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        body,
      });
      this.store(res.headers.getSetCookie());
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return { url, status: res.status, body: await res.text() };
      await res.arrayBuffer();
      const next = new URL(location, url);
      if (!this.origins.includes(next.origin)) return { url: next, status: res.status, body: '' };
      url = next;
      method = 'GET';
      body = undefined;
    }
    throw new Error('too many redirects');
  }
}
