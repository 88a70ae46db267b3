// Tampering with the event log at rest (the `events` store). The log is what tells a person what
// happened to each code, so a damaged entry must be named, never silently dropped: history/list
// reports it as `damaged`, returns every other event, and nothing written afterwards replaces it.
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../src/crypto';
import { openVaultDb, STORES } from '../../../src/store';
import { PASS, X_CODES, makeRig, memoryKv, rigWithX, type Rig } from '../background/rig';

type Row = { id: string; sealed: { v: number; n: string; c: string } };

async function eventRows(rig: Rig): Promise<Row[]> {
  const db = await openVaultDb({ indexedDB: rig.factory });
  const all = (await db.getAll(STORES.events)) as Row[];
  db.close();
  return all;
}

async function putEvent(rig: Rig, row: Row): Promise<void> {
  const db = await openVaultDb({ indexedDB: rig.factory });
  await db.put(STORES.events, row as never);
  db.close();
}

/** Byte i of nonce ‖ ciphertext with one bit flipped (bit i mod 8), re-encoded as stored. */
function flipped(row: Row, i: number): Row {
  const n = fromBase64(row.sealed.n);
  const c = fromBase64(row.sealed.c);
  const inNonce = i < n.length;
  const copy = (inNonce ? n : c).slice();
  copy[inNonce ? i : i - n.length]! ^= 1 << (i % 8);
  return { ...row, sealed: { ...row.sealed, [inNonce ? 'n' : 'c']: toBase64(copy) } };
}

const sizeOf = (row: Row) => fromBase64(row.sealed.n).length + fromBase64(row.sealed.c).length;

/** A vault with a few kinds of events: account added, codes added, a status change, a rename. */
async function livedIn() {
  const { rig, accountId } = await rigWithX(X_CODES.slice(0, 3));
  const first = (await rig.ok('accounts/get', { accountId })).codes[0]!;
  await rig.ok('codes/set-status', { accountId, codeId: first.id, status: 'used' });
  await rig.ok('accounts/rename', { accountId, label: '@alice_renamed' });
  const { events, damaged } = await rig.ok('history/list', {});
  expect(damaged).toEqual([]);
  expect(events.length).toBeGreaterThanOrEqual(4);
  return { rig, accountId, events };
}

describe('a tampered event log', () => {
  it('names every flipped byte of an event record as damaged and still lists every other event', async () => {
    const { rig, events } = await livedIn();
    const rows = await eventRows(rig);
    // The event in the middle of the log: something before and after it must still be listed.
    const victim = rows.sort((a, b) => a.id.localeCompare(b.id))[Math.floor(rows.length / 2)]!;
    const others = events.filter((e) => e.id !== victim.id);
    const total = sizeOf(victim);
    expect(total).toBeGreaterThan(40);
    for (let i = 0; i < total; i++) {
      await putEvent(rig, flipped(victim, i));
      const reply = await rig.ok('history/list', {});
      expect(reply.damaged, `byte ${i}`).toEqual([`${STORES.events}/${victim.id}`]);
      expect(reply.events, `byte ${i}`).toEqual(others);
    }
    await putEvent(rig, victim);
    expect(await rig.ok('history/list', {})).toEqual({ events, damaged: [] });
  });

  it('reports a damaged event even when listing one account (its account id is sealed inside it)', async () => {
    const { rig, accountId, events } = await livedIn();
    const bob = await rig.ok('accounts/add', { site: 'x', label: '@bob' });
    const victim = (await eventRows(rig)).find((r) => r.id === events.find((e) => e.kind === 'codes-added')!.id)!;
    await putEvent(rig, flipped(victim, 50));
    const alice = await rig.ok('history/list', { accountId });
    expect(alice.damaged).toEqual([`${STORES.events}/${victim.id}`]);
    expect(alice.events.map((e) => e.id)).toEqual(events.filter((e) => e.id !== victim.id && e.accountId === accountId).map((e) => e.id));
    const forBob = await rig.ok('history/list', { accountId: bob.id });
    expect(forBob.events.map((e) => e.kind)).toEqual(['account-added']);
    expect(forBob.damaged).toEqual([`${STORES.events}/${victim.id}`]);
  });

  it('refuses an event record copied into another event slot, and an unknown record version', async () => {
    const { rig } = await livedIn();
    const [a, b, c] = (await eventRows(rig)).sort((x, y) => x.id.localeCompare(y.id));
    await putEvent(rig, { ...a!, id: b!.id });
    await putEvent(rig, { ...c!, sealed: { ...c!.sealed, v: 2 } });
    const reply = await rig.ok('history/list', {});
    expect([...reply.damaged].sort()).toEqual([`${STORES.events}/${b!.id}`, `${STORES.events}/${c!.id}`].sort());
    expect(reply.events.map((e) => e.id)).not.toContain(b!.id);
    expect(reply.events.map((e) => e.id)).toContain(a!.id);
  });

  it('keeps the damaged record byte for byte while the person keeps working, and the vault still opens', async () => {
    const { rig, accountId } = await livedIn();
    const victim = (await eventRows(rig))[1]!;
    const broken = flipped(victim, 33);
    await putEvent(rig, broken);
    // A browser restart: unlock by passphrase. Accounts and codes are not affected by a bad event.
    const fresh = makeRig({ factory: rig.factory, local: rig.local, session: memoryKv(), clock: { now: rig.clock.now + 60_000 } });
    expect((await fresh.ok('vault/unlock', { passphrase: PASS })).damaged).toEqual([]);
    await fresh.ok('codes/add', { accountId, values: X_CODES.slice(3, 5), source: 'paste' });
    await fresh.ok('accounts/rename', { accountId, label: '@alice_again' });
    const file = await fresh.ok('backup/export', { passphrase: PASS, own: false });
    await fresh.ok('backup/restore', { text: file.text, passphrase: PASS });
    expect((await eventRows(rig)).find((r) => r.id === victim.id)).toEqual(broken);
    const reply = await fresh.ok('history/list', {});
    expect(reply.damaged).toEqual([`${STORES.events}/${victim.id}`]);
    expect(reply.events[0]!.kind).toBe('backup-restored');
    expect((await fresh.ok('accounts/get', { accountId })).total).toBe(5);
  });

  it('restores a backup made before the damage without touching the damaged record', async () => {
    const { rig, accountId } = await livedIn();
    const file = await rig.ok('backup/export', { passphrase: PASS, own: false });
    const victim = (await eventRows(rig))[2]!;
    const broken = flipped(victim, 7);
    await putEvent(rig, broken);
    // The backup holds that event too: the log must not try to append it again over the damaged
    // copy (that would fail the whole restore), nor replace it.
    const summary = await rig.ok('backup/restore', { text: file.text, passphrase: PASS });
    expect(summary).toMatchObject({ codesAdded: 0, accountsMerged: 1 });
    expect((await eventRows(rig)).find((r) => r.id === victim.id)).toEqual(broken);
    expect((await rig.ok('history/list', {})).damaged).toEqual([`${STORES.events}/${victim.id}`]);
    expect((await rig.ok('accounts/get', { accountId })).total).toBe(3);
  });

  it('with a limit, still names the damaged records it passed on the way', async () => {
    const { rig, events } = await livedIn();
    const newest = (await eventRows(rig)).find((r) => r.id === events[0]!.id)!;
    await putEvent(rig, flipped(newest, 0));
    const reply = await rig.ok('history/list', { limit: 2 });
    expect(reply.damaged).toEqual([`${STORES.events}/${newest.id}`]);
    expect(reply.events).toEqual(events.slice(1, 3));
  });
});
