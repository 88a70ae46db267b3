import { describe, expect, it } from 'vitest';
import {
  invalidate,
  markRejected,
  markUnconfirmed,
  markUnusedByHand,
  markUsed,
  markUsedByHand,
  nextCode,
  release,
  reserve,
  resolveUnconfirmed,
  type Code,
} from '../../../src/vault/index';
import { bySeq, expectVaultError, makeAccount, seed, statuses } from './helpers';

const ordered = makeAccount();
const ORDERED = ordered.policy;
const anyOrder = makeAccount({ kind: 'any-order' });

function reserved(account = ordered, count = 5, seq = 1) {
  const { codes, clock } = seed(account, count);
  const code = bySeq(codes, seq);
  const r = reserve(account, codes, code.id, clock.ctx(), { tabId: 7, origin: 'https://x.com' });
  return { codes: r.codes, clock, code: bySeq(r.codes, seq), reservation: r.reservation };
}

describe('reserve', () => {
  it('locks an unused code with a fresh reservation and records it in history', () => {
    const { codes, clock } = seed(ordered, 3);
    const ctx = clock.ctx();
    const r = reserve(ordered, codes, bySeq(codes, 1).id, ctx, { tabId: 7, origin: 'https://x.com' });
    const code = bySeq(r.codes, 1);
    expect(code.status).toBe('reserved');
    expect(code.reservation).toEqual({ id: r.reservation.id, at: ctx.now, tabId: 7, origin: 'https://x.com' });
    expect(code.history.at(-1)).toEqual({ at: ctx.now, status: 'reserved', reason: 'reserved', origin: 'https://x.com' });
    expect(r.changed).toEqual([code]);
    expect(r.events).toHaveLength(1);
    expect(r.events[0]).toMatchObject({ kind: 'code-status-changed', codeId: code.id, detail: { from: 'unused', to: 'reserved', seq: 1 } });
  });

  it('leaves the input codes untouched', () => {
    const { codes, clock } = seed(ordered, 2);
    const snapshot = structuredClone(codes);
    reserve(ordered, codes, bySeq(codes, 1).id, clock.ctx());
    expect(codes).toEqual(snapshot);
  });

  it('refuses a code that is not unused, naming it by seq and never by value', () => {
    const { codes, clock, code } = reserved();
    const e = expectVaultError(() => reserve(ordered, codes, code.id, clock.ctx()), 'illegal-transition');
    expect(e.message).toContain('#1');
    expect(e.message).not.toContain(code.value);
    // Everything the background needs to word it in the person's language, as ids.
    expect(e.detail).toEqual({ codeId: code.id, seq: 1, status: 'reserved', allowed: ['unused'], action: 'reserved' });
  });

  it('refuses an unknown code id as not-found', () => {
    const { codes, clock } = seed(ordered, 1);
    expectVaultError(() => reserve(ordered, codes, 'nope', clock.ctx()), 'not-found');
  });

  it("refuses another account's code as wrong-account", () => {
    const other = makeAccount(ORDERED, { id: 'acc-2' });
    const { codes, clock } = seed(other, 1);
    expectVaultError(() => reserve(ordered, codes, bySeq(codes, 1).id, clock.ctx()), 'wrong-account');
  });

  it('lets two fills hold two different codes, and offers neither as next', () => {
    const { codes, clock } = seed(ordered, 3);
    const a = reserve(ordered, codes, nextCode(ordered, codes)!.id, clock.ctx());
    const b = reserve(ordered, a.codes, nextCode(ordered, a.codes)!.id, clock.ctx());
    expect(statuses(b.codes)).toEqual(['1:reserved', '2:reserved', '3:unused']);
    expect(nextCode(ordered, b.codes)?.seq).toBe(3);
  });
});

