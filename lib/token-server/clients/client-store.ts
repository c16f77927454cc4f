// OAuth2 clients in the OAuth2Client table, in Hydra's document shape.
import { randomUUID } from 'node:crypto';
import type { TokenServerDb } from '../../db/token-server-db';
import { HydraError } from '../http/errors';
import { clientInputSchema, validateClient, type ClientInput, type HydraClient, type StoredClient } from './client-schema';
import { applyPatch, parsePatch } from './json-patch';
import type { PageRequest } from './pagination';
import { generateClientSecret, hashClientSecret } from './secret-hash';

/** Fields the server owns: never taken from a request body. */
const SERVER_FIELDS = ['client_secret_hash', 'created_at', 'updated_at'] as const;

const notFound = () => new HydraError(404, 'Unable to locate the resource', '');

export function parseClientInput(body: unknown): ClientInput {
  if (body !== undefined && (body === null || typeof body !== 'object' || Array.isArray(body))) {
    throw new HydraError(400, 'invalid_client_metadata', 'The request body must be a JSON object.');
  }
  const parsed = clientInputSchema.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'body';
    throw new HydraError(400, 'invalid_client_metadata', `Field ${field} ${issue?.message ?? 'is invalid'}.`);
  }
  const problem = validateClient(parsed.data);
  if (problem) throw new HydraError(400, 'invalid_client_metadata', problem);
  const input = parsed.data as ClientInput & Record<string, unknown>;
  for (const field of SERVER_FIELDS) delete input[field];
  return input;
}

export function publicView(stored: StoredClient): HydraClient {
  const { client_secret_hash: _hash, ...rest } = stored;
  return rest;
}

/**
 * The stored document for an input. The secret is hashed when given, kept from `previous` otherwise,
 * generated when there is none; public clients have none. `secret` is the plaintext to show once.
 */
async function toStored(input: ClientInput, clientId: string, previous?: StoredClient): Promise<{ stored: StoredClient; secret?: string }> {
  const isPublic = input.token_endpoint_auth_method === 'none';
  const now = new Date().toISOString();
  const { client_secret: plain, ...fields } = input;
  let hash: string | undefined;
  let secret: string | undefined;
  if (!isPublic) {
    if (plain) [secret, hash] = [plain, await hashClientSecret(plain)];
    else if (previous?.client_secret_hash) hash = previous.client_secret_hash;
    else [secret, hash] = await generated();
  }
  const stored: StoredClient = {
    ...fields,
    client_id: clientId,
    created_at: previous?.created_at ?? now,
    updated_at: now,
    ...(hash ? { client_secret_hash: hash } : {}),
  };
  return { stored, secret };
}

async function generated(): Promise<[string, string]> {
  const secret = generateClientSecret();
  return [secret, await hashClientSecret(secret)];
}

function row(stored: StoredClient) {
  return { name: stored.client_name, owner: stored.owner, data: JSON.stringify(stored) };
}

export async function createClient(db: TokenServerDb, body: unknown): Promise<HydraClient> {
  const input = parseClientInput(body);
  const clientId = input.client_id ?? randomUUID();
  const { stored, secret } = await toStored(input, clientId);
  const exists = await db.oAuth2Client.findUnique({ where: { id: clientId }, select: { id: true } });
  if (exists) throw new HydraError(409, 'invalid_request', 'Unable to insert or update resource because a resource with that value exists already');
  await db.oAuth2Client.create({ data: { id: clientId, ...row(stored) } });
  forgetClient(db, clientId);
  // The generated or supplied secret is returned exactly once, here.
  return { ...publicView(stored), ...(secret ? { client_secret: secret } : {}) };
}

/**
 * Clients are read on every token request, so lookups are cached briefly. Every write through this
 * module drops the entry at once; another instance sharing the database sees a change within
 * CLIENT_CACHE_MS. A cached client is shared: callers treat it as read-only.
 */
const CLIENT_CACHE_MS = 2000;
const clientCaches = new WeakMap<TokenServerDb, Map<string, { client: StoredClient | undefined; at: number }>>();

