// The admin API (port 4445). Like Hydra, a path without the /admin prefix is served as if it had it,
// trailing slashes are ignored, and every error is Hydra's JSON.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TokenServerContext } from '../context';
import { sendError } from '../http/errors';
import { handleHealth, isHealthPath } from '../http/health';
import { Router } from '../http/router';
import { registerClientRoutes } from './routes-clients';
import { registerFlowRoutes } from './routes-flows';
import { registerVersionRoutes } from './routes-health';
import { registerKeyRoutes } from './routes-keys';
import { registerTokenRoutes } from './routes-tokens';

export function createAdminHandler(ctx: TokenServerContext) {
  const router = new Router();
  registerVersionRoutes(router);
  registerClientRoutes(router, ctx);
  registerTokenRoutes(router, ctx);
  registerKeyRoutes(router, ctx);
  registerFlowRoutes(router, ctx);

  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const url = new URL(req.url ?? '/', 'http://admin.invalid');
      const trimmed = url.pathname.replace(/\/+$/, '') || '/';
      if (isHealthPath(trimmed) && (await handleHealth(trimmed, res, ctx.db))) return;
      const pathname = trimmed.startsWith('/admin/') || trimmed === '/admin' ? trimmed : `/admin${trimmed}`;
      const { handler, params } = router.resolve(req.method ?? 'GET', pathname);
      await handler({ req, res, url, params });
    } catch (err) {
      sendError(res, err, ctx.log);
    }
  };
}