describe('release', () => {
  it('returns a reserved code to unused with the matching reservation', () => {
    const { codes, clock, code, reservation } = reserved();
    const r = release(ordered, codes, code.id, reservation.id, clock.ctx());
    const after = bySeq(r.codes, 1);
    expect(after.status).toBe('unused');
    expect(after.reservation).toBeUndefined();
    expect(after.history.map((h) => h.reason)).toEqual(['pasted', 'reserved', 'released']);
    expect(nextCode(ordered, r.codes)?.id).toBe(code.id);
  });

  it('refuses another reservation id', () => {
    const { codes, clock, code } = reserved();
    expectVaultError(() => release(ordered, codes, code.id, 'someone-else', clock.ctx()), 'reservation-mismatch');
  });

  it('refuses a code that is not reserved', () => {
    const { codes, clock } = seed(ordered, 1);
    expectVaultError(() => release(ordered, codes, bySeq(codes, 1).id, 'any', clock.ctx()), 'illegal-transition');
  });
});

describe('markUsed', () => {
  it('marks the reserved code used at the origin of its reservation', () => {
    const { codes, clock, code, reservation } = reserved();
    const ctx = clock.ctx();
    const r = markUsed(ordered, codes, code.id, reservation.id, ctx);
    const after = bySeq(r.codes, 1);
    expect(after.status).toBe('used');
    expect(after.reservation).toBeUndefined();
    expect(after.history.at(-1)).toEqual({ at: ctx.now, status: 'used', reason: 'accepted', origin: 'https://x.com' });
  });

  it('records the origin it is given over the reservation’s', () => {
    const { codes, clock, code, reservation } = reserved();
    const r = markUsed(ordered, codes, code.id, reservation.id, clock.ctx(), 'https://twitter.com');
    expect(bySeq(r.codes, 1).history.at(-1)?.origin).toBe('https://twitter.com');
  });

  it('refuses a stale reservation id', () => {
    const { codes, clock, code } = reserved();
    expectVaultError(() => markUsed(ordered, codes, code.id, 'stale', clock.ctx()), 'reservation-mismatch');
  });

  it('refuses a code that was never reserved, or is already settled', () => {
    const { codes, clock, code, reservation } = reserved();
    expectVaultError(() => markUsed(ordered, codes, bySeq(codes, 2).id, reservation.id, clock.ctx()), 'illegal-transition');
    const used = markUsed(ordered, codes, code.id, reservation.id, clock.ctx());
    expectVaultError(() => markUsed(ordered, used.codes, code.id, reservation.id, clock.ctx()), 'illegal-transition');
    expectVaultError(() => markRejected(ordered, used.codes, code.id, reservation.id, clock.ctx()), 'illegal-transition');
  });

  it('under the ordered policy invalidates every unused and reserved code before it', () => {
    const { codes, clock } = seed(ordered, 5);
    const hold2 = reserve(ordered, codes, bySeq(codes, 2).id, clock.ctx());
    const hold4 = reserve(ordered, hold2.codes, bySeq(codes, 4).id, clock.ctx());
    const r = markUsed(ordered, hold4.codes, bySeq(codes, 4).id, hold4.reservation.id, clock.ctx());
    expect(statuses(r.codes)).toEqual(['1:invalidated', '2:invalidated', '3:invalidated', '4:used', '5:unused']);
    for (const seq of [1, 2, 3]) {
      expect(bySeq(r.codes, seq).history.at(-1)).toMatchObject({ reason: 'invalidated-by-use', bySeq: 4 });
    }
    expect(bySeq(r.codes, 2).reservation).toBeUndefined();
    expect(r.changed.map((c) => c.seq)).toEqual([4, 1, 2, 3]);
    expect(r.events.map((e) => e.detail?.['to'])).toEqual(['used', 'invalidated', 'invalidated', 'invalidated']);
    expect(nextCode(ordered, r.codes)?.seq).toBe(5);
  });

  it('under the ordered policy leaves settled and unconfirmed older codes as they are', () => {
    const { codes, clock } = seed(ordered, 4);
    const h1 = reserve(ordered, codes, bySeq(codes, 1).id, clock.ctx());
    const r1 = markRejected(ordered, h1.codes, bySeq(codes, 1).id, h1.reservation.id, clock.ctx());
    const h2 = reserve(ordered, r1.codes, bySeq(codes, 2).id, clock.ctx());
    const u2 = markUnconfirmed(ordered, h2.codes, bySeq(codes, 2).id, h2.reservation.id, clock.ctx());
    const h4 = reserve(ordered, u2.codes, bySeq(codes, 4).id, clock.ctx());
    const done = markUsed(ordered, h4.codes, bySeq(codes, 4).id, h4.reservation.id, clock.ctx());
    expect(statuses(done.codes)).toEqual(['1:rejected', '2:unconfirmed', '3:invalidated', '4:used']);
  });

  it('under the any-order policy invalidates nothing', () => {
    const { codes, clock, code, reservation } = reserved(anyOrder, 5, 4);
    const r = markUsed(anyOrder, codes, code.id, reservation.id, clock.ctx());
    expect(statuses(r.codes)).toEqual(['1:unused', '2:unused', '3:unused', '4:used', '5:unused']);
    expect(r.changed).toHaveLength(1);
  });
});

