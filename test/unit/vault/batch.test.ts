// The batch policy (GitHub, GitLab, Google, Discord, Proton): any order within a set, each code
// once, and a new set invalidates every unused code of the earlier ones. Each rule and transition.
import { describe, expect, it } from 'vitest';
import {
  activeLimit,
  currentBatch,
  markRejected,
  markUnconfirmed,
  markUnusedByHand,
  markUsed,
  markUsedByHand,
  mergeCodes,
  nextCode,
  previewMerge,
  previewUse,
  release,
  requiredInvalidations,
  reserve,
  resolveUnconfirmed,
  type Code,
} from '../../../src/vault/index';
import { FORMATS } from '../../../src/sites/index';
import { bySeq, makeAccount, statuses, testClock, xValue } from './helpers';

const account = makeAccount({ kind: 'batch' });
const values = (from: number, count: number) => Array.from({ length: count }, (_, i) => xValue(from + i));

/** An account holding one set of `count` codes (seq 1…count, batch 'set-1'). */
function oneSet(count = 4) {
  const clock = testClock();
  const { codes } = mergeCodes(account, [], values(1, count), clock.merge('import', 'set-1'));
  return { codes, clock };
}

describe('the batch policy within one set', () => {
  it('keeps no limit on active codes', () => {
    expect(activeLimit({ kind: 'batch' })).toBe(Infinity);
  });

  it('puts the codes of one paste, import or capture in one batch, the current one', () => {
    const { codes } = oneSet(3);
    expect(codes.map((c) => c.batch)).toEqual(['set-1', 'set-1', 'set-1']);
    expect(currentBatch(account, codes)).toBe('set-1');
    expect(currentBatch(account, [])).toBeUndefined();
  });

  it('uses codes in any order: using a later one invalidates nothing', () => {
    const { codes, clock } = oneSet(4);
    expect(previewUse(account, codes, bySeq(codes, 3).id)).toEqual([]);
    const held = reserve(account, codes, bySeq(codes, 3).id, clock.ctx());
    const used = markUsed(account, held.codes, bySeq(codes, 3).id, held.reservation.id, clock.ctx());
    expect(statuses(used.codes)).toEqual(['1:unused', '2:unused', '3:used', '4:unused']);
    expect(used.changed.map((c) => c.seq)).toEqual([3]);
    expect(nextCode(account, used.codes)?.seq).toBe(1);
  });

  it('changes only the code a reservation, release, rejection or unconfirmed fill touches', () => {
    const { codes, clock } = oneSet(3);
    const target = bySeq(codes, 2).id;
    const held = reserve(account, codes, target, clock.ctx());
    expect(statuses(held.codes)).toEqual(['1:unused', '2:reserved', '3:unused']);
    expect(statuses(release(account, held.codes, target, held.reservation.id, clock.ctx()).codes)).toEqual(['1:unused', '2:unused', '3:unused']);
    expect(statuses(markRejected(account, held.codes, target, held.reservation.id, clock.ctx()).codes)).toEqual(['1:unused', '2:rejected', '3:unused']);
    const lost = markUnconfirmed(account, held.codes, target, held.reservation.id, clock.ctx());
    expect(statuses(lost.codes)).toEqual(['1:unused', '2:unconfirmed', '3:unused']);
    expect(statuses(resolveUnconfirmed(account, lost.codes, target, 'used', clock.ctx()).codes)).toEqual(['1:unused', '2:used', '3:unused']);
  });

  it('marks used and unused by hand without touching the other codes of the set', () => {
    const { codes, clock } = oneSet(3);
    const used = markUsedByHand(account, codes, bySeq(codes, 3).id, clock.ctx());
    expect(statuses(used.codes)).toEqual(['1:unused', '2:unused', '3:used']);
    expect(statuses(markUnusedByHand(account, used.codes, bySeq(codes, 3).id, clock.ctx()).codes)).toEqual(['1:unused', '2:unused', '3:unused']);
  });
});

