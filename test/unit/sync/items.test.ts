// The storage.sync item format (src/sync/items.ts): what a device writes, what another reads back,
// that nothing readable travels, that only changed accounts are written again, that every item
// stays inside the browsers' quotas, and that a tampered item is skipped while the rest syncs.
import { describe, expect, it } from 'vitest';
import { createVault, type VaultHeader } from '../../../src/crypto';
import {
  HEADER_KEY,
  INDEX_KEY,
  SKIP_REASONS,
  SYNC_QUOTA,
  decodeSync,
  itemBytes,
  parsePartKey,
  planSyncWrite,
  type SyncWrite,
} from '../../../src/sync';
import { SYNC_EVENTS_PER_ACCOUNT } from '../../../src/sync/payload';
import type { SyncVault } from '../../../src/vault/sync-merge';
import { FAST_KDF, flipByte } from '../crypto/helpers';
import { realisticVault } from './fixture';

const { header, vaultKey } = await createVault('correct horse battery staple', FAST_KDF);

/** storage.sync after a write: the old items, the new ones set, the removed ones gone. */
function applied(remote: Record<string, unknown>, write: SyncWrite): Record<string, unknown> {
  const next = { ...remote, ...structuredClone(write.set) };
  for (const key of write.remove) delete next[key];
  return next;
}

async function write(vault: SyncVault, remote: Record<string, unknown> = {}, key = vaultKey, h: VaultHeader = header) {
  const plan = await planSyncWrite(key, h, vault, remote, await decodeSync(key, remote));
  if (!plan.ok) throw new Error(`test setup: the vault did not fit (${plan.bytes} bytes)`);
  return { plan, items: applied(remote, plan) };
}

