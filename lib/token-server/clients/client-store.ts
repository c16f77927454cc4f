// OAuth2 clients in the OAuth2Client table, in Hydra's document shape.
import { randomUUID } from 'node:crypto';
import type { TokenServerDb } from '../../db/token-server-db';
import { HydraError } from '../http/errors';
import { clientInputSchema, validateClient, type HydraClient, type StoredClient } from './client-schema';
import { generateClientSecret, hashClientSecret } from './secret-hash';

export function parseClientInput(body: unknown) {
  const parsed = clientInputSchema.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'body';
    throw new HydraError(400, 'invalid_client_metadata', `Field ${field} ${issue?.message ?? 'is invalid'}.`);
  }
  const problem = validateClient(parsed.data);
  if (problem) throw new HydraError(400, 'invalid_client_metadata', problem);
  return parsed.data;
}

export function publicView(stored: StoredClient): HydraClient {
  const { client_secret_hash: _hash, ...rest } = stored;
  return rest;
}

export async function createClient(db: TokenServerDb, body: unknown): Promise<HydraClient> {
  const input = parseClientInput(body);
  const clientId = input.client_id ?? randomUUID();
  const isPublic = input.token_endpoint_auth_method === 'none';
  const secret = isPublic ? undefined : input.client_secret || generateClientSecret();
  const now = new Date().toISOString();
  const { client_secret: _plain, ...fields } = input;
  const stored: StoredClient = {
    ...fields,
    client_id: clientId,
    created_at: now,
    updated_at: now,
    ...(secret ? { client_secret_hash: await hashClientSecret(secret) } : {}),
  };
  const exists = await db.oAuth2Client.findUnique({ where: { id: clientId }, select: { id: true } });
  if (exists) throw new HydraError(409, 'invalid_request', 'Unable to insert or update resource because a resource with that value exists already');
  await db.oAuth2Client.create({
    data: { id: clientId, name: stored.client_name, owner: stored.owner, data: JSON.stringify(stored) },
  });
  // The generated or supplied secret is returned exactly once, here.
  return { ...publicView(stored), ...(secret ? { client_secret: secret } : {}) };
}

export async function findStoredClient(db: TokenServerDb, clientId: string): Promise<StoredClient | undefined> {
  const row = await db.oAuth2Client.findUnique({ where: { id: clientId } });
  return row ? (JSON.parse(row.data) as StoredClient) : undefined;
}

export async function getClient(db: TokenServerDb, clientId: string): Promise<HydraClient> {
  const stored = await findStoredClient(db, clientId);
  if (!stored) throw new HydraError(404, 'Unable to locate the resource', '');
  return publicView(stored);
}

export async function deleteClient(db: TokenServerDb, clientId: string): Promise<void> {
  const { count } = await db.oAuth2Client.deleteMany({ where: { id: clientId } });
  if (count === 0) throw new HydraError(404, 'Unable to locate the resource', '');
}
