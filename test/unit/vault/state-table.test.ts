// The whole state machine as a table: every action tried on a code in every status. A move the
// table does not allow must fail with VaultError('illegal-transition') and change nothing.
import { describe, expect, it } from 'vitest';
import {
  CODE_STATUSES,
  invalidate,
  markRejected,
  markUnconfirmed,
  markUnusedByHand,
  markUsed,
  markUsedByHand,
  release,
  reserve,
  resolveUnconfirmed,
  type Code,
  type CodeStatus,
  type TransitionResult,
  type VaultCtx,
} from '../../../src/vault/index';
import { bySeq, expectVaultError, makeAccount, seed } from './helpers';

const account = makeAccount({ kind: 'any-order' });
const RID = 'reservation-1';

type Action = (codes: Code[], id: string, ctx: VaultCtx) => TransitionResult;

const ACTIONS: Record<string, { run: Action; from: readonly CodeStatus[]; to: CodeStatus }> = {
  reserve: { run: (c, id, ctx) => reserve(account, c, id, ctx), from: ['unused'], to: 'reserved' },
  release: { run: (c, id, ctx) => release(account, c, id, RID, ctx), from: ['reserved'], to: 'unused' },
  markUsed: { run: (c, id, ctx) => markUsed(account, c, id, RID, ctx), from: ['reserved'], to: 'used' },
  markRejected: { run: (c, id, ctx) => markRejected(account, c, id, RID, ctx), from: ['reserved'], to: 'rejected' },
  markUnconfirmed: { run: (c, id, ctx) => markUnconfirmed(account, c, id, RID, ctx), from: ['reserved'], to: 'unconfirmed' },
  invalidate: { run: (c, id, ctx) => invalidate(account, c, id, ctx), from: ['unused', 'reserved'], to: 'invalidated' },
  markUsedByHand: {
    run: (c, id, ctx) => markUsedByHand(account, c, id, ctx),
    from: ['unused', 'reserved', 'unconfirmed', 'rejected', 'invalidated'],
    to: 'used',
  },
  markUnusedByHand: {
    run: (c, id, ctx) => markUnusedByHand(account, c, id, ctx),
    from: ['reserved', 'unconfirmed', 'used', 'rejected', 'invalidated'],
    to: 'unused',
  },
  'resolveUnconfirmed(used)': { run: (c, id, ctx) => resolveUnconfirmed(account, c, id, 'used', ctx), from: ['unconfirmed'], to: 'used' },
  'resolveUnconfirmed(rejected)': {
    run: (c, id, ctx) => resolveUnconfirmed(account, c, id, 'rejected', ctx),
    from: ['unconfirmed'],
    to: 'rejected',
  },
  'resolveUnconfirmed(unused)': {
    run: (c, id, ctx) => resolveUnconfirmed(account, c, id, 'unused', ctx),
    from: ['unconfirmed'],
    to: 'unused',
  },
};

function codeIn(status: CodeStatus) {
  const { codes, clock } = seed(account, 1);
  const held = status === 'reserved' || status === 'unconfirmed';
  const start: Code[] = codes.map((c) => ({
    ...c,
    status,
    history: [...c.history, { at: 1, status, reason: 'setup' }],
    ...(held ? { reservation: { id: RID, at: 1 } } : {}),
  }));
  return { codes: start, id: bySeq(start, 1).id, ctx: clock.ctx() };
}

const cases = Object.entries(ACTIONS).flatMap(([name, action]) =>
  CODE_STATUSES.map((status) => [name, status, action.from.includes(status) ? action.to : null] as const),
);

describe('the state machine', () => {
  it.each(cases)('%s on a %s code → %s', (name, status, to) => {
    const { codes, id, ctx } = codeIn(status);
    const { run } = ACTIONS[name]!;
    if (to === null) {
      const snapshot = structuredClone(codes);
      const e = expectVaultError(() => run(codes, id, ctx), 'illegal-transition');
      expect(e.message).toContain(`is ${status}`);
      expect(codes).toEqual(snapshot);
      return;
    }
    const result = run(codes, id, ctx);
    const after = bySeq(result.codes, 1);
    expect(after.status).toBe(to);
    expect(after.history).toHaveLength(codes[0]!.history.length + 1);
    expect(after.history.at(-1)?.status).toBe(to);
  });
});
