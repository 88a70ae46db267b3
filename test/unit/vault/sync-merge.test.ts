// Each rule of the sync merge on small hand-written vaults (the properties are in
// sync-merge.properties.test.ts).
import { describe, expect, it } from 'vitest';
import {
  EMPTY_SYNC_VAULT,
  REASONS,
  markUsed,
  mergeCodes,
  mergeVaults,
  reserve,
  type Account,
  type Code,
  type Policy,
  type SyncVault,
  type TransitionResult,
} from '../../../src/vault/index';
import { FORMATS } from '../../../src/sites/index';
import { ORDERED_X, T0, bySeq, makeAccount, statuses, xValue } from './helpers';

/** A device: its own ids and clock, so two devices never mint the same id. */
function device(name: string, start = T0) {
  let now = start;
  let n = 0;
  const newId = () => `${name}-${++n}`;
  return {
    ctx: () => ({ now: (now += 10), newId }),
    add(account: Account, codes: readonly Code[], values: string[], batch = `${name}-batch-${n + 1}`) {
      now += 10;
      return mergeCodes(account, codes, values, { now, newId, source: 'paste', batch, formats: FORMATS });
    },
  };
}

function vault(account: Account, codes: Code[], over: Partial<SyncVault> = {}): SyncVault {
  return { ...EMPTY_SYNC_VAULT, accounts: [account], codes, ...over };
}

/** The common start: one account with codes 1..n, as both devices first synced it. */
function common(policy: Policy = ORDERED_X, n = 5) {
  const account = makeAccount(policy);
  const { codes } = device('c').add(account, [], Array.from({ length: n }, (_, i) => xValue(i + 1)), 'first');
  return { account, codes };
}

function useOn(name: string, account: Account, codes: readonly Code[], seq: number): TransitionResult {
  const d = device(name, T0 + 1000);
  const r = reserve(account, codes, bySeq(codes, seq).id, d.ctx());
  return markUsed(account, r.codes, bySeq(codes, seq).id, r.reservation.id, d.ctx());
}

