import { describe, expect, it } from 'vitest';
import { checkPayload, planRestore, type VaultView } from '../../../src/backup/index';
import { markUsedByHand, reserve } from '../../../src/vault/transitions';
import type { Account, Code } from '../../../src/vault/types';
import { makeAccount, seed, testClock, xValue } from '../vault/helpers';

function view(accounts: Account[], codes: Code[]): VaultView {
  return { accounts, codesOf: (id) => codes.filter((c) => c.accountId === id) };
}

const empty = view([], []);

describe('planning a restore', () => {
  it('into an empty vault writes every account and code exactly as backed up', () => {
    const account = makeAccount();
    const clock = testClock();
    const { codes } = seed(account, 4, clock);
    const used = markUsedByHand(account, codes, codes[1]!.id, clock.ctx()).codes;
    const plan = planRestore(empty, checkPayload({ accounts: [account], codes: used, events: [] }), new Set(), clock.ctx());
    expect(plan.writes).toHaveLength(1);
    expect(plan.writes[0]!.account).toEqual(account);
    expect(plan.writes[0]!.result.codes).toEqual(used);
    expect(plan.writes[0]!.result.events).toEqual([]);
    expect(plan.summary).toMatchObject({ accountsAdded: 1, codesAdded: 4, codesAdvanced: 0 });
  });

  it('moves a status forward, never back', () => {
    const account = makeAccount();
    const clock = testClock();
    const { codes } = seed(account, 3, clock);
    // Backup: #3 used, so #1 and #2 invalidated (X's order rule). Here: #1 used by hand since.
    const backup = markUsedByHand(account, codes, codes[2]!.id, clock.ctx()).codes;
    expect(backup.map((c) => c.status)).toEqual(['invalidated', 'invalidated', 'used']);
    const here = markUsedByHand({ ...account, policy: { kind: 'any-order' } }, codes, codes[0]!.id, clock.ctx()).codes;
    const plan = planRestore(view([account], here), checkPayload({ accounts: [account], codes: backup }), new Set(), clock.ctx());
    const after = plan.writes[0]!.result.codes;
    // #1: used here and invalidated there rank the same, so ours stays. #2 and #3 move forward.
    expect(after.map((c) => c.status)).toEqual(['used', 'invalidated', 'used']);
    expect(plan.summary).toMatchObject({ accountsMerged: 1, codesAdvanced: 2, codesUnchanged: 1 });
    expect(after[1]!.history.at(-1)).toMatchObject({ status: 'invalidated', bySeq: 3 });
    expect(after[2]!.history.map((h) => h.status)).toEqual(['unused', 'used']);
    expect(plan.writes[0]!.result.events.map((e) => e.detail?.reason)).toEqual(['restored', 'restored']);
  });

  it("applies the account's policy to the merged codes", () => {
    const account = makeAccount();
    const clock = testClock();
    const { codes } = seed(account, 3, clock);
    const here = codes.slice(0, 2);
    // A backup that knows only #3, used: here #1 and #2 are older, so X's order rule ends them.
    const backup = markUsedByHand(account, codes, codes[2]!.id, clock.ctx()).codes.slice(2);
    const plan = planRestore(view([account], here), checkPayload({ accounts: [account], codes: backup }), new Set(), clock.ctx());
    const after = plan.writes[0]!.result.codes;
    expect(after.map((c) => [c.seq, c.status])).toEqual([
      [1, 'invalidated'],
      [2, 'invalidated'],
      [3, 'used'],
    ]);
    expect(after[0]!.history.at(-1)).toMatchObject({ reason: 'invalidated-by-use', bySeq: 3 });
  });

  it('changes nothing when the same backup is restored again', () => {
    const account = makeAccount();
    const { codes } = seed(account, 3);
    const backup = checkPayload({ accounts: [account], codes });
    const plan = planRestore(view([account], codes), backup, new Set(), testClock().ctx());
    expect(plan.writes).toEqual([]);
    expect(plan.summary).toMatchObject({ accountsMerged: 1, codesAdded: 0, codesAdvanced: 0, codesUnchanged: 3 });
  });

  it('brings back a code that was reserved as a fill to confirm', () => {
    const account = makeAccount();
    const clock = testClock();
    const { codes } = seed(account, 2, clock);
    const reserved = reserve(account, codes, codes[0]!.id, clock.ctx(), { tabId: 7, origin: 'https://x.com' }).codes;
    const plan = planRestore(empty, checkPayload({ accounts: [account], codes: reserved }), new Set(), clock.ctx());
    const first = plan.writes[0]!.result.codes[0]!;
    expect(first.status).toBe('unconfirmed');
    expect(first).not.toHaveProperty('reservation');
  });

  it('merges into the account with the same site and label, appending unknown codes after its newest', () => {
    const ours = makeAccount(undefined, { id: 'ours', label: '@Alice' });
    const theirs = makeAccount(undefined, { id: 'theirs', label: 'alice' });
    const { codes: mine } = seed(ours, 2, testClock());
    const clock = testClock(2_000_000_000_000);
    const values = [xValue(2), xValue(3), xValue(4)];
    const { codes: backup } = (() => {
      const s = seed(theirs, 4, clock);
      return { codes: s.codes.slice(1).map((c, i) => ({ ...c, id: `t-${i}`, value: values[i]! })) };
    })();
    const plan = planRestore(view([ours], mine), checkPayload({ accounts: [theirs], codes: backup }), new Set(), clock.ctx());
    const after = plan.writes[0]!.result.codes;
    expect(plan.writes[0]!.account.id).toBe('ours');
    expect(after.map((c) => [c.seq, c.value, c.accountId])).toEqual([
      [1, xValue(1), 'ours'],
      [2, xValue(2), 'ours'],
      [3, xValue(3), 'ours'],
      [4, xValue(4), 'ours'],
    ]);
    expect(plan.summary).toMatchObject({ accountsMerged: 1, codesAdded: 2, codesUnchanged: 1 });
  });

  it('adds the backup log entries this vault lacks, and one saying what the restore did', () => {
    const account = makeAccount();
    const events = [
      { id: 'e1', at: 1, kind: 'account-added', accountId: account.id },
      { id: 'e2', at: 2, kind: 'codes-added', accountId: account.id },
    ];
    const plan = planRestore(empty, checkPayload({ accounts: [account], codes: [], events }), new Set(['e1']), testClock().ctx());
    expect(plan.events.map((e) => e.id)).toEqual(['e2', expect.any(String)]);
    expect(plan.events[1]).toMatchObject({ kind: 'backup-restored', detail: { accountsAdded: 1 } });
  });
});
