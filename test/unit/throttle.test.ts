import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACCOUNT_POLICY, delayAfter, recordFailure, retryAfterMs, type ThrottleState } from '../../lib/security/throttle';

const MINUTE = 60_000;

function fail(times: number, start: number, step = 1000): { state: ThrottleState | undefined; now: number } {
  let state: ThrottleState | undefined;
  let now = start;
  for (let i = 0; i < times; i++) {
    now = Math.max(now + step, state?.blockedUntil ?? 0);
    state = recordFailure(state, now, ACCOUNT_POLICY);
  }
  return { state, now };
}

describe('throttle arithmetic', () => {
  it('lets four failures pass without delay, blocks from the fifth', () => {
    const four = fail(4, 0);
    assert.equal(retryAfterMs(four.state, four.now), 0);
    const five = fail(5, 0);
    assert.equal(retryAfterMs(five.state, five.now), MINUTE);
  });
  it('doubles the delay and caps it at 15 minutes', () => {
    assert.deepEqual([5, 6, 7, 8, 9, 10, 40].map((n) => delayAfter(n, ACCOUNT_POLICY) / MINUTE), [1, 2, 4, 8, 15, 15, 15]);
  });
  it('starts over once the window has passed and no block runs (no permanent lockout)', () => {
    const { state, now } = fail(6, 0);
    const later = Math.max(state!.blockedUntil, state!.windowStart + ACCOUNT_POLICY.windowMs) + 1;
    assert.equal(retryAfterMs(state, later), 0);
    assert.deepEqual(recordFailure(state, later, ACCOUNT_POLICY), { failures: 1, windowStart: later, blockedUntil: 0 });
    assert.ok(now < later);
  });
  it('keeps counting inside the window', () => {
    const { state, now } = fail(3, 0);
    assert.equal(recordFailure(state, now + 5 * MINUTE, ACCOUNT_POLICY).failures, 4);
  });
});
