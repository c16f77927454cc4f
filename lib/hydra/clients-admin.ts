// OAuth2 client management for the operator console, through Hydra's admin API, so the console
// manages real Hydra as well as the packaged token server.
import type { OAuth2Client } from '@ory/client';
import { hydraAdmin } from './admin-client';
import { adminCall } from './admin-errors';

export type ClientPage = { clients: OAuth2Client[]; nextPageToken?: string };

/** Hydra paginates with a Link header; the next page's token is read from it. */
export function nextPageToken(link: string | undefined): string | undefined {
  const next = link?.split(',').find((part) => /rel="next"/.test(part));
  const url = next && /<([^>]+)>/.exec(next)?.[1];
  return url ? (new URL(url, 'http://link.invalid').searchParams.get('page_token') ?? undefined) : undefined;
}

export async function listClients(options: { pageToken?: string; name?: string; pageSize?: number }): Promise<ClientPage> {
  const { data, headers } = await adminCall(() =>
    hydraAdmin().listOAuth2Clients({ pageSize: options.pageSize ?? 25, pageToken: options.pageToken, clientName: options.name || undefined }),
  );
  return { clients: data, nextPageToken: nextPageToken(headers.link) };
}

export async function getClient(id: string): Promise<OAuth2Client> {
  return (await adminCall(() => hydraAdmin().getOAuth2Client({ id }))).data;
}

export async function createClient(client: OAuth2Client): Promise<OAuth2Client> {
  return (await adminCall(() => hydraAdmin().createOAuth2Client({ oAuth2Client: client }))).data;
}

/** A JSON Patch of the edited fields only, so fields the form does not show are left as they are. */
export async function updateClient(id: string, changes: Partial<OAuth2Client>): Promise<OAuth2Client> {
  const patch = Object.entries(changes).map(([key, value]) => ({ op: 'replace' as const, path: `/${key}`, value }));
  return (await adminCall(() => hydraAdmin().patchOAuth2Client({ id, jsonPatch: patch }))).data;
}

export async function rotateClientSecret(id: string, secret: string): Promise<void> {
  await adminCall(() => hydraAdmin().patchOAuth2Client({ id, jsonPatch: [{ op: 'replace', path: '/client_secret', value: secret }] }));
}

export async function deleteClient(id: string): Promise<void> {
  await adminCall(() => hydraAdmin().deleteOAuth2Client({ id }));
}
