// The wrong-passphrase back-off (src/background/throttle.ts).
import { describe, expect, it } from 'vitest';
import { FREE_TRIES, NO_FAILURES, delayFor, recordFailure, waitRemaining } from '../../../src/background/throttle';

const FIVE_MINUTES = 5 * 60_000;
const YEAR = 365 * 24 * 3600_000;

function failures(n: number, at: number) {
  let state = NO_FAILURES;
  for (let i = 0; i < n; i++) state = recordFailure(state, at);
  return state;
}

describe('the wrong-passphrase back-off', () => {
  it('lets the first tries through, then doubles from 1 s', () => {
    expect(delayFor(FREE_TRIES - 1)).toBe(0);
    expect(delayFor(FREE_TRIES)).toBe(1_000);
    expect(delayFor(FREE_TRIES + 3)).toBe(8_000);
  });

  it('never asks for more than 5 minutes, however many failures', () => {
    expect(delayFor(FREE_TRIES + 40)).toBe(FIVE_MINUTES);
    expect(waitRemaining(failures(200, 1_000), 1_000)).toBe(FIVE_MINUTES);
  });

  it('caps the wait at 5 minutes when the last failure lies in the future (the clock was set back)', () => {
    const now = Date.UTC(2026, 0, 1);
    const state = failures(50, now + YEAR);
    expect(waitRemaining(state, now)).toBe(FIVE_MINUTES);
    expect(waitRemaining(failures(FREE_TRIES, now + YEAR), now)).toBe(1_000);
  });

  it('counts down from the last failure', () => {
    const state = failures(FREE_TRIES + 1, 10_000);
    expect(waitRemaining(state, 10_500)).toBe(1_500);
    expect(waitRemaining(state, 12_000)).toBe(0);
  });
});
