// Sync merge as a join: whatever two or three devices did to copies of one vault, merging their
// copies in any order, any grouping, or with themselves gives the same vault, and the merged
// vault keeps every rule (no value twice in an account, statuses never behind a copy's, the
// policy obeyed, deletes kept).
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { FORMATS } from '../../../src/sites/index';
import {
  STATUS_RANK,
  VaultError,
  invalidate,
  markRejected,
  markUnconfirmed,
  markUsed,
  mergeCodes,
  mergeVaults,
  release,
  requiredInvalidations,
  reserve,
  type Account,
  type Code,
  type Policy,
  type SyncVault,
  type TransitionResult,
} from '../../../src/vault/index';
import { T0, makeAccount, xValue } from './helpers';
import { property } from '../property';

const POOL = Array.from({ length: 16 }, (_, i) => xValue(i + 1));

const policies: fc.Arbitrary<Policy> = fc.constantFrom<Policy>(
  { kind: 'ordered', maxActive: 5 },
  { kind: 'ordered', maxActive: 3 },
  { kind: 'batch' },
  { kind: 'any-order' },
  { kind: 'single' },
);

const pick = fc.nat({ max: 30 });
const op = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('reserve' as const), acc: fc.nat(1), pick }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constantFrom('used', 'rejected', 'release', 'unconfirmed'), acc: fc.nat(1), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('invalidate' as const), acc: fc.nat(1), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('add' as const), acc: fc.nat(1), values: fc.subarray(POOL, { maxLength: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), acc: fc.nat(1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), acc: fc.nat(1) }) },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

const ops = fc.array(op, { maxLength: 12 });

/** A common vault: one or two accounts with a few codes, as every device first synced it. */
const common = fc.record({
  policies: fc.array(policies, { minLength: 1, maxLength: 2 }),
  initial: fc.subarray(POOL, { minLength: 1, maxLength: 8 }),
});

function startVault({ policies: ps, initial }: { policies: Policy[]; initial: string[] }): SyncVault {
  let n = 0;
  const vault: SyncVault = { accounts: [], codes: [], events: [], tombstones: [] };
  ps.forEach((policy, i) => {
    const account = makeAccount(policy, { id: `acc-${i}` });
    const r = mergeCodes(account, [], initial, { now: T0, newId: () => `c${i}-${++n}`, source: 'paste', batch: `b${i}`, formats: FORMATS });
    vault.accounts.push(account);
    vault.codes.push(...r.codes);
    vault.events.push(...r.events);
  });
  return vault;
}

/** One device's run: real rules on its own copy, its own clock (devices interleave in time) and ids. */
function runDevice(start: SyncVault, device: string, offset: number, list: readonly Op[]): SyncVault {
  let v: SyncVault = structuredClone(start);
  let now = T0 + offset;
  let n = 0;
  const ctx = () => ({ now: (now += 3), newId: () => `${device}-${++n}` });
  const reservations = new Map<string, string>();
  for (const o of list) {
    const account = v.accounts[o.acc % Math.max(1, v.accounts.length)];
    if (!account) break;
    const own = v.codes.filter((c) => c.accountId === account.id).sort((a, b) => a.seq - b.seq);
    const code = own.length > 0 ? own[(o as { pick?: number }).pick! % own.length] : undefined;
    const apply = (r: TransitionResult) => {
      v = { ...v, codes: [...v.codes.filter((c) => c.accountId !== account.id), ...r.codes], events: [...v.events, ...r.events] };
    };
    try {
      if (o.kind === 'add') {
        apply(mergeCodes(account, own, o.values, { ...ctx(), source: 'paste', batch: `${device}-batch-${n}`, formats: FORMATS }));
      } else if (o.kind === 'rename') {
        const c = ctx();
        const renamed: Account = { ...account, label: `@${device}${c.now}`, updatedAt: c.now };
        v = { ...v, accounts: v.accounts.map((a) => (a.id === account.id ? renamed : a)) };
      } else if (o.kind === 'delete') {
        const c = ctx();
        v = {
          accounts: v.accounts.filter((a) => a.id !== account.id),
          codes: v.codes.filter((x) => x.accountId !== account.id),
          events: [...v.events, { id: c.newId(), at: c.now, kind: 'account-deleted', accountId: account.id }],
          tombstones: [...v.tombstones, { accountId: account.id, at: c.now }],
        };
      } else if (code) {
        if (o.kind === 'reserve') {
          const r = reserve(account, own, code.id, ctx());
          reservations.set(code.id, r.reservation.id);
          apply(r);
        } else if (o.kind === 'invalidate') {
          apply(invalidate(account, own, code.id, ctx()));
        } else {
          const rid = reservations.get(code.id) ?? code.reservation?.id ?? '';
          const rule = { used: markUsed, rejected: markRejected, release, unconfirmed: markUnconfirmed }[o.kind];
          apply(rule(account, own, code.id, rid, ctx()));
        }
      }
    } catch (e) {
      if (!(e instanceof VaultError)) throw e;
    }
  }
  return v;
}

