// Hydra's janitor for the token server: removes OidcRecord rows (tokens, codes, sessions, grants,
// interactions, replay markers) that expired more than `keepIfYounger` seconds ago, in batches so a
// large backlog never holds one long transaction. main.ts runs it periodically.
import type { TokenServerDb } from '../../db/token-server-db';
import type { Logger } from '../../logger';

export type JanitorOptions = { keepIfYounger?: number; batchSize?: number; limit?: number; now?: number };

/** Deletes expired rows; returns how many were deleted. */
export async function sweepExpired(db: TokenServerDb, { keepIfYounger = 0, batchSize = 100, limit = Infinity, now = Date.now() }: JanitorOptions = {}): Promise<number> {
  const cutoff = BigInt(Math.floor(now / 1000) - keepIfYounger);
  let deleted = 0;
  while (deleted < limit) {
    const take = Math.min(batchSize, limit - deleted);
    const batch = await db.oidcRecord.findMany({ where: { expiresAt: { lt: cutoff } }, select: { key: true }, take });
    if (batch.length === 0) break;
    const { count } = await db.oidcRecord.deleteMany({ where: { key: { in: batch.map((r) => r.key) } } });
    deleted += count;
    if (batch.length < take) break;
  }
  return deleted;
}

export const JANITOR_INTERVAL_MS = 10 * 60 * 1000;

/** Sweeps every `intervalMs`; the timer never keeps the process alive. Returns a stop function. */
export function startJanitor(db: TokenServerDb, log: Logger, intervalMs = JANITOR_INTERVAL_MS, options: JanitorOptions = {}): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepExpired(db, { keepIfYounger: 3600, batchSize: 500, ...options })
      .then((n) => n > 0 && log.info({ deleted: n }, 'janitor removed expired records'))
      .catch((err: unknown) => log.warn({ err }, 'janitor sweep failed'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
