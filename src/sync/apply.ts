// A merged vault back into the local store: the smallest change that makes the local vault equal
// to it. Codes the merge joined (the same value added on two devices) keep one id: the local
// copy under the other id is deleted. Events are append-only: only new ids are added.
import type { VaultChange } from '../store/vault-store';
import type { SyncVault } from '../vault/sync-merge';

export function localChange(local: SyncVault, merged: SyncVault): VaultChange {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const accounts = new Map(local.accounts.map((a) => [a.id, a]));
  const codes = new Map(local.codes.map((c) => [c.id, c]));
  const events = new Set(local.events.map((e) => e.id));
  const keptAccounts = new Set(merged.accounts.map((a) => a.id));
  const keptCodes = new Set(merged.codes.map((c) => c.id));
  return {
    putAccounts: merged.accounts.filter((a) => !same(accounts.get(a.id), a)),
    putCodes: merged.codes.filter((c) => !same(codes.get(c.id), c)),
    deleteAccountIds: local.accounts.filter((a) => !keptAccounts.has(a.id)).map((a) => a.id),
    deleteCodeIds: local.codes.filter((c) => !keptCodes.has(c.id)).map((c) => c.id),
    events: merged.events.filter((e) => !events.has(e.id)),
  };
}

/** Whether a change does nothing (then nothing is committed). */
export function isEmptyChange(change: VaultChange): boolean {
  return Object.values(change).every((list: readonly unknown[] | undefined) => !list || list.length === 0);
}
