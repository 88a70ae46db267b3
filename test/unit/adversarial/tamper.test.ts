// Tampering with the vault at rest: every byte of a sealed account and code record, and of the
// header, flipped one at a time. Each is detected with an error naming the record; the rest of the
// vault still opens; and nothing the person does afterwards overwrites the damaged record.
import { describe, expect, it } from 'vitest';
import { openVaultDb, STORES } from '../../../src/store';
import { fromBase64, toBase64 } from '../../../src/crypto';
import { PASS, X_CODES, makeRig, memoryKv, rigWithX, type Rig } from '../background/rig';

type Row = { id: string; sealed: { v: number; n: string; c: string } };

async function rows(rig: Rig, store: 'accounts' | 'codes'): Promise<Row[]> {
  const db = await openVaultDb({ indexedDB: rig.factory });
  const all = (await db.getAll(store)) as Row[];
  db.close();
  return all;
}

async function put(rig: Rig, store: 'accounts' | 'codes' | 'meta', row: unknown, key?: string) {
  const db = await openVaultDb({ indexedDB: rig.factory });
  await (key ? db.put(store as 'meta', row, key) : db.put(store as 'codes', row as never));
  db.close();
}

/** The sealed bytes (nonce ‖ ciphertext) with byte i flipped, re-encoded the way they are stored. */
function flipped(row: Row, i: number): Row {
  const n = fromBase64(row.sealed.n);
  const c = fromBase64(row.sealed.c);
  const bytes = [n, c];
  const target = i < n.length ? 0 : 1;
  const at = i < n.length ? i : i - n.length;
  const copy = bytes[target]!.slice();
  copy[at]! ^= 0x01 << (i % 8);
  return {
    ...row,
    sealed: { ...row.sealed, [target ? 'c' : 'n']: toBase64(copy) },
  };
}

const sizeOf = (row: Row) => fromBase64(row.sealed.n).length + fromBase64(row.sealed.c).length;

/** A fresh worker after a browser restart: nothing in storage.session, unlock by passphrase. */
async function reopen(rig: Rig) {
  const fresh = makeRig({ factory: rig.factory, local: rig.local, session: memoryKv() });
  const status = await fresh.ok('vault/unlock', { passphrase: PASS });
  return { fresh, status };
}

describe('a vault tampered with at rest', () => {
  it('detects every flipped byte of a code record, names it, and opens the rest', async () => {
    const { rig, accountId } = await rigWithX(X_CODES.slice(0, 3));
    const [victim, ...others] = (await rows(rig, 'codes')).sort((a, b) => a.id.localeCompare(b.id));
    const total = sizeOf(victim!);
    for (let i = 0; i < total; i++) {
      await put(rig, 'codes', flipped(victim!, i));
      const { fresh, status } = await reopen(rig);
      expect(status.damaged).toEqual([`${STORES.codes}/${victim!.id}`]);
      expect((await fresh.ok('accounts/get', { accountId })).codes.map((c) => c.id).sort()).toEqual(others.map((o) => o.id).sort());
    }
    await put(rig, 'codes', victim);
    expect((await reopen(rig)).status.damaged).toEqual([]);
  }, 120_000);

  it('detects every flipped byte of an account record and opens the other accounts', async () => {
    const { rig, accountId } = await rigWithX(X_CODES.slice(0, 1));
    const bob = await rig.ok('accounts/add', { site: 'x', label: '@bob' });
    const victim = (await rows(rig, 'accounts')).find((r) => r.id === accountId)!;
    for (let i = 0; i < sizeOf(victim); i += 3) {
      await put(rig, 'accounts', flipped(victim, i));
      const { fresh, status } = await reopen(rig);
      expect(status.damaged).toEqual([`${STORES.accounts}/${accountId}`]);
      expect((await fresh.ok('accounts/list', {})).map((a) => a.id)).toEqual([bob.id]);
    }
  }, 120_000);

  it('never overwrites a damaged record when the person keeps working', async () => {
    const { rig, accountId } = await rigWithX(X_CODES.slice(0, 2));
    const victim = (await rows(rig, 'codes'))[0]!;
    const broken = flipped(victim, 30);
    await put(rig, 'codes', broken);
    const { fresh } = await reopen(rig);
    await fresh.ok('codes/add', { accountId, values: X_CODES.slice(2, 4), source: 'paste' });
    await fresh.ok('accounts/rename', { accountId, label: '@alice2' });
    expect((await rows(rig, 'codes')).find((r) => r.id === victim.id)).toEqual(broken);
  });

  it('refuses a code record moved into another slot (swapped ids)', async () => {
    const { rig } = await rigWithX(X_CODES.slice(0, 2));
    const [a, b] = await rows(rig, 'codes');
    await put(rig, 'codes', { ...a!, id: b!.id, accountId: (b as Row & { accountId: string }).accountId });
    const { status } = await reopen(rig);
    expect(status.damaged).toEqual([`${STORES.codes}/${b!.id}`]);
  });

  it('tells a tampered header from a wrong passphrase, and loses nothing', async () => {
    const { rig } = await rigWithX(X_CODES.slice(0, 1));
    const db = await openVaultDb({ indexedDB: rig.factory });
    const header = (await db.get('meta', 'header')) as { wrappedKey: { n: string; c: string } };
    db.close();
    const c = fromBase64(header.wrappedKey.c);
    c[5]! ^= 0xff;
    await put(rig, 'meta', { ...header, wrappedKey: { ...header.wrappedKey, c: toBase64(c) } }, 'header');
    const fresh = makeRig({ factory: rig.factory, local: rig.local, session: memoryKv() });
    const reply = await fresh.send('vault/unlock', { passphrase: PASS });
    expect(reply).toMatchObject({ ok: false, error: { code: 'tampered' } });
    if (!reply.ok) expect(reply.error.message).toMatch(/header/i);
    // Putting the original back opens everything: nothing was overwritten by the failed unlock.
    await put(rig, 'meta', header, 'header');
    expect((await makeRig({ factory: rig.factory, local: rig.local, session: memoryKv() }).ok('vault/unlock', { passphrase: PASS })).state).toBe('unlocked');
  });
});
