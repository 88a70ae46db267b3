// Random operation sequences on random accounts of each policy. Whatever happens, the rules hold:
// no value is used twice, no status moves backward except by a recorded correction or a matching
// release, the ordered policy's limits hold, the batch policy keeps only its current set active,
// and the offered code is the oldest unused one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../../src/sites/index';
import {
  STATUS_RANK,
  VaultError,
  activeLimit,
  counts,
  currentBatch,
  invalidate,
  isActive,
  isTerminal,
  markRejected,
  markUnconfirmed,
  markUnusedByHand,
  markUsed,
  markUsedByHand,
  mergeCodes,
  nextCode,
  previewUse,
  release,
  reserve,
  resolveUnconfirmed,
  type Account,
  type Code,
  type Policy,
  type TransitionResult,
} from '../../../src/vault/index';
import { makeAccount, testClock, xValue } from './helpers';
import { property } from '../property';

const POOL = Array.from({ length: 24 }, (_, i) => xValue(i + 1));

const policies: fc.Arbitrary<Policy> = fc.oneof(
  fc.integer({ min: 1, max: 6 }).map((maxActive): Policy => ({ kind: 'ordered', maxActive })),
  fc.constant<Policy>({ kind: 'ordered' }),
  fc.constant<Policy>({ kind: 'any-order' }),
  fc.constant<Policy>({ kind: 'batch' }),
  fc.constant<Policy>({ kind: 'single' }),
);

/** Values to merge: pool codes (often repeats), the same written differently, and junk. */
const rawValue = fc.oneof(
  fc.constantFrom(...POOL),
  fc.constantFrom(...POOL).map((v) => FORMATS.x.display(v).toUpperCase()),
  fc.constantFrom('', 'hello', 'not a code!', 'abc'),
);

const pick = fc.nat({ max: 40 });
const op = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('reserve' as const), pick }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constantFrom('markUsed', 'markRejected', 'release', 'markUnconfirmed'),
      pick,
      stale: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('invalidate' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('merge' as const), values: fc.array(rawValue, { maxLength: 8 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('markUsedByHand', 'markUnusedByHand'), pick }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('resolve' as const), pick, resolution: fc.constantFrom('used', 'rejected', 'unused') }),
  },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

const scenario = fc.record({
  policy: policies,
  initial: fc.array(rawValue, { minLength: 2, maxLength: 10 }),
  ops: fc.array(op, { minLength: 10, maxLength: 40, size: 'max' }),
});

type Clock = ReturnType<typeof testClock>;

/** Prefer codes in the status an op needs, so most ops are legal and the machine goes deep. */
function choose(codes: readonly Code[], account: Account, n: number, wanted: readonly Code['status'][]): Code | undefined {
  const own = codes.filter((c) => c.accountId === account.id).sort((a, b) => a.seq - b.seq);
  const fitting = own.filter((c) => wanted.includes(c.status));
  const from = fitting.length > 0 && n % 4 !== 0 ? fitting : own;
  return from[n % Math.max(1, from.length)];
}

function apply(account: Account, codes: Code[], o: Op, clock: Clock): TransitionResult {
  if (o.kind === 'merge') return mergeCodes(account, codes, o.values, clock.merge('paste'));
  const wanted: Record<Exclude<Op['kind'], 'merge'>, Code['status'][]> = {
    reserve: ['unused'],
    markUsed: ['reserved'],
    markRejected: ['reserved'],
    release: ['reserved'],
    markUnconfirmed: ['reserved'],
    invalidate: ['unused', 'reserved'],
    markUsedByHand: ['unused', 'unconfirmed', 'rejected', 'invalidated'],
    markUnusedByHand: ['used', 'rejected', 'invalidated', 'unconfirmed'],
    resolve: ['unconfirmed'],
  };
  const code = choose(codes, account, o.pick, wanted[o.kind]);
  if (!code) return { codes, changed: [], events: [] };
  const ctx = clock.ctx();
  const rid = 'stale' in o && o.stale ? 'stale-reservation' : (code.reservation?.id ?? 'none');
  switch (o.kind) {
    case 'reserve':
      return reserve(account, codes, code.id, ctx, { tabId: 1, origin: 'https://x.com' });
    case 'markUsed':
      return markUsed(account, codes, code.id, rid, ctx);
    case 'markRejected':
      return markRejected(account, codes, code.id, rid, ctx);
    case 'release':
      return release(account, codes, code.id, rid, ctx);
    case 'markUnconfirmed':
      return markUnconfirmed(account, codes, code.id, rid, ctx);
    case 'invalidate':
      return invalidate(account, codes, code.id, ctx);
    case 'markUsedByHand':
      return markUsedByHand(account, codes, code.id, ctx);
    case 'markUnusedByHand':
      return markUnusedByHand(account, codes, code.id, ctx);
    case 'resolve':
      return resolveUnconfirmed(account, codes, code.id, o.resolution, ctx);
  }
}