const sortById = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('storage.sync items', () => {
  const vault = realisticVault({ accounts: 3, codesPerAccount: 10 });
  vault.tombstones.push({ accountId: 'gone-account', at: 1 });

  it('gives another device holding the vault key the same accounts, codes, events and tombstones', async () => {
    const { items } = await write(vault);
    const decoded = await decodeSync(vaultKey, items);
    expect(decoded.skipped).toEqual([]);
    expect(decoded.header).toEqual(header);
    expect(sortById(decoded.vault.accounts)).toEqual(sortById(vault.accounts));
    expect(sortById(decoded.vault.codes)).toEqual(sortById(vault.codes));
    expect(sortById(decoded.vault.events)).toEqual(sortById(vault.events));
    expect(decoded.vault.tombstones).toEqual(vault.tombstones);
  });

  it('writes one header, one index and one part per account of this size', async () => {
    const { items } = await write(vault);
    const parts = Object.keys(items).filter((k) => parsePartKey(k));
    expect(Object.keys(items).sort()).toEqual([HEADER_KEY, INDEX_KEY, ...parts].sort());
    expect(new Set(parts.map((k) => parsePartKey(k)!.slot)).size).toBe(3);
  });

  it('carries no label, site, origin, code, id or count in plaintext', async () => {
    const { items } = await write(vault);
    const text = JSON.stringify(items);
    const secrets = [
      ...vault.accounts.flatMap((a) => [a.id, a.label, 'x.com', '"x"']),
      ...vault.codes.flatMap((c) => [c.value, c.id]),
      ...vault.events.map((e) => e.id),
      'gone-account',
      'unused',
      'captured',
    ];
    for (const secret of secrets) expect(text).not.toContain(secret);
    const { [HEADER_KEY]: _h, ...sealed } = items;
    // Each sealed value holds its format version, nonce and ciphertext (parts: part count, write id).
    for (const value of Object.values(sealed)) expect(Object.keys(value as object).sort()).toEqual(expect.arrayContaining(['c', 'n', 'v']));
  });

  it('names an account by the same key on every device, and differently under another vault key', async () => {
    const first = Object.keys((await write(vault)).items);
    const again = Object.keys((await write(vault)).items);
    expect(again.sort()).toEqual(first.sort());
    const other = await createVault('another passphrase entirely', FAST_KDF);
    const elsewhere = Object.keys((await write(vault, {}, other.vaultKey, other.header)).items).filter((k) => parsePartKey(k));
    for (const key of elsewhere) expect(first).not.toContain(key);
  });

  it('writes nothing when nothing changed, and only the changed account and the index when one code did', async () => {
    const { items } = await write(vault);
    const { plan: idle } = await write(vault, items);
    expect(idle.set).toEqual({});
    expect(idle.remove).toEqual([]);

    const used = structuredClone(vault);
    const code = used.codes.find((c) => c.status === 'unused')!;
    code.status = 'used';
    code.history.push({ at: 2_000_000_000_000, status: 'used', reason: 'accepted' });
    const { plan } = await write(used, items);
    const changed = Object.keys(plan.set).filter((k) => parsePartKey(k));
    expect(new Set(changed.map((k) => parsePartKey(k)!.slot)).size).toBe(1);
    expect(Object.keys(plan.set)).not.toContain(INDEX_KEY);
    expect(Object.keys(plan.set)).not.toContain(HEADER_KEY);
  });

  it('removes a deleted account\'s items and keeps its tombstone in the index', async () => {
    const { items } = await write(vault);
    const gone = vault.accounts[0]!;
    const after: SyncVault = {
      ...vault,
      accounts: vault.accounts.slice(1),
      codes: vault.codes.filter((c) => c.accountId !== gone.id),
      events: vault.events.filter((e) => e.accountId !== gone.id),
      tombstones: [...vault.tombstones, { accountId: gone.id, at: 5 }],
    };
    const { plan, items: next } = await write(after, items);
    expect(plan.remove.length).toBe(1);
    expect(Object.keys(plan.set)).toEqual([INDEX_KEY]);
    const decoded = await decodeSync(vaultKey, next);
    expect(decoded.vault.accounts.map((a) => a.id)).not.toContain(gone.id);
    expect(decoded.vault.tombstones).toContainEqual({ accountId: gone.id, at: 5 });
  });

  it('rewrites the header when the passphrase changed, and the index that vouches for it, nothing else', async () => {
    const { items } = await write(vault);
    expect((await decodeSync(vaultKey, items)).vouchedSalt).toBe(header.salt);
    const rewrapped = { ...header, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' };
    const { plan, items: next } = await write(vault, items, vaultKey, rewrapped);
    expect(Object.keys(plan.set).sort()).toEqual([HEADER_KEY, INDEX_KEY]);
    expect((await decodeSync(vaultKey, next)).vouchedSalt).toBe(rewrapped.salt);
  });

  it('carries an account\'s newest events only, so the log cannot outgrow the quota', async () => {
    const busy = realisticVault({ accounts: 1, codesPerAccount: 60, usedPerAccount: 40 });
    const { items } = await write(busy);
    const decoded = await decodeSync(vaultKey, items);
    const newest = [...busy.events].sort((a, b) => a.at - b.at).slice(-SYNC_EVENTS_PER_ACCOUNT);
    expect(sortById(decoded.vault.events)).toEqual(sortById(newest));
    expect(decoded.vault.codes).toHaveLength(60);
  });
});

describe('storage.sync quotas', () => {
  it('splits an account too large for one item across parts, each under 8,192 bytes', async () => {
    const big = realisticVault({ accounts: 1, codesPerAccount: 300, usedPerAccount: 0 });
    const { plan, items } = await write(big);
    const parts = Object.keys(plan.set).filter((k) => parsePartKey(k));
    expect(parts.length).toBeGreaterThan(1);
    for (const [key, value] of Object.entries(items)) expect(itemBytes(key, value)).toBeLessThanOrEqual(SYNC_QUOTA.itemBytes);
    expect((await decodeSync(vaultKey, items)).vault.codes).toHaveLength(300);
  });

  it('shrinks an account that lost codes back to fewer parts and removes the rest', async () => {
    const big = realisticVault({ accounts: 1, codesPerAccount: 300, usedPerAccount: 0 });
    const { items } = await write(big);
    const small = { ...big, codes: big.codes.slice(0, 5) };
    const { plan, items: next } = await write(small, items);
    expect(plan.remove.length).toBeGreaterThan(0);
    expect(Object.keys(next).filter((k) => parsePartKey(k))).toHaveLength(1);
    expect((await decodeSync(vaultKey, next)).vault.codes).toHaveLength(5);
  });

  it('refuses, with its size, a vault past the budget, before writing anything', async () => {
    const huge = realisticVault({ accounts: 60, codesPerAccount: 20 });
    const plan = await planSyncWrite(vaultKey, header, huge, {}, { payloads: new Map() });
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.bytes).toBeGreaterThan(plan.budget);
    expect(plan.budget).toBeLessThan(SYNC_QUOTA.totalBytes);
  });
});

