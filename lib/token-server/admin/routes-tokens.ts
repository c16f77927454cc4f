// POST /admin/oauth2/introspect and DELETE /admin/oauth2/tokens: Hydra's token administration.
import type { TokenServerContext } from '../context';
import { readForm } from '../http/body';
import { badRequest, sendJson } from '../http/errors';
import type { Router } from '../http/router';
import { createIntrospector, deleteClientTokens } from '../tokens/introspection';

export function registerTokenRoutes(router: Router, ctx: TokenServerContext): void {
  const introspect = createIntrospector(ctx);
  router.add('POST', '/admin/oauth2/introspect', async ({ req, res }) => {
    const form = await readForm(req);
    const token = form.get('token');
    if (!token) throw badRequest('The request is missing the "token" parameter.');
    sendJson(res, 200, await introspect(token, form.get('scope') ?? undefined));
  });
  router.add('DELETE', '/admin/oauth2/tokens', async ({ res, url }) => {
    const clientId = url.searchParams.get('client_id');
    if (!clientId) throw badRequest('The request is missing the "client_id" parameter.');
    await deleteClientTokens(ctx.db, clientId);
    res.writeHead(204).end();
  });
}
