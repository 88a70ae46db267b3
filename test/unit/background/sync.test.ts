// Sync between two devices (src/background/sync.ts) over one shared storage.sync: each device a
// background of its own (rig.ts), as Chrome sync or Firefox Sync would connect them.
import { describe, expect, it } from 'vitest';
import { Sync, syncedHeaderFor, type SyncArea } from '../../../src/background/sync';
import { storedIn } from '../../../src/background/storage-item';
import { STORED } from '../../../src/background/stored';
import { HEADER_KEY, parsePartKey } from '../../../src/sync';
import { flipByte } from '../crypto/helpers';
import { PASS, X_CODES, makeRig, type Rig } from './rig';

/** storage.sync shared by every device, as the browser's sync delivers it. */
function syncedArea(): SyncArea & { data: Record<string, unknown> } {
  const area = {
    data: {} as Record<string, unknown>,
    getAll: async () => structuredClone(area.data),
    set: async (items: Record<string, unknown>) => void Object.assign(area.data, structuredClone(items)),
    remove: async (keys: string[]) => keys.forEach((k) => delete area.data[k]),
  };
  return area;
}

/** A device: its own background, syncing through `area`; flushes run when the test says. */
function device(area: SyncArea): Rig & { sync: Sync } {
  const state = { local: undefined as unknown as Rig['local'] };
  // As main.ts wires it.
  const rig = makeRig({ syncedHeader: () => syncedHeaderFor({ area, state: storedIn(STORED.sync, state.local) }) });
  state.local = rig.local;
  const sync = new Sync(rig.deps, { area, state: storedIn(STORED.sync, rig.local), later: () => undefined });
  rig.deps.sync = sync;
  return Object.assign(rig, { sync });
}

async function withAccount(rig: Rig, label: string, codes: string[], passphrase = PASS) {
  await rig.ok('vault/create', { passphrase, confirm: passphrase });
  const account = await rig.ok('accounts/add', { site: 'x', label });
  await rig.ok('codes/add', { accountId: account.id, values: codes, source: 'paste' });
  return account.id;
}

const labels = async (rig: Rig) => (await rig.ok('accounts/list', {})).map((a) => a.label).sort();
/** Vaults are told apart by their creation time (ms): two devices never create theirs in one. */
const tick = () => new Promise((r) => setTimeout(r, 3));