describe('a new set', () => {
  function twoSets() {
    const { codes: first, clock } = oneSet(4);
    // One code of the first set used, one held by a fill, one unconfirmed, one left unused.
    let codes = markUsedByHand(account, first, bySeq(first, 1).id, clock.ctx()).codes;
    const held = reserve(account, codes, bySeq(codes, 2).id, clock.ctx());
    codes = held.codes;
    const lost = reserve(account, codes, bySeq(codes, 3).id, clock.ctx());
    codes = markUnconfirmed(account, lost.codes, bySeq(codes, 3).id, lost.reservation.id, clock.ctx()).codes;
    const merged = mergeCodes(account, codes, values(101, 3), clock.merge('paste', 'set-2'));
    return { before: codes, merged, clock };
  }

  it('invalidates every unused or reserved code of the earlier set, naming the new set’s first code', () => {
    const { merged } = twoSets();
    expect(statuses(merged.codes)).toEqual(['1:used', '2:invalidated', '3:unconfirmed', '4:invalidated', '5:unused', '6:unused', '7:unused']);
    expect(merged.invalidated.map((c) => c.seq)).toEqual([2, 4]);
    for (const seq of [2, 4]) {
      expect(bySeq(merged.codes, seq).history.at(-1)).toMatchObject({ status: 'invalidated', reason: 'invalidated-by-new-batch', bySeq: 5 });
    }
    expect(bySeq(merged.codes, 2).reservation, 'the fill’s reservation is dropped').toBeUndefined();
    expect(merged.added.map((c) => [c.seq, c.batch, c.status])).toEqual([
      [5, 'set-2', 'unused'],
      [6, 'set-2', 'unused'],
      [7, 'set-2', 'unused'],
    ]);
    expect(merged.events.map((e) => e.kind)).toEqual(['codes-added', 'code-status-changed', 'code-status-changed']);
  });

  it('offers the new set’s codes from then on', () => {
    const { merged } = twoSets();
    expect(nextCode(account, merged.codes)?.seq).toBe(5);
    expect(currentBatch(account, merged.codes)).toBe('set-2');
  });

  it('invalidates an earlier set’s code again at once when a person marks it unused', () => {
    const { merged, clock } = twoSets();
    const back = markUnusedByHand(account, merged.codes, bySeq(merged.codes, 1).id, clock.ctx());
    expect(bySeq(back.codes, 1).status).toBe('invalidated');
    expect(bySeq(back.codes, 1).history.slice(-2).map((h) => h.reason)).toEqual(['marked-unused-by-hand', 'invalidated-by-new-batch']);
    expect(nextCode(account, back.codes)?.seq).toBe(5);
  });

  it('invalidates the earlier set when an unconfirmed code of it is resolved as not used', () => {
    const { merged, clock } = twoSets();
    const r = resolveUnconfirmed(account, merged.codes, bySeq(merged.codes, 3).id, 'unused', clock.ctx());
    expect(bySeq(r.codes, 3).status).toBe('invalidated');
  });
});

describe('what counts as a new set', () => {
  it('a re-import of the same codes adds nothing, invalidates nothing and logs nothing', () => {
    const { codes, clock } = oneSet(4);
    const again = mergeCodes(account, codes, values(1, 4), clock.merge('import', 'set-2'));
    expect([again.added.length, again.duplicates, again.invalidated.length, again.events.length]).toEqual([0, 4, 0, 0]);
    expect(again.codes).toEqual(codes);
  });

  it('values that are not codes, or only duplicates, start no set', () => {
    const { codes, clock } = oneSet(2);
    const r = mergeCodes(account, codes, ['hello', xValue(2), ''], clock.merge('paste', 'set-2'));
    expect([r.added.length, r.invalidated.length, r.changed.length]).toEqual([0, 0, 0]);
  });

  it('codes arriving with one of the current set join it: the whole file after a partial paste', () => {
    const { codes, clock } = oneSet(2);
    const r = mergeCodes(account, codes, values(1, 5), clock.merge('import', 'set-2'));
    expect(r.added.map((c) => [c.seq, c.batch])).toEqual([
      [3, 'set-1'],
      [4, 'set-1'],
      [5, 'set-1'],
    ]);
    expect(r.invalidated).toEqual([]);
    expect(r.events[0]?.detail).toMatchObject({ added: 3, duplicates: 2, batch: 'set-1' });
  });

  it('codes arriving with only an earlier, replaced set’s values are a new set', () => {
    const { codes: first, clock } = oneSet(2);
    const second = mergeCodes(account, first, values(101, 2), clock.merge('paste', 'set-2')).codes;
    const r = mergeCodes(account, second, [xValue(1), xValue(201)], clock.merge('paste', 'set-3'));
    expect(r.added.map((c) => c.batch)).toEqual(['set-3']);
    expect(r.invalidated.map((c) => c.seq)).toEqual([3, 4]);
  });

  it('the first codes of an account invalidate nothing', () => {
    const r = mergeCodes(account, [], values(1, 3), testClock().merge());
    expect(r.invalidated).toEqual([]);
    expect(requiredInvalidations(account, r.codes)).toEqual([]);
  });

  it('leaves other accounts’ sets alone', () => {
    const clock = testClock();
    const other = makeAccount({ kind: 'batch' }, { id: 'acc-2' });
    const theirs = mergeCodes(other, [], values(1, 2), clock.merge('paste', 'theirs')).codes;
    const mine = mergeCodes(account, theirs, values(1, 2), clock.merge('paste', 'mine-1')).codes;
    const r = mergeCodes(account, mine, values(50, 2), clock.merge('paste', 'mine-2'));
    expect(r.codes.filter((c) => c.accountId === 'acc-2')).toEqual(theirs);
  });
});

describe('previewMerge', () => {
  it('says what merging would invalidate, exactly as the merge then does, and changes nothing', () => {
    const { codes, clock } = oneSet(3);
    const frozen: Code[] = structuredClone(codes);
    const ctx = clock.merge('paste', 'set-2');
    const preview = previewMerge(account, codes, values(101, 2), { now: ctx.now, source: 'paste', formats: FORMATS });
    expect(codes).toEqual(frozen);
    const merged = mergeCodes(account, codes, values(101, 2), ctx);
    expect(preview.invalidated.map((c) => c.seq)).toEqual(merged.invalidated.map((c) => c.seq));
    expect(preview.invalidated.map((c) => c.seq)).toEqual([1, 2, 3]);
    expect([preview.added.length, preview.duplicates, preview.invalid]).toEqual([2, 0, 0]);
  });

  it('invalidates nothing for a re-import', () => {
    const { codes, clock } = oneSet(3);
    expect(previewMerge(account, codes, values(1, 3), { now: clock.ctx().now, source: 'import', formats: FORMATS }).invalidated).toEqual([]);
  });
});