describe('sync merge', () => {
  it('keeps the accounts and the codes of both devices', () => {
    const { account, codes } = common({ kind: 'any-order' }, 2);
    const a = device('A').add(account, codes, [xValue(10)]).codes;
    const other = makeAccount({ kind: 'any-order' }, { id: 'acc-2', label: '@other' });
    const b = device('B').add(other, [], [xValue(20)]).codes;
    const m = mergeVaults(vault(account, a), { ...EMPTY_SYNC_VAULT, accounts: [account, other], codes: [...codes, ...b] });
    expect(m.accounts.map((x) => x.id)).toEqual(['acc-1', 'acc-2']);
    expect(m.codes.map((c) => c.value).sort()).toEqual([xValue(1), xValue(2), xValue(10), xValue(20)].sort());
  });

  it('makes the same code added on two devices one code, with the id of the copy captured first', () => {
    const { account, codes } = common({ kind: 'any-order' }, 1);
    const a = device('A', T0 + 100).add(account, codes, [xValue(7)]).codes;
    const b = device('B', T0 + 200).add(account, codes, [FORMATS.x.display(xValue(7)).toUpperCase()]).codes;
    const m = mergeVaults(vault(account, a), vault(account, b));
    const sevens = m.codes.filter((c) => c.value === xValue(7));
    expect(sevens).toHaveLength(1);
    expect(sevens[0]!.id).toBe(a.find((c) => c.value === xValue(7))!.id);
  });

  it('moves a status only forward, and a use beats a rejection', () => {
    const { account, codes } = common({ kind: 'any-order' }, 2);
    const used = useOn('A', account, codes, 1).codes;
    expect(statuses(mergeVaults(vault(account, used), vault(account, codes)).codes)).toEqual(['1:used', '2:unused']);
    const rejected = codes.map((c) => (c.seq === 1 ? { ...c, status: 'rejected' as const } : c));
    expect(statuses(mergeVaults(vault(account, rejected), vault(account, used)).codes)).toEqual(['1:used', '2:unused']);
    expect(statuses(mergeVaults(vault(account, used), vault(account, rejected)).codes)).toEqual(['1:used', '2:unused']);
  });

  it("re-applies X's ordered rule: a code used on one device invalidates the earlier ones on both", () => {
    const { account, codes } = common(ORDERED_X, 3);
    // A captures codes 4 and 5 and uses 5 (so A invalidates 1 to 4); B captures another code 4.
    const added = device('A', T0 + 100).add(account, codes, [xValue(10), xValue(11)]).codes;
    const onA = useOn('A', account, added, 5).codes;
    const onB = device('B', T0 + 200).add(account, codes, [xValue(20)]).codes;
    const m = mergeVaults(vault(account, onA), vault(account, onB));
    const byValue = (v: string) => m.codes.find((c) => c.value === v)!;
    expect([1, 2, 3, 10, 20, 11].map((i) => byValue(xValue(i)).status)).toEqual([
      'invalidated', 'invalidated', 'invalidated', 'invalidated', 'invalidated', 'used',
    ]);
    // Codes 1 to 4 were invalidated on A itself; B's code 4 only by the merge, which says why.
    expect(byValue(xValue(1)).history.some((h) => h.sync)).toBe(false);
    expect(byValue(xValue(20)).history.at(-1)).toMatchObject({ status: 'invalidated', reason: REASONS.invalidatedByUse, bySeq: 5, from: 'unused', sync: true });
  });

  it('re-applies the batch rule: a new set on one device invalidates the unused codes of the old one on both', () => {
    const { account, codes } = common({ kind: 'batch' }, 3);
    const b = device('B', T0 + 100).add(account, codes, [xValue(11), xValue(12)], 'new-set').codes;
    const a = device('A', T0 + 50).add(account, codes, [xValue(3), xValue(4)], 'first-again').codes; // joins the current set
    const m = mergeVaults(vault(account, a), vault(account, b));
    const byValue = (v: string) => m.codes.find((c) => c.value === v)!.status;
    expect([1, 2, 3, 4].map((i) => byValue(xValue(i)))).toEqual(['invalidated', 'invalidated', 'invalidated', 'invalidated']);
    expect([11, 12].map((i) => byValue(xValue(i)))).toEqual(['unused', 'unused']);
  });

  it('keeps an account deleted on one device deleted, even if the other used its codes after', () => {
    const { account, codes } = common(ORDERED_X, 3);
    const deleted: SyncVault = { ...EMPTY_SYNC_VAULT, tombstones: [{ accountId: account.id, at: T0 + 500 }] };
    const usedLater = useOn('B', account, codes, 1).codes;
    const m = mergeVaults(vault(account, usedLater), deleted);
    expect(m.accounts).toEqual([]);
    expect(m.codes).toEqual([]);
    expect(m.tombstones).toEqual([{ accountId: account.id, at: T0 + 500 }]);
    expect(mergeVaults(m, vault(account, codes))).toEqual(m);
  });

  it('flags a code reserved on two devices at once: unconfirmed, for the person to resolve', () => {
    const { account, codes } = common({ kind: 'any-order' }, 2);
    const a = reserve(account, codes, bySeq(codes, 1).id, device('A', T0 + 100).ctx()).codes;
    const b = reserve(account, codes, bySeq(codes, 1).id, device('B', T0 + 200).ctx()).codes;
    const m = mergeVaults(vault(account, a), vault(account, b));
    expect(statuses(m.codes)).toEqual(['1:unconfirmed', '2:unused']);
    expect(bySeq(m.codes, 1).history.at(-1)).toMatchObject({ status: 'unconfirmed', reason: REASONS.reservedOnTwoDevices, sync: true });
  });

  it('flags a code used on one device while the other had it reserved: used, and the fill flagged', () => {
    const { account, codes } = common({ kind: 'any-order' }, 2);
    const used = useOn('A', account, codes, 1).codes;
    const reserved = reserve(account, codes, bySeq(codes, 1).id, device('B', T0 + 1005).ctx()).codes;
    const m = mergeVaults(vault(account, reserved), vault(account, used));
    expect(statuses(m.codes)).toEqual(['1:used', '2:unused']);
    expect(bySeq(m.codes, 1).history.some((h) => h.reason === REASONS.reservedOnTwoDevices)).toBe(true);
  });

  it("doesn't flag one device's later state against its earlier one", () => {
    const { account, codes } = common({ kind: 'any-order' }, 1);
    const d = device('A', T0 + 100);
    const r = reserve(account, codes, bySeq(codes, 1).id, d.ctx());
    const done = markUsed(account, r.codes, bySeq(codes, 1).id, r.reservation.id, d.ctx());
    const m = mergeVaults(vault(account, r.codes), vault(account, done.codes));
    expect(statuses(m.codes)).toEqual(['1:used']);
    expect(m.codes[0]!.history.some((h) => h.sync)).toBe(false);
    expect(m.codes[0]!.reservation).toBeUndefined();
  });

  it('merges histories as the union of entries, sorted by time, and events by id', () => {
    const { account, codes } = common({ kind: 'any-order' }, 1);
    const a = reserve(account, codes, codes[0]!.id, device('A', T0 + 300).ctx());
    const b = useOn('B', account, codes, 1);
    const m = mergeVaults(vault(account, a.codes, { events: a.events }), vault(account, b.codes, { events: [...b.events, ...a.events] }));
    const times = m.codes[0]!.history.map((h) => h.at);
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(m.codes[0]!.history.filter((h) => !h.sync)).toHaveLength(1 + 1 + 2);
    expect(m.events.map((e) => e.id)).toEqual([...new Set([...a.events, ...b.events].sort((x, y) => x.at - y.at).map((e) => e.id))]);
  });

  it('takes the account as the device that changed it last left it', () => {
    const { account, codes } = common();
    const renamed = { ...account, label: '@renamed', updatedAt: T0 + 99 };
    expect(mergeVaults(vault(account, codes), vault(renamed, codes)).accounts).toEqual([renamed]);
    expect(mergeVaults(vault(renamed, codes), vault(account, codes)).accounts).toEqual([renamed]);
  });

  it('gives the same vault in either order, and again when merged with itself', () => {
    const { account, codes } = common();
    const a = useOn('A', account, codes, 2).codes;
    const b = device('B', T0 + 50).add(account, codes, [xValue(9)]).codes;
    const ab = mergeVaults(vault(account, a), vault(account, b));
    expect(mergeVaults(vault(account, b), vault(account, a))).toEqual(ab);
    expect(mergeVaults(ab, ab)).toEqual(ab);
  });
});