/** Checks one step: what changed, how, and that nothing else did. */
function checkStep(before: readonly Code[], result: TransitionResult, o: Op): void {
  const after = new Map(result.codes.map((c) => [c.id, c]));
  const changedIds = new Set(result.changed.map((c) => c.id));
  for (const old of before) {
    const now = after.get(old.id);
    expect(now, 'codes never disappear').toBeDefined();
    if (!now) continue;
    expect([now.value, now.seq, now.accountId]).toEqual([old.value, old.seq, old.accountId]);
    expect(now.history.slice(0, old.history.length), 'history only grows').toEqual(old.history);
    if (now === old || (now.status === old.status && now.history.length === old.history.length)) {
      expect(changedIds.has(old.id), 'an untouched code is not reported changed').toBe(false);
      continue;
    }
    expect(changedIds.has(old.id), 'a touched code is reported changed').toBe(true);
    const added = now.history.slice(old.history.length);
    const manual = added.some((h) => h.manual === true);
    const released = o.kind === 'release' && old.status === 'reserved' && now.status === 'unused';
    if (STATUS_RANK[now.status] < STATUS_RANK[old.status]) {
      expect(manual || released, `${old.status} → ${now.status} only by correction or release`).toBe(true);
    }
    if (isTerminal(old.status) && now.status !== old.status) {
      expect(manual, `${old.status} → ${now.status} only by a recorded correction`).toBe(true);
    }
  }
  const values = result.codes.map((c) => c.value);
  const log = JSON.stringify(result.events);
  for (const v of values) expect(log.includes(v), 'events never hold a code value').toBe(false);
  expect(result.events.length).toBeGreaterThanOrEqual(
    result.changed.filter((c) => before.some((b) => b.id === c.id)).length,
  );
}

/** The invariants of one account's codes after any step. */
function checkAccount(account: Account, all: readonly Code[]): void {
  const codes = all.filter((c) => c.accountId === account.id);
  const used = codes.filter((c) => c.status === 'used').map((c) => c.value);
  expect(new Set(used).size, 'never two used codes with one value').toBe(used.length);
  expect(new Set(codes.map((c) => c.value)).size, 'values are unique in an account').toBe(codes.length);
  expect(new Set(codes.map((c) => c.seq)).size, 'seqs are unique').toBe(codes.length);
  for (const c of codes) {
    expect(c.history.at(-1)?.status, 'history ends at the current status').toBe(c.status);
    expect(c.reservation !== undefined, `${c.status} holds a reservation iff reserved or unconfirmed`).toBe(
      c.status === 'reserved' || c.status === 'unconfirmed',
    );
  }
  const active = codes.filter((c) => isActive(c.status));
  expect(active.length, 'at most the active limit').toBeLessThanOrEqual(activeLimit(account.policy));
  if (account.policy.kind === 'ordered') {
    const lastUsed = Math.max(0, ...codes.filter((c) => c.status === 'used').map((c) => c.seq));
    expect(active.filter((c) => c.seq < lastUsed), 'nothing active before the last used code').toEqual([]);
  }
  if (account.policy.kind === 'batch') {
    const current = currentBatch(account, codes);
    expect(active.filter((c) => c.batch !== current), 'only the current set is active').toEqual([]);
  }
  const unused = codes.filter((c) => c.status === 'unused').sort((a, b) => a.seq - b.seq);
  const next = nextCode(account, all);
  expect(next?.id, 'next is the lowest-seq unused code').toBe(unused[0]?.id);
  expect(next?.status ?? 'unused').toBe('unused');
  const n = counts(codes);
  expect(n.left).toBe(unused.length);
  if (next) {
    const before = previewUse(account, all, next.id).map((c) => c.status);
    expect(before.every((s) => s === 'reserved'), 'using the next code invalidates only codes held by fills').toBe(true);
  }
}

