// The flow pages' one stylesheet: app/globals.css compiled by Tailwind at build time
// (build-stylesheet.ts), read once at start-up with the brand colour appended (the CSP allows no
// inline style), and served under a name that changes with its content, so browsers keep it for a year.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectRoot } from '../project-root';
import { FLOW_HEADERS } from './respond';

/** Inside .next/ (git-ignored, emptied by next build, so the stylesheet is built after it). */
export const STYLESHEET_FILE = path.join(projectRoot, '.next', 'gatehouse', 'flow.css');

export type Stylesheet = { href: string; css: Buffer; gzipped: Buffer };

/** APP_ACCENT_COLOR is validated as #rrggbb, so it cannot break out of the declaration. */
export function stylesheetOf(compiled: string, accentColor: string): Stylesheet {
  const css = Buffer.from(`${compiled.trimEnd()}\n:root{--brand-accent:${accentColor}}\n`);
  const hash = createHash('sha256').update(css).digest('hex').slice(0, 10);
  return { href: `/assets/flow-${hash}.css`, css, gzipped: gzipSync(css, { level: 9 }) };
}

export function loadStylesheet(accentColor: string, file = STYLESHEET_FILE): Stylesheet {
  if (!fs.existsSync(file)) throw new Error(`the flow pages' stylesheet ${path.relative(projectRoot, file)} is missing; run \`npm run build\``);
  return stylesheetOf(fs.readFileSync(file, 'utf8'), accentColor);
}

function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((entry) => {
    const [coding = '', ...params] = entry.split(';').map((s) => s.trim().toLowerCase());
    return coding === 'gzip' && !params.some((p) => /^q=0(\.0*)?$/.test(p));
  });
}

/** GET /assets/<name>: the stylesheet under its current name (compressed once, at start-up). */
export function sendStylesheet(req: IncomingMessage, res: ServerResponse, sheet: Stylesheet, pathname: string): void {
  if (pathname !== sheet.href) {
    res.writeHead(404, { ...FLOW_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found\n');
    return;
  }
  const gzip = acceptsGzip(req.headers['accept-encoding']);
  const body = gzip ? sheet.gzipped : sheet.css;
  res.writeHead(200, {
    ...FLOW_HEADERS,
    'content-type': 'text/css; charset=utf-8',
    'cache-control': 'public, max-age=31536000, immutable',
    vary: 'accept-encoding',
    'content-length': String(body.length),
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(body);
}
