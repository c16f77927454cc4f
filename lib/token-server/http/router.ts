// A small method + path router for the admin API. Patterns use `:name` segments.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HydraError, notFound } from './errors';

export type RouteRequest = {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
};

export type RouteHandler = (r: RouteRequest) => Promise<void> | void;

type Route = { method: string; segments: string[]; handler: RouteHandler };

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: RouteHandler): this {
    this.routes.push({ method, segments: pattern.split('/').filter(Boolean), handler });
    return this;
  }

  /** Finds the handler; a known path with another method is 405, an unknown path 404. */
  resolve(method: string, pathname: string): { handler: RouteHandler; params: Record<string, string> } {
    const parts = pathname.split('/').filter(Boolean);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = match(route.segments, parts);
      if (!params) continue;
      pathMatched = true;
      if (route.method === method) return { handler: route.handler, params };
    }
    if (pathMatched) throw new HydraError(405, 'method_not_allowed', `The method ${method} is not allowed here.`);
    throw notFound();
  }
}

function match(segments: string[], parts: string[]): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const part = parts[i]!;
    if (seg.startsWith(':')) {
      try {
        params[seg.slice(1)] = decodeURIComponent(part);
      } catch {
        return undefined;
      }
    } else if (seg !== part) return undefined;
  }
  return params;
}
