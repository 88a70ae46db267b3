// The largest vault that syncs: the README's table (section "Sync"), measured on vaults shaped like
// real ones (fixture.ts: X accounts, two used codes each with their history and events). A change
// to the item format that moves these figures fails here: update the README's table with it.
import { describe, expect, it } from 'vitest';
import { createVault } from '../../../src/crypto';
import { SYNC_BUDGET_BYTES, SYNC_QUOTA, planSyncWrite } from '../../../src/sync';
import type { SyncVault } from '../../../src/vault/sync-merge';
import { FAST_KDF } from '../crypto/helpers';
import { largestFit, type Fits } from './fixture';

const { header, vaultKey } = await createVault('correct horse battery staple', FAST_KDF);
const fits: Fits = async (vault: SyncVault) => {
  const plan = await planSyncWrite(vaultKey, header, vault, {}, { payloads: new Map() });
  return { ok: plan.ok, bytes: plan.bytes };
};

/** codes per account → the most accounts that fit (README, "Sync"). */
const README_TABLE = [
  [1, 115],
  [10, 63],
  [20, 51],
  [50, 29],
  [100, 17],
  [300, 6],
] as const;

describe('the largest vault that syncs', () => {
  it.each(README_TABLE)('with %i codes per account is %i accounts, inside the 102,400-byte quota', async (codes, accounts) => {
    const fit = await largestFit(fits, codes);
    expect(fit.accounts, `update the README's Sync table: ${codes} codes per account now fit ${fit.accounts} accounts`).toBe(accounts);
    expect(fit.bytes).toBeLessThanOrEqual(SYNC_BUDGET_BYTES);
    expect(SYNC_BUDGET_BYTES).toBeLessThan(SYNC_QUOTA.totalBytes);
  });
});
