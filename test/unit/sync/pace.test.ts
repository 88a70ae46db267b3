// The pace of storage.sync writes (src/sync/pace.ts) against Chrome's 120-a-minute and
// 1,800-an-hour write limits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SYNC_PACE, SYNC_QUOTA, nextFlushAt, recentFlushes } from '../../../src/sync';
import { property } from '../property';

const T = 1_700_000_000_000;

/** Flushes as a busy device would run them: each as soon as nextFlushAt allows. */
function simulate(changes: readonly number[]): number[] {
  const flushes: number[] = [];
  for (const change of changes) flushes.push(nextFlushAt(recentFlushes(flushes, change), change));
  return flushes;
}

function mostIn(times: readonly number[], window: number): number {
  let most = 0;
  for (const t of times) most = Math.max(most, times.filter((u) => u >= t && u < t + window).length);
  return most;
}

describe('storage.sync write pace', () => {
  it('waits the debounce after the last change', () => {
    expect(nextFlushAt([], T)).toBe(T + SYNC_PACE.debounceMs);
  });

  it('waits for the minute to free a write when the minute\'s budget is spent', () => {
    const spent = Array.from({ length: SYNC_PACE.perMinute }, (_, i) => T + i * 100);
    expect(nextFlushAt(spent, T + 10_000)).toBe(T + 60_000);
  });

  it('spreads a change a second for an hour over more than an hour, inside both limits', () => {
    const flushes = simulate(Array.from({ length: 3_600 }, (_, i) => T + i * 1000));
    expect(2 * mostIn(flushes, 60_000)).toBeLessThanOrEqual(SYNC_QUOTA.writesPerMinute);
    expect(2 * mostIn(flushes, 3_600_000)).toBeLessThanOrEqual(SYNC_QUOTA.writesPerHour);
    expect(flushes.at(-1)! - T).toBeGreaterThan(3_600_000);
  });

  property('never lets two calls a flush exceed Chrome\'s limits, however changes come', 20, (runs) => {
    const changes = fc.array(fc.nat({ max: 3 * 3_600_000 }), { minLength: 1, maxLength: 1_500, size: 'max' });
    fc.assert(
      fc.property(changes, (offsets) => {
        const flushes = simulate([...offsets].sort((a, b) => a - b).map((o) => T + o));
        expect(2 * mostIn(flushes, 60_000)).toBeLessThanOrEqual(SYNC_QUOTA.writesPerMinute);
        expect(2 * mostIn(flushes, 3_600_000)).toBeLessThanOrEqual(SYNC_QUOTA.writesPerHour);
      }),
      runs,
    );
  });
});
