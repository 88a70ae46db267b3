import { describe, expect, it } from 'vitest';
import {
  activeLimit,
  counts,
  markUsedByHand,
  nextCode,
  previewUse,
  requiredInvalidations,
  reserve,
  type Code,
} from '../../../src/vault/index';
import { bySeq, expectVaultError, makeAccount, seed, testClock } from './helpers';

const ordered = makeAccount();
const anyOrder = makeAccount({ kind: 'any-order' });
const single = makeAccount({ kind: 'single' });

describe('activeLimit', () => {
  it('is maxActive for ordered, one for single, unlimited otherwise', () => {
    expect(activeLimit({ kind: 'ordered', maxActive: 5 })).toBe(5);
    expect(activeLimit({ kind: 'ordered' })).toBe(Infinity);
    expect(activeLimit({ kind: 'single' })).toBe(1);
    expect(activeLimit({ kind: 'any-order', maxActive: 2 })).toBe(Infinity);
  });
});

describe('nextCode', () => {
  it('offers the oldest unused code', () => {
    const { codes } = seed(anyOrder, 3);
    expect(nextCode(anyOrder, [...codes].reverse())?.seq).toBe(1);
  });

  it('skips reserved codes: they are locked by another fill', () => {
    const { codes, clock } = seed(anyOrder, 3);
    const r = reserve(anyOrder, codes, bySeq(codes, 1).id, clock.ctx());
    expect(nextCode(anyOrder, r.codes)?.seq).toBe(2);
  });

  it("ignores other accounts' codes", () => {
    const other = makeAccount(anyOrder.policy, { id: 'acc-2' });
    const clock = testClock();
    const mine = seed(anyOrder, 2, clock).codes.slice(1);
    const theirs = seed(other, 1, clock).codes;
    expect(nextCode(anyOrder, [...theirs, ...mine])?.seq).toBe(2);
  });

  it('offers nothing when no code is unused', () => {
    const { codes, clock } = seed(anyOrder, 1);
    expect(nextCode(anyOrder, markUsedByHand(anyOrder, codes, bySeq(codes, 1).id, clock.ctx()).codes)).toBeUndefined();
    expect(nextCode(anyOrder, [])).toBeUndefined();
  });
});

describe('previewUse', () => {
  it('under the ordered policy lists the active codes before the chosen one, oldest first', () => {
    const { codes, clock } = seed(ordered, 5);
    const held = reserve(ordered, codes, bySeq(codes, 2).id, clock.ctx()).codes;
    expect(previewUse(ordered, held, bySeq(held, 4).id).map((c) => `${c.seq}:${c.status}`)).toEqual([
      '1:unused',
      '2:reserved',
      '3:unused',
    ]);
  });

  it('lists nothing for the next code, and nothing under the other policies', () => {
    const { codes } = seed(ordered, 3);
    expect(previewUse(ordered, codes, bySeq(codes, 1).id)).toEqual([]);
    const free = seed(anyOrder, 3).codes;
    expect(previewUse(anyOrder, free, bySeq(free, 3).id)).toEqual([]);
  });

  it('matches what using the code then does', () => {
    const { codes, clock } = seed(ordered, 5);
    const preview = previewUse(ordered, codes, bySeq(codes, 4).id).map((c) => c.id);
    const after = markUsedByHand(ordered, codes, bySeq(codes, 4).id, clock.ctx());
    expect(after.changed.filter((c) => c.status === 'invalidated').map((c) => c.id)).toEqual(preview);
  });

  it('refuses an unknown code', () => {
    expectVaultError(() => previewUse(ordered, [], 'nope'), 'not-found');
  });
});

describe('counts', () => {
  it('counts codes by status, with unused as "left"', () => {
    const { codes } = seed(anyOrder, 4);
    const mixed: Code[] = codes.map((c, i) => ({ ...c, status: (['unused', 'used', 'used', 'rejected'] as const)[i]! }));
    expect(counts(mixed)).toEqual({
      unused: 1,
      reserved: 0,
      unconfirmed: 0,
      used: 2,
      rejected: 1,
      invalidated: 0,
      left: 1,
      total: 4,
    });
  });

  it('counts an empty list as zeros', () => {
    expect(counts([])).toMatchObject({ left: 0, total: 0, unused: 0 });
  });
});

describe('requiredInvalidations', () => {
  it('is empty for an account that obeys its policy', () => {
    expect(requiredInvalidations(ordered, seed(ordered, 5).codes)).toEqual([]);
    expect(requiredInvalidations(anyOrder, seed(anyOrder, 30).codes)).toEqual([]);
  });

  it('pushes the oldest active codes out beyond maxActive, each by the code that many places newer', () => {
    const { codes } = seed(ordered, 5);
    const raw = codes.map((c) => ({ ...c, status: 'unused' as const }));
    const extra = [...raw, { ...raw[0]!, id: 'six', seq: 6, value: 'another6code' }, { ...raw[0]!, id: 'seven', seq: 7, value: 'another7code' }];
    const due = requiredInvalidations(ordered, extra);
    expect(due.map((d) => [d.code.seq, d.reason, d.bySeq])).toEqual([
      [1, 'invalidated-by-newer', 6],
      [2, 'invalidated-by-newer', 7],
    ]);
  });

  it('keeps one active code under the single policy, each replaced by the next', () => {
    const { codes } = seed(anyOrder, 3);
    const due = requiredInvalidations(single, codes);
    expect(due.map((d) => [d.code.seq, d.bySeq])).toEqual([
      [1, 2],
      [2, 3],
    ]);
  });
});