describe('random operation sequences', () => {
  property('keep every rule of every policy', 200, (runs) => {
    fc.assert(
      fc.property(scenario, ({ policy, initial, ops }) => {
        const clock = testClock();
        const account = makeAccount(policy);
        const bystander = makeAccount(policy, { id: 'acc-2' });
        const theirs = mergeCodes(bystander, [], POOL.slice(0, 4), clock.merge()).codes;
        let codes = mergeCodes(account, theirs, initial, clock.merge()).codes;
        checkAccount(account, codes);
        for (const o of ops) {
          let result: TransitionResult;
          try {
            result = apply(account, codes, o, clock);
          } catch (e) {
            expect(e).toBeInstanceOf(VaultError);
            for (const c of codes) expect((e as Error).message).not.toContain(c.value);
            continue;
          }
          checkStep(codes, result, o);
          codes = result.codes;
          checkAccount(account, codes);
          expect(codes.filter((c) => c.accountId === bystander.id), "other accounts' codes are untouched").toEqual(theirs);
        }
      }),
      runs,
    );
  });

  property('keep the batch policy: a new set replaces the old, a known one joins, merging twice adds nothing', 200, (runs) => {
    const account = makeAccount({ kind: 'batch' });
    const withMerges = fc.array(
      fc.oneof(
        { weight: 3, arbitrary: op },
        { weight: 2, arbitrary: fc.record({ kind: fc.constant('merge' as const), values: fc.array(rawValue, { minLength: 1, maxLength: 6 }) }) },
      ),
      { minLength: 10, maxLength: 40, size: 'max' },
    );
    fc.assert(
      fc.property(fc.array(rawValue, { minLength: 1, maxLength: 8 }), withMerges, (initial, ops) => {
        const clock = testClock();
        let codes = mergeCodes(account, [], initial, clock.merge()).codes;
        for (const o of ops) {
          const before = codes;
          let result: TransitionResult;
          try {
            result = apply(account, codes, o, clock);
          } catch (e) {
            expect(e).toBeInstanceOf(VaultError);
            continue;
          }
          codes = result.codes;
          checkAccount(account, codes);
          if (o.kind === 'merge') {
            const current = currentBatch(account, before);
            const inCurrent = new Set(before.filter((c) => c.batch === current).map((c) => c.value));
            const values = o.values.map((v) => FORMATS.x.normalize(v));
            const added = codes.filter((c) => !before.some((b) => b.id === c.id));
            const wasActive = before.filter((c) => isActive(c.status));
            if (added.length === 0) {
              expect(codes, 'a merge that adds nothing changes nothing').toEqual(before);
              expect(result.events).toEqual([]);
            } else if (values.some((v) => v !== null && inCurrent.has(v))) {
              expect(added.every((c) => c.batch === current), 'codes of the current set join it').toBe(true);
              expect(codes.filter((c) => c.status === 'invalidated').length).toBe(before.filter((c) => c.status === 'invalidated').length);
            } else {
              expect(new Set(added.map((c) => c.batch)).size, 'one merge is one set').toBe(1);
              expect(added[0]!.batch).not.toBe(current);
              for (const c of wasActive) {
                expect(codes.find((n) => n.id === c.id)?.status, 'a new set invalidates every unused code of the old').toBe('invalidated');
              }
            }
            expect(nextCode(account, codes)?.batch ?? currentBatch(account, codes), 'next comes from the newest set').toBe(currentBatch(account, codes));
            const again = mergeCodes(account, codes, o.values, clock.merge());
            expect([again.added.length, again.changed.length, again.events.length], 'merging the same values twice adds nothing').toEqual([0, 0, 0]);
          }
          for (const c of codes) {
            const automatic = c.history.filter((h) => h.status === 'used' && !h.manual).length;
            expect(automatic, 'no code is accepted twice').toBeLessThanOrEqual(1);
          }
        }
      }),
      runs,
    );
  });

  property('refuse every settlement with a stale reservation and leave the code reserved', 100, (runs) => {
    fc.assert(
      fc.property(policies, fc.constantFrom('markUsed', 'markRejected', 'release', 'markUnconfirmed'), (policy, kind) => {
        const clock = testClock();
        const account = makeAccount(policy);
        const codes = mergeCodes(account, [], POOL.slice(0, 3), clock.merge()).codes;
        const target = nextCode(account, codes)!;
        const held = reserve(account, codes, target.id, clock.ctx()).codes;
        const settle = { markUsed, markRejected, release, markUnconfirmed }[kind];
        try {
          settle(account, held, target.id, 'stale-reservation', clock.ctx());
          return false;
        } catch (e) {
          return e instanceof VaultError && e.code === 'reservation-mismatch';
        }
      }),
      runs,
    );
  });
});