describe('markRejected', () => {
  it('marks the reserved code rejected so the next one is offered', () => {
    const { codes, clock, code, reservation } = reserved(ordered, 3, 1);
    const r = markRejected(ordered, codes, code.id, reservation.id, clock.ctx());
    expect(bySeq(r.codes, 1).status).toBe('rejected');
    expect(bySeq(r.codes, 1).history.at(-1)?.reason).toBe('rejected');
    expect(nextCode(ordered, r.codes)?.seq).toBe(2);
  });

  it('invalidates nothing, even under the ordered policy', () => {
    const { codes, clock, code, reservation } = reserved(ordered, 3, 3);
    const r = markRejected(ordered, codes, code.id, reservation.id, clock.ctx());
    expect(statuses(r.codes)).toEqual(['1:unused', '2:unused', '3:rejected']);
  });

  it('refuses a mismatched reservation', () => {
    const { codes, clock, code } = reserved();
    expectVaultError(() => markRejected(ordered, codes, code.id, 'other', clock.ctx()), 'reservation-mismatch');
  });
});

describe('markUnconfirmed', () => {
  it('keeps the reservation visible so the person can be asked about it', () => {
    const { codes, clock, code, reservation } = reserved();
    const r = markUnconfirmed(ordered, codes, code.id, reservation.id, clock.ctx());
    const after = bySeq(r.codes, 1);
    expect(after.status).toBe('unconfirmed');
    expect(after.reservation).toEqual(reservation);
    expect(after.history.at(-1)?.reason).toBe('no-outcome');
  });

  it('refuses a mismatched reservation and a code that is not reserved', () => {
    const { codes, clock, code, reservation } = reserved();
    expectVaultError(() => markUnconfirmed(ordered, codes, code.id, 'x', clock.ctx()), 'reservation-mismatch');
    expectVaultError(() => markUnconfirmed(ordered, codes, bySeq(codes, 2).id, reservation.id, clock.ctx()), 'illegal-transition');
  });

  it('takes no automatic outcome afterwards: used, rejected, release and reserve are refused', () => {
    const { codes, clock, code, reservation } = reserved();
    const u = markUnconfirmed(ordered, codes, code.id, reservation.id, clock.ctx()).codes;
    expectVaultError(() => markUsed(ordered, u, code.id, reservation.id, clock.ctx()), 'illegal-transition');
    expectVaultError(() => markRejected(ordered, u, code.id, reservation.id, clock.ctx()), 'illegal-transition');
    expectVaultError(() => release(ordered, u, code.id, reservation.id, clock.ctx()), 'illegal-transition');
    expectVaultError(() => reserve(ordered, u, code.id, clock.ctx()), 'illegal-transition');
    expectVaultError(() => invalidate(ordered, u, code.id, clock.ctx()), 'illegal-transition');
  });
});