function clientCache(db: TokenServerDb) {
  let cache = clientCaches.get(db);
  if (!cache) clientCaches.set(db, (cache = new Map()));
  return cache;
}

function forgetClient(db: TokenServerDb, clientId: string): void {
  clientCache(db).delete(clientId);
}

export async function findStoredClient(db: TokenServerDb, clientId: string): Promise<StoredClient | undefined> {
  const cache = clientCache(db);
  const hit = cache.get(clientId);
  if (hit && Date.now() - hit.at < CLIENT_CACHE_MS) return hit.client;
  const found = await db.oAuth2Client.findUnique({ where: { id: clientId } });
  const client = found ? (JSON.parse(found.data) as StoredClient) : undefined;
  if (cache.size >= 10_000) cache.clear();
  cache.set(clientId, { client, at: Date.now() });
  return client;
}

export async function getClient(db: TokenServerDb, clientId: string): Promise<HydraClient> {
  const stored = await findStoredClient(db, clientId);
  if (!stored) throw notFound();
  return publicView(stored);
}

/** PUT: the body replaces the whole document; the client id comes from the path. */
export async function replaceClient(db: TokenServerDb, clientId: string, body: unknown): Promise<HydraClient> {
  const previous = await findStoredClient(db, clientId);
  if (!previous) throw notFound();
  const input = parseClientInput(body);
  if (input.client_id !== undefined && input.client_id !== clientId) {
    throw new HydraError(400, 'invalid_request', 'The client_id of the body does not match the client_id of the path.');
  }
  return save(db, clientId, input, previous);
}

/** PATCH: an RFC 6902 patch applied to the public document; the client id can't change. */
export async function patchClient(db: TokenServerDb, clientId: string, body: unknown): Promise<HydraClient> {
  const operations = parsePatch(body);
  const previous = await findStoredClient(db, clientId);
  if (!previous) throw notFound();
  const patched = applyPatch<Record<string, unknown>>({ ...publicView(previous) }, operations, ['/client_id']);
  if (patched === null || typeof patched !== 'object' || Array.isArray(patched)) {
    throw new HydraError(400, 'invalid_client_metadata', 'The patched client must be a JSON object.');
  }
  return save(db, clientId, parseClientInput({ ...patched, client_id: clientId }), previous);
}

async function save(db: TokenServerDb, clientId: string, input: ClientInput, previous: StoredClient): Promise<HydraClient> {
  const { stored, secret } = await toStored(input, clientId, previous);
  await db.oAuth2Client.update({ where: { id: clientId }, data: row(stored) });
  forgetClient(db, clientId);
  // A secret set (or generated) by this request is returned once, as on create.
  return { ...publicView(stored), ...(secret ? { client_secret: secret } : {}) };
}

export async function deleteClient(db: TokenServerDb, clientId: string): Promise<void> {
  const { count } = await db.oAuth2Client.deleteMany({ where: { id: clientId } });
  forgetClient(db, clientId);
  if (count === 0) throw notFound();
}

export type ClientFilter = { client_name?: string; owner?: string };

/** One page in client-id order, never with secrets; `next` is the key to continue after, if any. */
export async function listClients(db: TokenServerDb, page: PageRequest, filter: ClientFilter): Promise<{ clients: HydraClient[]; next?: string }> {
  const rows = await db.oAuth2Client.findMany({
    where: {
      ...(filter.client_name !== undefined ? { name: filter.client_name } : {}),
      ...(filter.owner !== undefined ? { owner: filter.owner } : {}),
      ...(page.after !== undefined ? { id: { gt: page.after } } : {}),
    },
    orderBy: { id: 'asc' },
    take: page.size + 1,
  });
  const clients = rows.slice(0, page.size).map((r) => publicView(JSON.parse(r.data) as StoredClient));
  return { clients, ...(rows.length > page.size ? { next: clients[clients.length - 1]!.client_id } : {}) };
}
