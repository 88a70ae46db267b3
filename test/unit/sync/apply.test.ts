// A merged vault into the local store (src/sync/apply.ts): the smallest change that makes the
// local copy equal to the merge.
import { describe, expect, it } from 'vitest';
import { isEmptyChange, localChange } from '../../../src/sync';
import { mergeVaults, type SyncVault } from '../../../src/vault/sync-merge';
import { realisticVault } from './fixture';

describe('a merged vault applied locally', () => {
  const local = realisticVault({ accounts: 2, codesPerAccount: 5, seed: 1 });
  const remote = realisticVault({ accounts: 1, codesPerAccount: 5, seed: 2 });

  it('changes nothing when the merge is the local vault', () => {
    expect(isEmptyChange(localChange(local, mergeVaults(local, local)))).toBe(true);
  });

  it('adds the other device\'s accounts, codes and events, and leaves local ones alone', () => {
    const change = localChange(local, mergeVaults(local, remote));
    expect(change.putAccounts).toEqual(remote.accounts);
    expect(change.putCodes?.map((c) => c.id).sort()).toEqual(remote.codes.map((c) => c.id).sort());
    expect(change.events?.map((e) => e.id).sort()).toEqual(remote.events.map((e) => e.id).sort());
    expect(change.deleteAccountIds).toEqual([]);
    expect(change.deleteCodeIds).toEqual([]);
  });

  it('deletes a tombstoned account and its codes', () => {
    const gone = local.accounts[0]!;
    const deleted: SyncVault = { ...remote, tombstones: [{ accountId: gone.id, at: Date.now() }] };
    const change = localChange(local, mergeVaults(local, deleted));
    expect(change.deleteAccountIds).toEqual([gone.id]);
    expect([...(change.deleteCodeIds ?? [])].sort()).toEqual(local.codes.filter((c) => c.accountId === gone.id).map((c) => c.id).sort());
  });

  it('keeps one id for a code both devices added, deleting the later copy', () => {
    const account = local.accounts[0]!;
    const mine = local.codes.find((c) => c.accountId === account.id && c.status === 'unused')!;
    const theirs = { ...mine, id: 'zz-later-copy', capturedAt: mine.capturedAt + 1 };
    const other: SyncVault = { accounts: [account], codes: [theirs], events: [], tombstones: [] };
    const withTheirs: SyncVault = { ...local, codes: [...local.codes, theirs] };
    const change = localChange(withTheirs, mergeVaults(withTheirs, other));
    expect(change.deleteCodeIds).toEqual(['zz-later-copy']);
  });
});
