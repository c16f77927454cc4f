// /admin/clients: Hydra's OAuth2 client management.
import { createClient, deleteClient, getClient, listClients, patchClient, replaceClient } from '../clients/client-store';
import { linkHeader, readPageRequest } from '../clients/pagination';
import type { TokenServerContext } from '../context';
import { readJson } from '../http/body';
import { sendJson } from '../http/errors';
import type { Router } from '../http/router';
import { deleteClientTokens } from '../tokens/introspection';

export function registerClientRoutes(router: Router, { db, box }: TokenServerContext): void {
  router.add('GET', '/admin/clients', async ({ res, url }) => {
    const page = readPageRequest(url, box);
    const filter = {
      client_name: url.searchParams.get('client_name') ?? undefined,
      owner: url.searchParams.get('owner') ?? undefined,
    };
    const { clients, next } = await listClients(db, page, filter);
    const kept = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => e[1] !== undefined));
    sendJson(res, 200, clients, { link: linkHeader('/admin/clients', box, page.size, next, kept) });
  });
  router.add('POST', '/admin/clients', async ({ req, res }) => {
    const client = await createClient(db, await readJson(req));
    sendJson(res, 201, client, { location: `/admin/clients/${encodeURIComponent(client.client_id)}` });
  });
  router.add('GET', '/admin/clients/:id', async ({ res, params }) => {
    sendJson(res, 200, await getClient(db, params.id!));
  });
  router.add('PUT', '/admin/clients/:id', async ({ req, res, params }) => {
    sendJson(res, 200, await replaceClient(db, params.id!, await readJson(req)));
  });
  router.add('PATCH', '/admin/clients/:id', async ({ req, res, params }) => {
    sendJson(res, 200, await patchClient(db, params.id!, await readJson(req)));
  });
  router.add('DELETE', '/admin/clients/:id', async ({ res, params }) => {
    await deleteClient(db, params.id!);
    // As Hydra's foreign keys do: a deleted client's tokens go with it.
    await deleteClientTokens(db, params.id!);
    res.writeHead(204).end();
  });
}
