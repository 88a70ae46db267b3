// How fast codes may leave the background for a page. A content script's request says "a person
// clicked", but a compromised renderer on the site's origin can say that too, in a loop: ask,
// report 'rejected', ask again, and collect every code in milliseconds. So the background keeps
// its own limits, derived from the vault's history (nothing extra to store or lose on restart):
//   - one code out per account: while one is reserved, no other tab gets another;
//   - after a page reported a code rejected, or left a fill without an outcome, the next release
//     to a page waits COOLDOWN_MS, doubling with each such outcome in a row (capped), until a
//     code is accepted or STREAK_MS pass quietly. The chip says so and offers the code after.
// Fills from the popup, the keyboard command and the context menu are the browser's own trusted
// gestures and skip the cool-down, not the one-out rule.
import { REASONS } from '../vault/reasons';
import type { Code } from '../vault/types';

const UNDONE: string = REASONS.undone;

export const COOLDOWN_MS = 3_000;
export const MAX_COOLDOWN_MS = 60_000;
/** Failed outcomes further apart than this do not add up. */
export const STREAK_MS = 10 * 60_000;

export type Hold = { kind: 'out' } | { kind: 'cooldown'; waitMs: number };

/** A failed fill as the history records it: rejected, or reserved and never answered. */
const failed = (status: string, manual: boolean | undefined) => !manual && (status === 'rejected' || status === 'unconfirmed');

/** How long a page must still wait for the next code of an account with these codes (0 = go). */
export function cooldownFor(codes: readonly Code[], now: number): number {
  const outcomes = codes
    .flatMap((c) => c.history)
    .filter((h) => h.status === 'used' || failed(h.status, h.manual))
    .sort((a, b) => b.at - a.at);
  let streak = 0;
  let last = 0;
  for (const h of outcomes) {
    if (h.status === 'used') break;
    if (streak > 0 && last - h.at > STREAK_MS) break;
    if (streak === 0) last = h.at;
    streak++;
  }
  if (streak === 0) return 0;
  const delay = Math.min(COOLDOWN_MS * 2 ** (streak - 1), MAX_COOLDOWN_MS);
  // Never longer than the delay itself, should the clock have been set back.
  return Math.min(delay, Math.max(0, last + delay - now));
}

/**
 * Why no new code of this account may go to a page now, or null. `by` is the asking tab: its own
 * reservation is not "another code out" (it gets that one back).
 */
export function releaseHold(codes: readonly Code[], now: number, by: { tabId: number; origin: string }, page: boolean): Hold | null {
  const held = codes.find((c) => c.status === 'reserved');
  if (held && !(held.reservation?.tabId === by.tabId && held.reservation.origin === by.origin)) return { kind: 'out' };
  if (held || !page) return null;
  const waitMs = cooldownFor(codes, now);
  return waitMs > 0 ? { kind: 'cooldown', waitMs } : null;
}

/**
 * Why an AUTOMATIC fill of this account may not go out now, or null (issue 14). Stricter than a
 * click: a code out anywhere (this tab too) until its outcome is known; and after a failed fill
 * (rejected, or no outcome) or an Undo, none within STREAK_MS: the chip offers the next code and a
 * person clicks, so a page cannot burn codes in a loop by rejecting what it was given.
 */
export type AutoHold = 'out' | 'after-failure' | 'after-undo';

export function autoHold(codes: readonly Code[], now: number): AutoHold | null {
  if (codes.some((c) => c.status === 'reserved')) return 'out';
  const last = codes
    .flatMap((c) => c.history)
    .filter((h) => !h.manual && (h.status === 'used' || h.status === 'rejected' || h.status === 'unconfirmed' || h.reason === UNDONE))
    .reduce<{ at: number; status: string; reason: string } | null>((a, h) => (!a || h.at >= a.at ? h : a), null);
  if (!last || now - last.at >= STREAK_MS) return null;
  if (last.reason === UNDONE) return 'after-undo';
  return last.status === 'used' ? null : 'after-failure';
}
