// The background's own limit on codes released to pages (src/background/release-limit.ts).
import { describe, expect, it } from 'vitest';
import { COOLDOWN_MS, MAX_COOLDOWN_MS, STREAK_MS, cooldownFor, releaseHold } from '../../../src/background/release-limit';
import type { Code, CodeStatus, HistoryEntry } from '../../../src/vault/types';

const T = Date.UTC(2026, 11, 1);
const by = { tabId: 1, origin: 'https://github.com' };

function code(seq: number, status: CodeStatus, history: HistoryEntry[] = [], reservation?: Code['reservation']): Code {
  const c: Code = { id: `c${seq}`, accountId: 'a', value: `v${seq}`, seq, batch: 'b', source: 'paste', capturedAt: 0, status, history };
  if (reservation) c.reservation = reservation;
  return c;
}
const failedAt = (at: number, status: CodeStatus = 'rejected'): HistoryEntry => ({ at, status, reason: status === 'rejected' ? 'rejected' : 'no-outcome' });

describe('releases to pages', () => {
  it('hold every other code while one is reserved, in any policy: the asking tab gets its own back', () => {
    const out = [code(1, 'reserved', [], { id: 'r', at: T, tabId: 2, origin: by.origin }), code(2, 'unused')];
    expect(releaseHold(out, T, by, true)).toEqual({ kind: 'out' });
    expect(releaseHold(out, T, by, false)).toEqual({ kind: 'out' });
    expect(releaseHold(out, T, { tabId: 2, origin: by.origin }, true)).toBeNull();
  });

  it('wait a few seconds after a failed fill, doubling with each failure in a row, capped', () => {
    expect(cooldownFor([code(1, 'rejected', [failedAt(T)])], T)).toBe(COOLDOWN_MS);
    expect(cooldownFor([code(1, 'rejected', [failedAt(T - 1_000)])], T)).toBe(COOLDOWN_MS - 1_000);
    const three = [code(1, 'rejected', [failedAt(T - 20_000)]), code(2, 'unconfirmed', [failedAt(T - 10_000, 'unconfirmed')]), code(3, 'rejected', [failedAt(T)])];
    expect(cooldownFor(three, T)).toBe(4 * COOLDOWN_MS);
    const many = Array.from({ length: 12 }, (_, i) => code(i + 1, 'rejected', [failedAt(T - i * 1_000)]));
    expect(cooldownFor(many, T)).toBe(MAX_COOLDOWN_MS);
  });

  it('start afresh after an accepted code or a quiet spell, and never wait past the delay if the clock went back', () => {
    const accepted = [code(1, 'rejected', [failedAt(T - 2_000)]), code(2, 'used', [{ at: T - 1_000, status: 'used', reason: 'accepted' }])];
    expect(cooldownFor(accepted, T)).toBe(0);
    const apart = [code(1, 'rejected', [failedAt(T - STREAK_MS - 5_000)]), code(2, 'rejected', [failedAt(T)])];
    expect(cooldownFor(apart, T)).toBe(COOLDOWN_MS);
    expect(cooldownFor([code(1, 'rejected', [failedAt(T + 365 * 86_400_000)])], T)).toBe(COOLDOWN_MS);
  });

  it('ignore what the person marked by hand, and spare fills from the browser\'s own UI', () => {
    expect(cooldownFor([code(1, 'rejected', [{ ...failedAt(T), manual: true }])], T)).toBe(0);
    expect(releaseHold([code(1, 'rejected', [failedAt(T)]), code(2, 'unused')], T, by, false)).toBeNull();
    expect(releaseHold([code(1, 'rejected', [failedAt(T)]), code(2, 'unused')], T, by, true)).toEqual({ kind: 'cooldown', waitMs: COOLDOWN_MS });
  });
});
