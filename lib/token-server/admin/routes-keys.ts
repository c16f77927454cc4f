// /admin/keys: Hydra's JSON Web Key sets. Admin responses include private keys, as Hydra's do.
// A change to a built-in set takes effect at once: the key ring reloads oidc-provider's keystore.
import { randomUUID } from 'node:crypto';
import { importJWK } from 'jose';
import { z } from 'zod';
import type { TokenServerContext } from '../context';
import { readJson } from '../http/body';
import { HydraError, notFound, sendJson } from '../http/errors';
import type { Router } from '../http/router';
import {
  BUILT_IN_SETS, deleteKey, deleteKeySet, generateJwk, loadKey, loadKeySet, replaceKeySet, storeKey, SUPPORTED_ALGS, upsertKey, type PrivateJwk,
} from '../keys/signing-keys';

/** A JWK as Hydra's PUT takes it; keys of the built-in sets must be private (they sign). */
const jwkSchema = z
  .object({
    kty: z.enum(['RSA', 'EC', 'OKP']),
    kid: z.string().min(1).max(255).regex(/^[^/\s]*$/, 'must not contain "/" or whitespace'),
    alg: z.string().min(1),
    use: z.enum(['sig', 'enc']),
  })
  .passthrough();

async function parseJwks(body: unknown, set: string): Promise<PrivateJwk[]> {
  const parsed = z.object({ keys: z.array(jwkSchema).min(1) }).safeParse(body ?? {});
  if (!parsed.success) throw invalidKey(parsed.error.issues[0]);
  const keys = parsed.data.keys as unknown as PrivateJwk[];
  if (new Set(keys.map((k) => k.kid)).size !== keys.length) throw new HydraError(400, 'invalid_request', 'The key set contains duplicate kid values.');
  for (const jwk of keys) {
    try {
      await importJWK(jwk, jwk.alg);
    } catch {
      throw new HydraError(400, 'invalid_request', `The key "${jwk.kid}" is not a valid ${jwk.alg} JSON Web Key.`);
    }
    if ((BUILT_IN_SETS as readonly string[]).includes(set) && jwk.use === 'sig' && !jwk.d) {
      throw new HydraError(400, 'invalid_request', `The key "${jwk.kid}" must be a private key: ${set} signs with it.`);
    }
  }
  return keys;
}

function invalidKey(issue: z.core.$ZodIssue | undefined): HydraError {
  return new HydraError(400, 'invalid_request', `Field ${issue?.path.join('.') || 'body'} ${issue?.message ?? 'is invalid'}.`);
}

const createKeySchema = z.object({
  alg: z.enum(SUPPORTED_ALGS),
  use: z.enum(['sig', 'enc']),
  kid: z.string().max(255).regex(/^[^/\s]*$/, 'must not contain "/" or whitespace').optional(),
});

export function registerKeyRoutes(router: Router, { db, box, keys }: TokenServerContext): void {
  const changed = async (set: string) => {
    if ((BUILT_IN_SETS as readonly string[]).includes(set)) await keys.reload();
  };

  router.add('GET', '/admin/keys/:set', async ({ res, params }) => {
    const set = await loadKeySet(db, box, params.set!);
    if (set.length === 0) throw notFound();
    sendJson(res, 200, { keys: set });
  });
  router.add('POST', '/admin/keys/:set', async ({ req, res, params }) => {
    const parsed = createKeySchema.safeParse((await readJson(req)) ?? {});
    if (!parsed.success) throw invalidKey(parsed.error.issues[0]);
    const { alg, use } = parsed.data;
    const kid = parsed.data.kid || randomUUID();
    if (await loadKey(db, box, params.set!, kid)) throw new HydraError(409, 'invalid_request', `A key with kid "${kid}" exists already in this set.`);
    const jwk = await generateJwk(alg, use, kid);
    await storeKey(db, box, params.set!, jwk);
    await changed(params.set!);
    sendJson(res, 201, { keys: [jwk] });
  });
  router.add('PUT', '/admin/keys/:set', async ({ req, res, params }) => {
    const jwks = await parseJwks(await readJson(req), params.set!);
    await replaceKeySet(db, box, params.set!, jwks);
    await changed(params.set!);
    sendJson(res, 200, { keys: jwks });
  });
  router.add('DELETE', '/admin/keys/:set', async ({ res, params }) => {
    if (!(await deleteKeySet(db, params.set!))) throw notFound();
    await changed(params.set!);
    res.writeHead(204).end();
  });
  router.add('GET', '/admin/keys/:set/:kid', async ({ res, params }) => {
    const jwk = await loadKey(db, box, params.set!, params.kid!);
    if (!jwk) throw notFound();
    sendJson(res, 200, { keys: [jwk] });
  });
  router.add('PUT', '/admin/keys/:set/:kid', async ({ req, res, params }) => {
    const [jwk] = await parseJwks({ keys: [await readJson(req)] }, params.set!);
    if (jwk!.kid !== params.kid) throw new HydraError(400, 'invalid_request', 'The kid of the key does not match the kid of the path.');
    await upsertKey(db, box, params.set!, jwk!);
    await changed(params.set!);
    sendJson(res, 200, jwk);
  });
  router.add('DELETE', '/admin/keys/:set/:kid', async ({ res, params }) => {
    if (!(await deleteKey(db, params.set!, params.kid!))) throw notFound();
    await changed(params.set!);
    res.writeHead(204).end();
  });
}
