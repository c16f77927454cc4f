// What /login and /consent cost a browser: HTML, JavaScript and CSS bytes, gzip-compressed (measured
// the same way for both apps, whatever compression each server applies itself).
import { gzipSync } from 'node:zlib';
import { FlowClient } from './flow-client';

export type PageWeight = { page: string; htmlBytes: number; jsBytes: number; cssBytes: number };

async function gzipSize(url: URL, client: FlowClient): Promise<number> {
  const res = await fetch(url, { headers: { cookie: client.jar.header(url) } });
  return gzipSync(Buffer.from(await res.arrayBuffer())).length;
}

/** Weighs the page at `pageUrl` as a browser holding `client`'s cookies would load it. */
export async function weighPage(name: string, pageUrl: URL, html: string, client: FlowClient): Promise<PageWeight> {
  const assets = [...html.matchAll(/<(script|link)\b[^>]*?(?:src|href)="([^"]+)"[^>]*>/g)]
    .filter((m) => m[1] === 'script' || /rel="stylesheet"/.test(m[0]))
    .map((m) => ({ kind: m[1] === 'script' ? 'js' : 'css', url: new URL(m[2]!.replace(/&amp;/g, '&'), pageUrl) }))
    .filter((a) => a.url.origin === pageUrl.origin);
  const unique = [...new Map(assets.map((a) => [a.url.href, a])).values()];
  let jsBytes = 0;
  let cssBytes = 0;
  for (const a of unique) {
    const bytes = await gzipSize(a.url, client);
    if (a.kind === 'js') jsBytes += bytes;
    else cssBytes += bytes;
  }
  return { page: name, htmlBytes: gzipSync(html).length, jsBytes, cssBytes };
}
