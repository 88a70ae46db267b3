// Wrong-passphrase back-off: after 5 failures each try waits longer (1 s, 2 s, 4 s … capped at
// 5 min). Never a lockout and never a wipe: the owner can always get in by waiting. The counter
// lives in storage.local so a browser restart doesn't reset it; it holds no secret.

export const FREE_TRIES = 5;
const MAX_DELAY_MS = 5 * 60_000;

export interface ThrottleState {
  failures: number;
  lastFailureAt: number;
}

export const NO_FAILURES: ThrottleState = { failures: 0, lastFailureAt: 0 };

/** How long after the last failure the next try must wait. */
export function delayFor(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(1_000 * 2 ** (failures - FREE_TRIES), MAX_DELAY_MS);
}

/**
 * Milliseconds still to wait before another try is allowed (0 = go ahead). Never more than the
 * delay itself: a last failure that lies in the future (the clock was set back) would otherwise
 * make the owner wait until that moment comes round again, a year if it was off by a year.
 */
export function waitRemaining(state: ThrottleState, now: number): number {
  const delay = delayFor(state.failures);
  return Math.min(delay, Math.max(0, state.lastFailureAt + delay - now));
}

export const recordFailure = (state: ThrottleState, now: number): ThrottleState => ({
  failures: state.failures + 1,
  lastFailureAt: now,
});