const devices = (count: number) =>
  fc.record({ start: common, runs: fc.array(fc.tuple(ops, fc.nat(40)), { minLength: count, maxLength: count }) }).map(({ start, runs }) => {
    const base = startVault(start);
    return runs.map(([list, offset], i) => runDevice(base, 'ABC'[i]!, offset, list));
  });

/** What must hold of any merged vault. */
function wellFormed(m: SyncVault, inputs: readonly SyncVault[]): void {
  const dead = new Set(m.tombstones.map((t) => t.accountId));
  for (const account of m.accounts) {
    expect(dead.has(account.id)).toBe(false);
    const own = m.codes.filter((c) => c.accountId === account.id);
    expect(new Set(own.map((c) => c.value)).size).toBe(own.length);
    expect(requiredInvalidations(account, own)).toEqual([]);
  }
  for (const c of m.codes) expect(m.accounts.some((a) => a.id === c.accountId)).toBe(true);
  for (const v of inputs) {
    for (const t of v.tombstones) expect(dead.has(t.accountId)).toBe(true);
    for (const c of v.codes) {
      if (dead.has(c.accountId)) continue;
      const merged = m.codes.find((x) => x.accountId === c.accountId && x.value === c.value);
      expect(merged).toBeDefined();
      expect(STATUS_RANK[merged!.status]).toBeGreaterThanOrEqual(STATUS_RANK[c.status]);
      if (c.status === 'used') expect(merged!.status).toBe('used');
    }
    for (const e of v.events) expect(m.events.some((x) => x.id === e.id)).toBe(true);
  }
}

const RUNS = 10_000;

describe('sync merge', () => {
  property('is commutative: merge(a, b) equals merge(b, a)', RUNS, (runs) => {
    fc.assert(
      fc.property(devices(2), ([a, b]) => {
        const ab = mergeVaults(a!, b!);
        expect(mergeVaults(b!, a!)).toEqual(ab);
        wellFormed(ab, [a!, b!]);
      }),
      runs,
    );
  }, 60_000);

  property('is associative: merge(a, merge(b, c)) equals merge(merge(a, b), c)', RUNS, (runs) => {
    fc.assert(
      fc.property(devices(3), ([a, b, c]) => {
        const left = mergeVaults(mergeVaults(a!, b!), c!);
        expect(mergeVaults(a!, mergeVaults(b!, c!))).toEqual(left);
        expect(mergeVaults(mergeVaults(a!, c!), b!)).toEqual(left);
        wellFormed(left, [a!, b!, c!]);
      }),
      runs,
    );
  }, 60_000);

  property('is idempotent: a merged vault merged with itself, or with either side again, is unchanged', RUNS, (runs) => {
    fc.assert(
      fc.property(devices(2), ([a, b]) => {
        const ab = mergeVaults(a!, b!);
        expect(mergeVaults(ab, ab)).toEqual(ab);
        expect(mergeVaults(ab, a!)).toEqual(ab);
        expect(mergeVaults(mergeVaults(a!, a!), mergeVaults(a!, a!))).toEqual(mergeVaults(a!, a!));
      }),
      runs,
    );
  }, 60_000);
});
