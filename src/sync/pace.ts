// Chrome lets an extension make 120 storage.sync writes a minute and 1,800 an hour (each set or
// remove call is one, whatever its number of keys); past that, calls fail with a quota error.
// Vault writes come in bursts (a fill reserves, then settles, seconds apart), so writes wait
// debounceMs after the last change, and then as long as the budgets below require. A flush is at
// most two calls (set, then remove), so the budgets count flushes at half the limits, less a margin.
import { SYNC_QUOTA } from './quota';

export const SYNC_PACE = {
  debounceMs: 2_000,
  /** Each flush may be two calls (set, remove): these count flushes. */
  perMinute: SYNC_QUOTA.writesPerMinute / 2 - 10,
  perHour: SYNC_QUOTA.writesPerHour / 2 - 50,
} as const;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * When the next flush may run: at least `debounceMs` after the last change, and never so soon that
 * the flushes of the past minute or hour (`flushes`, their times) would exceed the budgets.
 */
export function nextFlushAt(flushes: readonly number[], lastChangeAt: number): number {
  let at = lastChangeAt + SYNC_PACE.debounceMs;
  const sorted = [...flushes].sort((a, b) => a - b);
  const minute = sorted.filter((t) => t > at - MINUTE);
  if (minute.length >= SYNC_PACE.perMinute) at = Math.max(at, minute[minute.length - SYNC_PACE.perMinute]! + MINUTE);
  const hour = sorted.filter((t) => t > at - HOUR);
  if (hour.length >= SYNC_PACE.perHour) at = Math.max(at, hour[hour.length - SYNC_PACE.perHour]! + HOUR);
  return at;
}

/** The flush times still worth remembering at `now`. */
export function recentFlushes(flushes: readonly number[], now: number): number[] {
  return flushes.filter((t) => t > now - HOUR);
}
