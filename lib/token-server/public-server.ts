// The public API (port 4444): health, then everything else is oidc-provider on Hydra's routes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TokenServerContext } from './context';
import { sendError } from './http/errors';
import { handleHealth, isHealthPath } from './http/health';

export function createPublicHandler(ctx: TokenServerContext) {
  const oidc = ctx.provider.callback();
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const pathname = (req.url ?? '/').split('?')[0]!.replace(/\/+$/, '') || '/';
      if (isHealthPath(pathname) && (await handleHealth(pathname, res, ctx.db))) return;
      if (pathname === '/.well-known/oauth-authorization-server') req.url = '/.well-known/openid-configuration';
      oidc(req, res);
    } catch (err) {
      sendError(res, err, ctx.log);
    }
  };
}