describe('invalidate', () => {
  it('invalidates an unused code with the reason and cause it is given', () => {
    const { codes, clock } = seed(anyOrder, 2);
    const r = invalidate(anyOrder, codes, bySeq(codes, 1).id, clock.ctx(), { bySeq: 2, origin: 'https://x.com' });
    expect(bySeq(r.codes, 1).history.at(-1)).toMatchObject({ status: 'invalidated', reason: 'invalidated', bySeq: 2 });
  });

  it('invalidates a reserved code and drops its lock', () => {
    const { codes, clock, code, reservation } = reserved(anyOrder);
    const r = invalidate(anyOrder, codes, code.id, clock.ctx());
    expect(bySeq(r.codes, 1).reservation).toBeUndefined();
    expectVaultError(() => markUsed(anyOrder, r.codes, code.id, reservation.id, clock.ctx()), 'illegal-transition');
  });

  it.each(['used', 'rejected', 'invalidated'] as const)('never touches a %s code', (status) => {
    const { codes, clock } = seed(anyOrder, 1);
    const settled: Code[] = codes.map((c) => ({ ...c, status }));
    expectVaultError(() => invalidate(anyOrder, settled, bySeq(settled, 1).id, clock.ctx()), 'illegal-transition');
  });
});

describe('markUsedByHand', () => {
  it.each(['unused', 'reserved', 'unconfirmed', 'rejected', 'invalidated'] as const)(
    'marks a %s code used, recorded as manual',
    (status) => {
      const { codes, clock } = seed(anyOrder, 1);
      const start: Code[] = codes.map((c) => ({ ...c, status, reservation: { id: 'r', at: 0 } }));
      const r = markUsedByHand(anyOrder, start, bySeq(start, 1).id, clock.ctx());
      const after = bySeq(r.codes, 1);
      expect(after.status).toBe('used');
      expect(after.reservation).toBeUndefined();
      expect(after.history.at(-1)).toMatchObject({ status: 'used', reason: 'marked-used-by-hand', manual: true });
      expect(r.events[0]?.detail).toMatchObject({ manual: true, from: status, to: 'used' });
    },
  );

  it('refuses a code already used', () => {
    const { codes, clock } = seed(anyOrder, 1);
    const used = markUsedByHand(anyOrder, codes, bySeq(codes, 1).id, clock.ctx()).codes;
    expectVaultError(() => markUsedByHand(anyOrder, used, bySeq(used, 1).id, clock.ctx()), 'illegal-transition');
  });

  it('applies the ordered policy: older active codes are invalidated by the use', () => {
    const { codes, clock } = seed(ordered, 4);
    const r = markUsedByHand(ordered, codes, bySeq(codes, 3).id, clock.ctx());
    expect(statuses(r.codes)).toEqual(['1:invalidated', '2:invalidated', '3:used', '4:unused']);
    expect(bySeq(r.codes, 1).history.at(-1)).toMatchObject({ reason: 'invalidated-by-use', bySeq: 3 });
    expect(bySeq(r.codes, 1).history.at(-1)?.manual).toBeUndefined();
  });
});

