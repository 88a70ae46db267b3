import { describe, expect, it } from 'vitest';
import { markUsedByHand, mergeCodes, nextCode, reserve } from '../../../src/vault/index';
import { bySeq, makeAccount, seed, statuses, testClock, xValue } from './helpers';

const ordered = makeAccount();
const anyOrder = makeAccount({ kind: 'any-order' });
const single = makeAccount({ kind: 'single' });

describe('mergeCodes', () => {
  it('normalises values for the site, numbers them in input order and records where they came from', () => {
    const clock = testClock();
    const ctx = { ...clock.merge('page', 'b1'), origin: 'https://x.com' };
    const r = mergeCodes(ordered, [], ['ABCD 1234 EFGH', 'ijkl5678mnop'], ctx);
    expect(r.added.map((c) => [c.seq, c.value, c.status, c.batch, c.source])).toEqual([
      [1, 'abcd1234efgh', 'unused', 'b1', 'page'],
      [2, 'ijkl5678mnop', 'unused', 'b1', 'page'],
    ]);
    expect(r.added[0]?.history).toEqual([{ at: ctx.now, status: 'unused', reason: 'captured', origin: 'https://x.com' }]);
    expect(r.added[0]?.capturedAt).toBe(ctx.now);
    expect(r.codes).toHaveLength(2);
  });

  it('counts values that are not codes of the format instead of throwing', () => {
    const r = mergeCodes(ordered, [], ['abcd 1234 efgh', 'hello', '', 'abc!1234efgh'], testClock().merge());
    expect([r.added.length, r.invalid, r.duplicates]).toEqual([1, 3, 0]);
  });

  it('skips values already in the account or repeated in the input, whatever their status', () => {
    const { codes, clock } = seed(anyOrder, 2);
    const used = markUsedByHand(anyOrder, codes, bySeq(codes, 1).id, clock.ctx()).codes;
    const r = mergeCodes(anyOrder, used, [xValue(1), xValue(2), xValue(3), xValue(3).toUpperCase()], clock.merge());
    expect(r.duplicates).toBe(3);
    expect(r.added.map((c) => c.seq)).toEqual([3]);
  });

  it("numbers after the account's newest code, ignoring other accounts", () => {
    const other = makeAccount(anyOrder.policy, { id: 'acc-2' });
    const clock = testClock();
    const theirs = seed(other, 9, clock).codes;
    const { codes } = seed(anyOrder, 2, clock);
    const r = mergeCodes(anyOrder, [...theirs, ...codes], [xValue(50)], clock.merge());
    expect(r.added[0]?.seq).toBe(3);
    expect(r.codes).toHaveLength(12);
  });

  it('uses the format the account names over its site', () => {
    const account = makeAccount(anyOrder.policy, { site: 'github', format: 'generic' });
    const r = mergeCodes(account, [], ['any printable code'], testClock().merge());
    expect(r.added[0]?.value).toBe('any printable code');
  });

  it("uses the generic format for a site it doesn't know", () => {
    const account = makeAccount(anyOrder.policy, { site: 'example' });
    const r = mergeCodes(account, [], ['  spaced code  ', 'ok'], testClock().merge());
    expect(r.added.map((c) => c.value)).toEqual(['spaced code']);
    expect(r.invalid).toBe(1);
  });

  it('under the ordered policy invalidates the oldest active code when a sixth arrives', () => {
    const { codes, clock } = seed(ordered, 5);
    const r = mergeCodes(ordered, codes, [xValue(6)], clock.merge('page'));
    expect(statuses(r.codes)).toEqual(['1:invalidated', '2:unused', '3:unused', '4:unused', '5:unused', '6:unused']);
    expect(r.invalidated.map((c) => c.seq)).toEqual([1]);
    expect(bySeq(r.codes, 1).history.at(-1)).toMatchObject({ reason: 'invalidated-by-newer', bySeq: 6 });
    expect(nextCode(ordered, r.codes)?.seq).toBe(2);
  });

  it('under the ordered policy keeps only the newest maxActive of a long paste', () => {
    const values = Array.from({ length: 8 }, (_, i) => xValue(i + 1));
    const r = mergeCodes(ordered, [], values, testClock().merge());
    expect(r.added).toHaveLength(8);
    expect(r.invalidated.map((c) => [c.seq, c.history.at(-1)?.bySeq])).toEqual([
      [1, 6],
      [2, 7],
      [3, 8],
    ]);
  });

  it('does not count settled or unconfirmed codes against maxActive', () => {
    const { codes, clock } = seed(ordered, 5);
    const used = markUsedByHand(ordered, codes, bySeq(codes, 1).id, clock.ctx()).codes;
    const r = mergeCodes(ordered, used, [xValue(6)], clock.merge());
    expect(r.invalidated).toEqual([]);
  });

  it('invalidates a reserved code too when it is the oldest active one', () => {
    const { codes, clock } = seed(ordered, 5);
    const held = reserve(ordered, codes, bySeq(codes, 1).id, clock.ctx()).codes;
    const r = mergeCodes(ordered, held, [xValue(6)], clock.merge());
    expect(bySeq(r.codes, 1).status).toBe('invalidated');
    expect(bySeq(r.codes, 1).reservation).toBeUndefined();
  });

  it('under the single policy replaces the current code with the new one', () => {
    const { codes, clock } = seed(single, 1);
    const r = mergeCodes(single, codes, [xValue(2)], clock.merge());
    expect(statuses(r.codes)).toEqual(['1:invalidated', '2:unused']);
    expect(r.invalidated.map((c) => c.seq)).toEqual([1]);
  });

  it('under the any-order policy keeps every code active', () => {
    const values = Array.from({ length: 16 }, (_, i) => xValue(i + 1));
    const r = mergeCodes(anyOrder, [], values, testClock().merge());
    expect(r.invalidated).toEqual([]);
    expect(r.codes.every((c) => c.status === 'unused')).toBe(true);
  });

  it('logs one event per merge and one per invalidation, none holding a value', () => {
    const { codes, clock } = seed(ordered, 5);
    const r = mergeCodes(ordered, codes, [xValue(6), xValue(6), 'nope'], clock.merge('import', 'b9'));
    expect(r.events.map((e) => e.kind)).toEqual(['codes-added', 'code-status-changed']);
    expect(r.events[0]?.detail).toEqual({ added: 1, duplicates: 1, invalid: 1, source: 'import', batch: 'b9' });
    const text = JSON.stringify(r.events);
    for (const c of r.codes) expect(text).not.toContain(c.value);
  });

  it('logs nothing and changes nothing when every value is a duplicate', () => {
    const { codes, clock } = seed(ordered, 2);
    const r = mergeCodes(ordered, codes, [xValue(1)], clock.merge());
    expect([r.events, r.changed, r.added]).toEqual([[], [], []]);
    expect(r.codes).toEqual(codes);
  });
});
