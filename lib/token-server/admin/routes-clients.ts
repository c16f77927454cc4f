// /admin/clients: Hydra's OAuth2 client management.
import { createClient, deleteClient, getClient } from '../clients/client-store';
import type { TokenServerContext } from '../context';
import { readJson } from '../http/body';
import { sendJson } from '../http/errors';
import type { Router } from '../http/router';

export function registerClientRoutes(router: Router, { db }: TokenServerContext): void {
  router.add('POST', '/admin/clients', async ({ req, res }) => {
    const client = await createClient(db, await readJson(req));
    sendJson(res, 201, client, { location: `/admin/clients/${encodeURIComponent(client.client_id)}` });
  });
  router.add('GET', '/admin/clients/:id', async ({ res, params }) => {
    sendJson(res, 200, await getClient(db, params.id!));
  });
  router.add('DELETE', '/admin/clients/:id', async ({ res, params }) => {
    await deleteClient(db, params.id!);
    res.writeHead(204).end();
  });
}
