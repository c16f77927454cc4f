// How the flow pages answer: every response carries the app's security headers with a stricter CSP
// and is never cached; redirects only ever go to a URL Hydra returned (or restartWithLogin's checked one).
import type { ServerResponse } from 'node:http';
import { toHtmlString, type SafeHtml } from '../html/html';
import { securityHeaders } from '../http/security-headers.js';

// These pages run no script and load nothing but their own stylesheet and images. form-action is left
// out on purpose: Chrome applies it to the whole redirect chain after a post, and a post here is
// answered with a redirect to Hydra, which redirects on to the client's redirect URI, another origin.
const FLOW_CSP = ["default-src 'none'", "style-src 'self'", "img-src 'self' https: data:", "base-uri 'none'", "frame-ancestors 'none'"].join('; ');

export const FLOW_HEADERS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(securityHeaders().map(({ key, value }) => [key.toLowerCase(), key === 'Content-Security-Policy' ? FLOW_CSP : value])),
  'cache-control': 'no-store',
};

export function sendPage(res: ServerResponse, status: number, doc: SafeHtml, headers: Record<string, string> = {}): void {
  const body = toHtmlString(doc);
  res.writeHead(status, { ...FLOW_HEADERS, 'content-type': 'text/html; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

/** 302 after a GET, 303 after a POST, so the browser always follows with a GET. */
export function sendRedirect(res: ServerResponse, status: 302 | 303, location: string): void {
  res.writeHead(status, { ...FLOW_HEADERS, location: new URL(location).href, 'content-length': '0' });
  res.end();
}