describe('a tampered storage.sync item', () => {
  const vault = realisticVault({ accounts: 3, codesPerAccount: 10 });

  async function synced() {
    const { items } = await write(vault);
    const parts = Object.keys(items).filter((k) => parsePartKey(k)).sort();
    return { items, parts };
  }

  it('is skipped with a notice, and the other accounts still sync', async () => {
    const { items, parts } = await synced();
    const bad = items[parts[0]!] as { c: string };
    const decoded = await decodeSync(vaultKey, { ...items, [parts[0]!]: { ...bad, c: flipByte(bad.c, 10) } });
    expect(decoded.skipped).toEqual([{ key: parts[0], reason: SKIP_REASONS.tampered }]);
    expect(decoded.vault.accounts).toHaveLength(2);
    expect(decoded.vault.codes).toHaveLength(20);
  });

  it('is detected when moved under another account\'s key', async () => {
    const { items, parts } = await synced();
    const decoded = await decodeSync(vaultKey, { ...items, [parts[0]!]: items[parts[1]!] });
    expect(decoded.skipped).toEqual([{ key: parts[0], reason: SKIP_REASONS.tampered }]);
    expect(decoded.vault.accounts).toHaveLength(2);
  });

  it('is detected when its part count is changed, or it is not an item at all', async () => {
    const { items, parts } = await synced();
    const one = items[parts[0]!] as { p: number };
    for (const bad of [{ ...one, p: 2 }, 'text', null, { v: 1 }]) {
      const decoded = await decodeSync(vaultKey, { ...items, [parts[0]!]: bad, [`${parts[0]!.slice(0, -1)}1`]: { ...one, p: 2 } });
      expect(decoded.skipped).toEqual([{ key: parts[0], reason: SKIP_REASONS.tampered }]);
    }
  });

  it('in the index loses the tombstones only, with a notice', async () => {
    const { items } = await synced();
    const index = items[INDEX_KEY] as { c: string };
    const decoded = await decodeSync(vaultKey, { ...items, [INDEX_KEY]: { ...index, c: flipByte(index.c, 3) } });
    expect(decoded.skipped).toEqual([{ key: INDEX_KEY, reason: SKIP_REASONS.tampered }]);
    expect(decoded.vault.accounts).toHaveLength(3);
  });

  it('from a newer Sparekey is skipped as such, not called tampered', async () => {
    const { items, parts } = await synced();
    const decoded = await decodeSync(vaultKey, { ...items, [parts[0]!]: { ...(items[parts[0]!] as object), v: 2 } });
    expect(decoded.skipped).toEqual([{ key: parts[0], reason: SKIP_REASONS.newer }]);
  });

  it('whose parts come from two different writes waits as incomplete (sync has not delivered all)', async () => {
    const big = realisticVault({ accounts: 1, codesPerAccount: 300, usedPerAccount: 0 });
    const first = (await write(big)).items;
    const second = (await write(big, {})).items;
    const secondPart = Object.keys(first).find((k) => parsePartKey(k)?.k === 1)!;
    const mixed = { ...first, [secondPart]: second[secondPart] };
    const decoded = await decodeSync(vaultKey, mixed);
    expect(decoded.skipped.map((s) => s.reason)).toEqual([SKIP_REASONS.incomplete]);
  });

  it('is undone by the next write, which seals that account again', async () => {
    const { items, parts } = await synced();
    const bad = items[parts[0]!] as { c: string };
    const tampered = { ...items, [parts[0]!]: { ...bad, c: flipByte(bad.c, 10) } };
    const { items: healed } = await write(vault, tampered);
    expect((await decodeSync(vaultKey, healed)).skipped).toEqual([]);
  });

  it('that is the header is reported, not trusted', async () => {
    const { items } = await synced();
    const decoded = await decodeSync(vaultKey, { ...items, [HEADER_KEY]: { v: 1, salt: 'x' } });
    expect(decoded.headerTampered).toBe(true);
    expect(decoded.header).toBeUndefined();
  });
});
