import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LOGIN, contentSender, rigWithX } from './rig';
import { property } from '../property';
import type { FillGrant } from '../../../src/messages/protocol';
import { MAX_COOLDOWN_MS } from '../../../src/background/release-limit';

const ROUNDS = 1_000;
const TABS = 8;

/** Deterministic fresh X codes: 12 lowercase alphanumerics. */
const codeFor = (n: number) => `c${n.toString(36).padStart(11, '0')}`;

describe('fill requests racing each other', () => {
  property(`never hands one code to two requests over ${ROUNDS} rounds of ${TABS} simultaneous fills`, ROUNDS, async (runs) => {
    const { rig, accountId } = await rigWithX([codeFor(0), codeFor(1), codeFor(2)]);
    const bob = (await rig.ok('accounts/add', { site: 'x', label: '@bob' })).id;
    let minted = 3;
    for (let t = 1; t <= TABS; t++) rig.tabs.urls.set(t, LOGIN);

    const holder = new Map<string, { reservationId: string; tabId: number }>();
    const settled = new Set<string>();
    const open = new Map<string, { grant: FillGrant; tabId: number }>();
    const reported = new Set<string>();
    let grants = 0;
    let refusals = 0;
    const rng = fc.sample(fc.array(fc.nat(1_000_000), { minLength: 64, maxLength: 64 }), runs);

    for (let round = 0; round < runs.numRuns; round++) {
      const r = rng[round]!;
      // A minute between rounds: the cool-down after a failed fill (release-limit.ts) is over, so
      // every round races fresh requests; within a round it can still refuse some ('throttled').
      rig.clock.now += MAX_COOLDOWN_MS;
      // Keep both accounts stocked: X keeps at most five active, so top up in small batches.
      for (const id of [accountId, bob]) {
        const detail = await rig.ok('accounts/get', { accountId: id });
        if (detail.left < 2) {
          await rig.ok('codes/add', { accountId: id, values: [codeFor(minted++), codeFor(minted++)], source: 'paste' });
        }
      }
      const ops: Array<Promise<void>> = [];
      for (let i = 0; i < TABS; i++) {
        const tabId = (r[i]! % TABS) + 1;
        const hint = r[i + 8]! % 2 ? '@alice' : '@bob';
        ops.push(
          rig.send('content/request-fill', { trusted: true, accountHint: hint }, contentSender(tabId, LOGIN)).then((reply) => {
            if (!reply.ok) {
              expect(['conflict', 'not-found', 'throttled']).toContain(reply.error.code);
              refusals++;
              return;
            }
            grants++;
            const g = reply.value;
            expect(settled.has(g.value)).toBe(false);
            const prior = holder.get(g.value);
            // The only repeat allowed: the same tab getting its own reservation back.
            if (prior) expect(prior).toEqual({ reservationId: g.reservationId, tabId });
            holder.set(g.value, { reservationId: g.reservationId, tabId });
            if (!reported.has(g.reservationId)) open.set(g.reservationId, { grant: g, tabId });
          }),
        );
      }
      // Outcomes for earlier grants race with the new requests.
      for (const [reservationId, { grant, tabId }] of [...open].slice(0, r[20]! % 3)) {
        const outcome = (['accepted', 'rejected', 'unknown'] as const)[r[21]! % 3]!;
        open.delete(reservationId);
        reported.add(reservationId);
        ops.push(
          rig.send('content/report-outcome', { reservationId, outcome }, contentSender(tabId, LOGIN)).then(async (reply) => {
            if (!reply.ok) {
              // Only legitimate when a newer code pushed this one past X's five-active limit.
              expect(reply.error.code).toBe('not-found');
              const now = await rig.ok('accounts/get', { accountId: grant.accountId });
              expect(now.codes.find((c) => c.seq === grant.seq)?.status).toBe('invalidated');
            }
            settled.add(grant.value);
            holder.delete(grant.value);
          }),
        );
      }
      await Promise.all(ops);
      // Unconfirmed codes are resolved by "the person" now and then, so the account keeps moving.
      if (round % 10 === 9) {
        for (const id of [accountId, bob]) {
          for (const c of (await rig.ok('accounts/get', { accountId: id })).codes.filter((c) => c.status === 'unconfirmed'))
            await rig.ok('codes/set-status', { accountId: id, codeId: c.id, status: 'used' });
        }
      }
    }
    expect(grants).toBeGreaterThan(runs.numRuns);
    expect(refusals).toBeGreaterThan(0);
    // Every code in the vault is used by at most one reservation and never twice.
    for (const id of [accountId, bob]) {
      const detail = await rig.ok('accounts/get', { accountId: id });
      expect(detail.counts.reserved).toBeLessThanOrEqual(1);
    }
  }, 120_000);
});
