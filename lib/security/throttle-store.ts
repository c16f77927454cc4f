// Login throttles in the LoginThrottle table, so they survive restarts and are shared by every
// instance of the app. (REDIS_URL could carry them later; the database is enough for now.)
import type { AppDb } from '../db/app-db';
import { ACCOUNT_POLICY, IP_POLICY, recordFailure, retryAfterMs, type ThrottlePolicy, type ThrottleState } from './throttle';

export type ThrottleKey = { key: string; policy: ThrottlePolicy };

export function loginThrottleKeys(email: string, ip: string): ThrottleKey[] {
  return [
    { key: `account:${email.trim().toLowerCase()}`, policy: ACCOUNT_POLICY },
    { key: `ip:${ip}`, policy: IP_POLICY },
  ];
}

async function load(db: AppDb, key: string): Promise<ThrottleState | undefined> {
  const row = await db.loginThrottle.findUnique({ where: { key } });
  return row ? { failures: row.failures, windowStart: Number(row.windowStart), blockedUntil: Number(row.blockedUntil) } : undefined;
}

/** Milliseconds until every key may try again (0 = go ahead). */
export async function throttleWait(db: AppDb, keys: ThrottleKey[], now = Date.now()): Promise<number> {
  const waits = await Promise.all(keys.map(async ({ key }) => retryAfterMs(await load(db, key), now)));
  return Math.max(0, ...waits);
}

/** Counts a failure against every key; returns how long the person must now wait. */
export async function throttleFailure(db: AppDb, keys: ThrottleKey[], now = Date.now()): Promise<number> {
  const waits = await Promise.all(
    keys.map(async ({ key, policy }) => {
      const next = recordFailure(await load(db, key), now, policy);
      const data = { failures: next.failures, windowStart: BigInt(next.windowStart), blockedUntil: BigInt(next.blockedUntil) };
      await db.loginThrottle.upsert({ where: { key }, create: { key, ...data }, update: data });
      return retryAfterMs(next, now);
    }),
  );
  return Math.max(0, ...waits);
}

/** A successful sign-in clears the account's count; the address keeps its own. */
export async function throttleSuccess(db: AppDb, keys: ThrottleKey[]): Promise<void> {
  const accountKeys = keys.filter((k) => k.key.startsWith('account:')).map((k) => k.key);
  await db.loginThrottle.deleteMany({ where: { key: { in: accountKeys } } });
}
