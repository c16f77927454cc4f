// Brute-force arithmetic, kept pure so it can be tested without a clock or a database. Each key
// (an account or an IP address) gets a number of free failures per window; after that every further
// failure blocks the key for a delay that doubles, up to a cap. Nothing is locked for good: once
// the window has passed and no block is running, the count starts again.
export type ThrottleState = { failures: number; windowStart: number; blockedUntil: number };

export type ThrottlePolicy = { windowMs: number; freeFailures: number; baseDelayMs: number; maxDelayMs: number };

const MINUTE = 60_000;

/** 5 failures per account per 15 minutes, then 1, 2, 4, 8, 15 minutes. */
export const ACCOUNT_POLICY: ThrottlePolicy = { windowMs: 15 * MINUTE, freeFailures: 5, baseDelayMs: MINUTE, maxDelayMs: 15 * MINUTE };

/** An address may be shared (offices, mobile carriers), so it gets more room before delays start. */
export const IP_POLICY: ThrottlePolicy = { windowMs: 15 * MINUTE, freeFailures: 30, baseDelayMs: MINUTE, maxDelayMs: 15 * MINUTE };

/** Milliseconds until the key may try again; 0 when it may try now. */
export function retryAfterMs(state: ThrottleState | undefined, now: number): number {
  return state ? Math.max(0, state.blockedUntil - now) : 0;
}

export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  const over = failures - policy.freeFailures;
  if (over < 0) return 0;
  return Math.min(policy.baseDelayMs * 2 ** Math.min(over, 30), policy.maxDelayMs);
}

export function recordFailure(state: ThrottleState | undefined, now: number, policy: ThrottlePolicy): ThrottleState {
  const expired = !state || (now - state.windowStart >= policy.windowMs && now >= state.blockedUntil);
  const failures = expired ? 1 : state.failures + 1;
  const windowStart = expired ? now : state.windowStart;
  const delay = delayAfter(failures, policy);
  return { failures, windowStart, blockedUntil: delay > 0 ? now + delay : 0 };
}
