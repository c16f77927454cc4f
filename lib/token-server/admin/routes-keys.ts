// /admin/keys: Hydra's JSON Web Key sets. Admin responses include private keys, as Hydra's do.
// A change to a built-in set takes effect at once: the key ring reloads oidc-provider's keystore.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { TokenServerContext } from '../context';
import { readJson } from '../http/body';
import { HydraError, notFound, sendJson } from '../http/errors';
import type { Router } from '../http/router';
import { BUILT_IN_SETS, deleteKey, deleteKeySet, generateJwk, loadKey, loadKeySet, storeKey, SUPPORTED_ALGS } from '../keys/signing-keys';

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
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new HydraError(400, 'invalid_request', `Field ${issue?.path.join('.') || 'body'} ${issue?.message ?? 'is invalid'}.`);
    }
    const { alg, use } = parsed.data;
    const kid = parsed.data.kid || randomUUID();
    if (await loadKey(db, box, params.set!, kid)) throw new HydraError(409, 'invalid_request', `A key with kid "${kid}" exists already in this set.`);
    const jwk = await generateJwk(alg, use, kid);
    await storeKey(db, box, params.set!, jwk);
    await changed(params.set!);
    sendJson(res, 201, { keys: [jwk] });
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
  router.add('DELETE', '/admin/keys/:set/:kid', async ({ res, params }) => {
    if (!(await deleteKey(db, params.set!, params.kid!))) throw notFound();
    await changed(params.set!);
    res.writeHead(204).end();
  });
}
