// Vaults shaped like real ones, for the sync format's tests and its capacity figures: X accounts,
// random 12-character codes, time-sortable ids with random tails (as src/background/ids.ts makes
// them), a capture entry per code, and for each used code its reserve and use with their events.
// Deterministic: a seeded generator, so sizes (and the README's figures) are the same every run.
import type { Account, Code, VaultEvent } from '../../../src/vault/types';
import type { SyncVault } from '../../../src/vault/sync-merge';

const T0 = 1_760_000_000_000;

/** mulberry32: small, seeded, good enough to make incompressible test data. */
function generator(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface VaultShape {
  accounts: number;
  codesPerAccount: number;
  /** How many of each account's codes were used (each adds two history entries and two events). */
  usedPerAccount?: number;
  seed?: number;
}

export function realisticVault({ accounts, codesPerAccount, usedPerAccount = 2, seed = 1 }: VaultShape): SyncVault {
  const rand = generator(seed);
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
  const alnum = (n: number) => Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(rand() * 36)]).join('');
  let now = T0;
  const id = () => `${(now += 1000).toString(36).padStart(9, '0')}000${hex(12)}`;
  const origin = 'https://x.com';
  const vault: SyncVault = { accounts: [], codes: [], events: [], tombstones: [] };
  for (let a = 0; a < accounts; a++) {
    const account: Account = {
      id: id(),
      site: 'x',
      label: `@person_${alnum(8)}`,
      origins: [origin, 'https://twitter.com'],
      policy: { kind: 'ordered', maxActive: 5 },
      createdAt: now,
      updatedAt: now,
    };
    vault.accounts.push(account);
    const batch = id();
    vault.events.push({ id: id(), at: now, kind: 'codes-added', accountId: account.id, detail: { count: codesPerAccount, source: 'page', origin } });
    for (let k = 1; k <= codesPerAccount; k++) {
      const code: Code = {
        id: id(),
        accountId: account.id,
        value: alnum(12),
        seq: k,
        batch,
        source: 'page',
        capturedAt: now,
        status: 'unused',
        history: [{ at: now, status: 'unused', reason: 'captured', origin }],
      };
      if (k <= usedPerAccount) {
        const reservation = { id: id(), at: now, tabId: 1000 + k, origin };
        code.status = 'used';
        code.reservation = reservation;
        code.history.push({ at: now, status: 'reserved', reason: 'reserved', origin }, { at: now + 900, status: 'used', reason: 'accepted', origin });
        const event = (from: string, to: string, reason: string): VaultEvent => ({
          id: id(),
          at: now,
          kind: 'code-status-changed',
          accountId: account.id,
          codeId: code.id,
          detail: { seq: k, from, to, reason, origin },
        });
        vault.events.push(event('unused', 'reserved', 'reserved'), event('reserved', 'used', 'accepted'));
      }
      vault.codes.push(code);
    }
  }
  return vault;
}

/** What storage.sync would hold for `vault`, or null past the budget: `plan(vault)` is planSyncWrite from empty. */
export type Fits = (vault: SyncVault) => Promise<{ ok: boolean; bytes: number }>;

/** The most accounts of `codesPerAccount` codes (two used each) that fit, by bisection. */
export async function largestFit(fits: Fits, codesPerAccount: number, usedPerAccount = 2): Promise<{ accounts: number; bytes: number }> {
  let lo = 0;
  let hi = 1;
  const ok = async (n: number) => (await fits(realisticVault({ accounts: n, codesPerAccount, usedPerAccount }))).ok;
  while (await ok(hi)) [lo, hi] = [hi, hi * 2];
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (await ok(mid)) lo = mid;
    else hi = mid;
  }
  return { accounts: lo, bytes: (await fits(realisticVault({ accounts: lo, codesPerAccount, usedPerAccount }))).bytes };
}