describe('sync between two devices', () => {
  it('is off by default and writes nothing to storage.sync', async () => {
    const area = syncedArea();
    const a = device(area);
    await withAccount(a, '@alice', X_CODES);
    expect(await a.ok('sync/status', {})).toMatchObject({ enabled: false });
    await a.sync.flush();
    expect(area.data).toEqual({});
  });

  it('lets a second device join with the same passphrase, merging both devices\' accounts', async () => {
    const area = syncedArea();
    const a = device(area);
    await withAccount(a, '@alice', X_CODES.slice(0, 3));
    expect(await a.ok('sync/set', { on: true })).toMatchObject({ enabled: true, skipped: 0 });
    expect(Object.keys(area.data)).toContain(HEADER_KEY);

    await tick();
    const b = device(area);
    await withAccount(b, '@bob', X_CODES.slice(3));
    expect(await b.ok('sync/set', { on: true })).toMatchObject({ enabled: false, joinNeeded: true });
    expect(await b.ok('sync/set', { on: true, passphrase: PASS })).toMatchObject({ enabled: true });
    expect(await labels(b)).toEqual(['@alice', '@bob']);

    await a.sync.flush();
    expect(await labels(a)).toEqual(['@alice', '@bob']);
    // B now holds A's vault: locked and unlocked with the one passphrase.
    await b.ok('vault/lock', {});
    await b.ok('vault/unlock', { passphrase: PASS });
    expect(await labels(b)).toEqual(['@alice', '@bob']);
  });

  it('refuses to join a synced vault whose passphrase is not this vault\'s, offering the backup file', async () => {
    const area = syncedArea();
    const a = device(area);
    await withAccount(a, '@alice', X_CODES);
    await a.ok('sync/set', { on: true });
    await tick();
    const b = device(area);
    await withAccount(b, '@bob', X_CODES, 'a different passphrase for bob');
    const wrong = await b.send('sync/set', { on: true, passphrase: 'a different passphrase for bob' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    const different = await b.send('sync/set', { on: true, passphrase: PASS });
    expect(different).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!different.ok && different.error.message).toMatch(/backup file/);
    expect(await labels(b)).toEqual(['@bob']);
  });

  it('carries a code used on one device to the other, which then offers the next one', async () => {
    const area = syncedArea();
    const a = device(area);
    const accountId = await withAccount(a, '@alice', X_CODES);
    await a.ok('sync/set', { on: true });
    await tick();
    const b = device(area);
    await withAccount(b, '@bob', []);
    await b.ok('sync/set', { on: true, passphrase: PASS });

    const first = (await a.ok('accounts/get', { accountId })).codes.find((c) => c.seq === 1)!;
    await a.ok('codes/set-status', { accountId, codeId: first.id, status: 'used' });
    await a.sync.flush();
    await b.sync.flush();
    const onB = await b.ok('accounts/get', { accountId });
    expect(onB.codes.find((c) => c.seq === 1)!.status).toBe('used');
    expect((await b.deps.session.unlocked()).next(accountId)?.seq).toBe(2);
    const history = await b.ok('history/list', { accountId });
    expect(history.events.some((e) => e.codeId === first.id && e.detail?.to === 'used')).toBe(true);
  });

  it('deletes on the other device an account deleted on one, and never brings it back', async () => {
    const area = syncedArea();
    const a = device(area);
    const accountId = await withAccount(a, '@alice', X_CODES);
    await a.ok('sync/set', { on: true });
    await tick();
    const b = device(area);
    await withAccount(b, '@bob', []);
    await b.ok('sync/set', { on: true, passphrase: PASS });
    await a.sync.flush();

    await a.ok('accounts/delete', { accountId, confirmLabel: '@alice' });
    await a.sync.flush();
    await b.sync.flush();
    await a.sync.flush();
    expect(await labels(b)).toEqual(['@bob']);
    expect(await labels(a)).toEqual(['@bob']);
  });

  it('merges what arrived while locked at the next unlock', async () => {
    const area = syncedArea();
    const a = device(area);
    const accountId = await withAccount(a, '@alice', X_CODES);
    await a.ok('sync/set', { on: true });
    await tick();
    const b = device(area);
    await withAccount(b, '@bob', []);
    await b.ok('sync/set', { on: true, passphrase: PASS });
    await b.ok('vault/lock', {});

    await a.ok('codes/add', { accountId, values: ['kkkk6666llll'], source: 'paste' });
    await a.sync.flush();
    await b.sync.flush(); // locked: nothing can be opened, nothing happens
    await b.ok('vault/unlock', { passphrase: PASS });
    await b.sync.flush(); // main.ts runs this after every unlock
    expect((await b.ok('accounts/get', { accountId })).codes).toHaveLength(6);
  });

  it('skips a tampered item with a notice and syncs the rest', async () => {
    const area = syncedArea();
    const a = device(area);
    await withAccount(a, '@alice', X_CODES);
    const carol = await a.ok('accounts/add', { site: 'x', label: '@carol' });
    await a.ok('codes/add', { accountId: carol.id, values: ['kkkk6666llll'], source: 'paste' });
    await a.ok('sync/set', { on: true });
    await tick();
    const b = device(area);
    await withAccount(b, '@bob', []);
    const part = Object.keys(area.data).find((k) => parsePartKey(k))!;
    const item = area.data[part] as { c: string };
    area.data[part] = { ...item, c: flipByte(item.c, 12) };
    const status = await b.ok('sync/set', { on: true, passphrase: PASS });
    expect(status.skipped).toBe(1);
    expect((await labels(b)).length).toBe(2); // bob, and the one of alice/carol that opened
  });

  it('a passphrase changed on one device is asked for on the other at its next unlock', async () => {
    const area = syncedArea();
    const a = device(area);
    await withAccount(a, '@alice', X_CODES);
    await a.ok('sync/set', { on: true });
    await tick();
    const b = device(area);
    await withAccount(b, '@bob', []);
    await b.ok('sync/set', { on: true, passphrase: PASS });

    const next = 'lantern orbit velvet thunder';
    await a.ok('vault/change-passphrase', { current: PASS, next, confirm: next });
    await a.sync.flush();
    await b.sync.flush();
    // B took the new header, vouched for by A's index (sealed under the vault key).
    expect(await b.deps.session.header()).toEqual(area.data[HEADER_KEY]);
    await b.ok('vault/lock', {});
    expect(await b.send('vault/unlock', { passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    expect(await b.send('vault/unlock', { passphrase: next })).toMatchObject({ ok: true });
    expect(await labels(b)).toEqual(['@alice', '@bob']);
  });

  it('takes a new passphrase that arrived while locked at the unlock that uses it', async () => {
    const area = syncedArea();
    const a = device(area);
    await withAccount(a, '@alice', X_CODES);
    await a.ok('sync/set', { on: true });
    await tick();
    const b = device(area);
    await withAccount(b, '@bob', []);
    await b.ok('sync/set', { on: true, passphrase: PASS });
    await b.ok('vault/lock', {});

    const next = 'lantern orbit velvet thunder';
    await a.ok('vault/change-passphrase', { current: PASS, next, confirm: next });
    await a.sync.flush();
    // Locked, B can't check the index: the unlock tries the synced header, and takes it only if
    // the key it unwraps opens B's records.
    expect(await b.send('vault/unlock', { passphrase: next })).toMatchObject({ ok: true });
    await b.ok('vault/lock', {});
    expect(await b.send('vault/unlock', { passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
  });

  it('never takes a header that no index sealed under the vault key vouches for', async () => {
    const area = syncedArea();
    const a = device(area);
    await withAccount(a, '@alice', X_CODES);
    await a.ok('sync/set', { on: true });
    const mine = await a.deps.session.header();
    // Someone with write access to the person's sync data, but not the vault key, swaps `h`.
    const forged = { ...mine!, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' };
    area.data[HEADER_KEY] = forged;
    await a.sync.flush();
    expect(await a.deps.session.header()).toEqual(mine);
    await a.ok('vault/lock', {});
    expect(await a.send('vault/unlock', { passphrase: PASS })).toMatchObject({ ok: true });
  });
});