describe('markUnusedByHand', () => {
  it('puts a used code back on offer, recorded as manual', () => {
    const { codes, clock } = seed(anyOrder, 2);
    const used = markUsedByHand(anyOrder, codes, bySeq(codes, 1).id, clock.ctx()).codes;
    const r = markUnusedByHand(anyOrder, used, bySeq(used, 1).id, clock.ctx());
    expect(bySeq(r.codes, 1).status).toBe('unused');
    expect(bySeq(r.codes, 1).history.at(-1)).toMatchObject({ reason: 'marked-unused-by-hand', manual: true });
    expect(nextCode(anyOrder, r.codes)?.seq).toBe(1);
  });

  it('refuses a code that is already unused', () => {
    const { codes, clock } = seed(anyOrder, 1);
    expectVaultError(() => markUnusedByHand(anyOrder, codes, bySeq(codes, 1).id, clock.ctx()), 'illegal-transition');
  });

  it('under the ordered policy re-invalidates a code older than a used one, and says why', () => {
    const { codes, clock } = seed(ordered, 4);
    const used = markUsedByHand(ordered, codes, bySeq(codes, 3).id, clock.ctx()).codes;
    const r = markUnusedByHand(ordered, used, bySeq(used, 1).id, clock.ctx());
    expect(bySeq(r.codes, 1).status).toBe('invalidated');
    expect(bySeq(r.codes, 1).history.slice(-2).map((h) => h.reason)).toEqual(['marked-unused-by-hand', 'invalidated-by-use']);
  });

  it('under the ordered policy restores a used code and keeps the older ones it invalidated', () => {
    const { codes, clock } = seed(ordered, 4);
    const used = markUsedByHand(ordered, codes, bySeq(codes, 3).id, clock.ctx()).codes;
    const r = markUnusedByHand(ordered, used, bySeq(used, 3).id, clock.ctx());
    expect(statuses(r.codes)).toEqual(['1:invalidated', '2:invalidated', '3:unused', '4:unused']);
  });
});

describe('resolveUnconfirmed', () => {
  function unconfirmed(account = ordered, seq = 3) {
    const { codes, clock, code, reservation } = reserved(account, 4, seq);
    return { codes: markUnconfirmed(account, codes, code.id, reservation.id, clock.ctx()).codes, clock, code };
  }

  it('records "it worked" as used, and applies the ordered policy', () => {
    const { codes, clock, code } = unconfirmed();
    const r = resolveUnconfirmed(ordered, codes, code.id, 'used', clock.ctx());
    expect(statuses(r.codes)).toEqual(['1:invalidated', '2:invalidated', '3:used', '4:unused']);
    expect(bySeq(r.codes, 3).history.at(-1)).toMatchObject({ reason: 'resolved-used', manual: true });
    expect(bySeq(r.codes, 3).reservation).toBeUndefined();
  });

  it('records "it was refused" as rejected', () => {
    const { codes, clock, code } = unconfirmed();
    const r = resolveUnconfirmed(ordered, codes, code.id, 'rejected', clock.ctx());
    expect(bySeq(r.codes, 3).status).toBe('rejected');
    expect(statuses(r.codes)).toEqual(['1:unused', '2:unused', '3:rejected', '4:unused']);
  });

  it('records "I did not use it" as unused, back on offer in its turn', () => {
    const { codes, clock, code } = unconfirmed(ordered, 1);
    const r = resolveUnconfirmed(ordered, codes, code.id, 'unused', clock.ctx());
    expect(bySeq(r.codes, 1).status).toBe('unused');
    expect(nextCode(ordered, r.codes)?.seq).toBe(1);
  });

  it('refuses a code that is not unconfirmed', () => {
    const { codes, clock } = seed(ordered, 1);
    expectVaultError(() => resolveUnconfirmed(ordered, codes, bySeq(codes, 1).id, 'used', clock.ctx()), 'illegal-transition');
  });
});

describe('what leaves the vault core', () => {
  it('never puts a code value in an event or an error message', () => {
    const { codes, clock, code, reservation } = reserved();
    const results = [
      markUsed(ordered, codes, code.id, reservation.id, clock.ctx()),
      markUnconfirmed(ordered, codes, code.id, reservation.id, clock.ctx()),
      release(ordered, codes, code.id, reservation.id, clock.ctx()),
    ];
    const values = codes.map((c) => c.value);
    for (const r of results) {
      const text = JSON.stringify(r.events);
      for (const v of values) expect(text).not.toContain(v);
    }
    const e = expectVaultError(() => markUsed(ordered, codes, bySeq(codes, 2).id, reservation.id, clock.ctx()), 'illegal-transition');
    for (const v of values) expect(e.message).not.toContain(v);
  });
});
