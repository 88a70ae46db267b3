import { afterEach, describe, expect, it } from 'vitest';
import { TamperedError, openRecord, sealRecord, unlockVault, type SealedRecord } from '../../../src/crypto';
import type { TestVault } from './helpers';
import { PASSPHRASE, openTestVault, rawDump, sampleAccount, sampleCode, sampleEvent } from './helpers';
import { flipByte } from '../crypto/helpers';

let vault: TestVault | undefined;
afterEach(() => vault?.db.close());

async function open(): Promise<TestVault> {
  vault = await openTestVault();
  return vault;
}

const alice = sampleAccount('acc-a', { label: '@alice_handle', site: 'github' });
const bob = sampleAccount('acc-b', { label: 'bob@example.org', site: 'twitter', origins: ['https://x.com'] });
const codesOfAlice = [
  sampleCode('code-a1', 'acc-a', 'QWERTY123456', 1),
  sampleCode('code-a2', 'acc-a', 'ZXCVBN654321', 2),
];
const codeOfBob = sampleCode('code-b1', 'acc-b', '7f3a9-c2e1b', 1);

describe('VaultStore round trip', () => {
  it('loads back the accounts and codes it committed', async () => {
    const { store } = await open();
    await store.commit({ putAccounts: [alice, bob], putCodes: [...codesOfAlice, codeOfBob] });
    const loaded = await store.loadAll();
    expect(loaded.errors).toEqual([]);
    expect(loaded.accounts.sort((a, b) => a.id.localeCompare(b.id))).toEqual([alice, bob]);
    expect(loaded.codes.sort((a, b) => a.id.localeCompare(b.id))).toEqual([...codesOfAlice, codeOfBob]);
  });

  it('replaces records by id and deletes the ids it is given', async () => {
    const { store } = await open();
    await store.commit({ putAccounts: [alice, bob], putCodes: [...codesOfAlice, codeOfBob] });
    const used = { ...codesOfAlice[0]!, status: 'used' as const };
    await store.commit({ putCodes: [used], deleteAccountIds: ['acc-b'], deleteCodeIds: ['code-b1'] });
    const loaded = await store.loadAll();
    expect(loaded.accounts).toEqual([alice]);
    expect(loaded.codes.find((c) => c.id === 'code-a1')?.status).toBe('used');
    expect(loaded.codes.map((c) => c.id).sort()).toEqual(['code-a1', 'code-a2']);
  });

  it('keeps each code findable by its account through the accountId index', async () => {
    const { store, db } = await open();
    await store.commit({ putAccounts: [alice, bob], putCodes: [...codesOfAlice, codeOfBob] });
    expect((await db.getAllKeysFromIndex('codes', 'accountId', 'acc-a')).sort()).toEqual(['code-a1', 'code-a2']);
  });

  it('opens an empty vault to nothing', async () => {
    const { store } = await open();
    expect(await store.loadAll()).toEqual({ accounts: [], codes: [], errors: [] });
  });
});

describe('VaultStore at rest', () => {
  it('stores no code value, label or site name in plaintext in any object store', async () => {
    const { store, db } = await open();
    await store.commit({
      putAccounts: [alice, bob],
      putCodes: [...codesOfAlice, codeOfBob],
      events: [sampleEvent('evt-1', 'acc-a'), { ...sampleEvent('evt-2', 'acc-b'), detail: { site: 'twitter', label: 'bob@example.org' } }],
    });
    const serialized = JSON.stringify(await rawDump(db));
    expect(serialized).toContain('acc-a'); // the scan does see the rows
    for (const secret of ['QWERTY123456', 'ZXCVBN654321', '7f3a9-c2e1b', '@alice_handle', 'bob@example.org', 'alice', 'github', 'twitter', 'x.com']) {
      expect(serialized, secret).not.toContain(secret);
    }
  });

  it('writes rows of ids and sealed records only', async () => {
    const { store, db } = await open();
    await store.commit({ putAccounts: [alice], putCodes: [codesOfAlice[0]!], events: [sampleEvent('evt-1', 'acc-a')] });
    const dump = await rawDump(db);
    expect(Object.keys(dump.accounts![0] as object).sort()).toEqual(['id', 'sealed']);
    expect(Object.keys(dump.codes![0] as object).sort()).toEqual(['accountId', 'id', 'sealed']);
    expect(Object.keys(dump.events![0] as object).sort()).toEqual(['id', 'sealed']);
  });
});

describe('VaultStore.commit is all or nothing', () => {
  async function committedBaseline() {
    const v = await open();
    await v.store.commit({ putAccounts: [alice], putCodes: codesOfAlice, events: [sampleEvent('evt-1', 'acc-a')] });
    return { ...v, before: await v.store.loadAll(), rawBefore: await rawDump(v.db) };
  }

  it('leaves the previous state intact when a request fails midway (an event id already in the log)', async () => {
    const { store, db, before, rawBefore } = await committedBaseline();
    const change = store.commit({
      deleteCodeIds: ['code-a1'],
      putAccounts: [bob, { ...alice, label: '@renamed' }],
      putCodes: [codeOfBob, { ...codesOfAlice[1]!, status: 'used' }],
      events: [sampleEvent('evt-2', 'acc-b'), sampleEvent('evt-1', 'acc-a')],
    });
    await expect(change).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await store.loadAll()).toEqual(before);
    expect(await rawDump(db)).toEqual(rawBefore);
  });

  it('leaves the previous state intact when a put throws halfway through', async () => {
    const { store, db, before, rawBefore } = await committedBaseline();
    // An object is not a valid IndexedDB key: the third put throws after two were queued.
    const badKey = { ...codeOfBob, id: {} as unknown as string };
    await expect(store.commit({ putAccounts: [bob], putCodes: [codesOfAlice[0]!, badKey] })).rejects.toMatchObject({ name: 'DataError' });
    expect(await store.loadAll()).toEqual(before);
    expect(await rawDump(db)).toEqual(rawBefore);
  });

  it('writes nothing when a value cannot be sealed', async () => {
    const { store, db, rawBefore } = await committedBaseline();
    const unserialisable = { ...codeOfBob, seq: 10n as unknown as number };
    await expect(store.commit({ putAccounts: [bob], putCodes: [unserialisable] })).rejects.toThrow(TypeError);
    expect(await rawDump(db)).toEqual(rawBefore);
  });

  it('keeps working after a failed commit', async () => {
    const { store } = await committedBaseline();
    await expect(store.commit({ events: [sampleEvent('evt-1')] })).rejects.toBeDefined();
    await store.commit({ putAccounts: [bob] });
    expect((await store.loadAll()).accounts.map((a) => a.id).sort()).toEqual(['acc-a', 'acc-b']);
  });
});

describe('VaultStore with a tampered record', () => {
  it('reports the tampered record by id, loads the others and leaves the damaged row as it is', async () => {
    const { store, db } = await open();
    await store.commit({ putAccounts: [alice, bob], putCodes: [...codesOfAlice, codeOfBob] });
    const row = await db.get('codes', 'code-a2');
    const damaged = { ...row!, sealed: { ...row!.sealed, c: flipByte(row!.sealed.c, 3) } };
    await db.put('codes', damaged);

    const loaded = await store.loadAll();
    expect(loaded.accounts).toHaveLength(2);
    expect(loaded.codes.map((c) => c.id).sort()).toEqual(['code-a1', 'code-b1']);
    expect(loaded.errors).toHaveLength(1);
    expect(loaded.errors[0]).toBeInstanceOf(TamperedError);
    expect(loaded.errors[0]).toMatchObject({ where: 'codes/code-a2' });
    expect(await db.get('codes', 'code-a2')).toEqual(damaged);
  });

  it('reports a sealed record copied into another row', async () => {
    const { store, db } = await open();
    await store.commit({ putAccounts: [alice], putCodes: codesOfAlice });
    const source = await db.get('codes', 'code-a1');
    await db.put('codes', { ...source!, id: 'code-a2' });
    const loaded = await store.loadAll();
    expect(loaded.codes.map((c) => c.id)).toEqual(['code-a1']);
    expect(loaded.errors).toMatchObject([{ code: 'tampered', where: 'codes/code-a2' }]);
  });

  it('reports a code whose plaintext account id was moved to another account', async () => {
    const { store, db } = await open();
    await store.commit({ putAccounts: [alice, bob], putCodes: codesOfAlice });
    const row = await db.get('codes', 'code-a1');
    await db.put('codes', { ...row!, accountId: 'acc-b' });
    const loaded = await store.loadAll();
    expect(loaded.codes.map((c) => c.id)).toEqual(['code-a2']);
    expect(loaded.errors).toMatchObject([{ code: 'tampered', where: 'codes/code-a1' }]);
  });

  it('reports an account row whose sealed record is missing or of an unknown version', async () => {
    const { store, db, vaultKey } = await open();
    await store.commit({ putAccounts: [alice, bob] });
    await db.put('accounts', { id: 'acc-a' } as never);
    const sealed = sealRecord(vaultKey, 'accounts', 'acc-b', bob);
    await db.put('accounts', { id: 'acc-b', sealed: { ...sealed, v: 2 } as unknown as SealedRecord });
    const loaded = await store.loadAll();
    expect(loaded.accounts).toEqual([]);
    expect(loaded.errors).toMatchObject([
      { code: 'tampered', where: 'accounts/acc-a' },
      { code: 'unsupported-version', where: 'accounts/acc-b', version: 2 },
    ]);
  });
});

describe('VaultStore.loadEvents', () => {
  const events = [
    sampleEvent('01HZ0000000000000000000001', 'acc-a', 1),
    sampleEvent('01HZ0000000000000000000002', 'acc-b', 2),
    sampleEvent('01HZ0000000000000000000003', 'acc-a', 3),
    sampleEvent('01HZ0000000000000000000004', undefined, 4),
  ];

  it('returns events newest first', async () => {
    const { store } = await open();
    await store.commit({ events: [events[2]!, events[0]!, events[3]!, events[1]!] });
    expect((await store.loadEvents()).events.map((e) => e.at)).toEqual([4, 3, 2, 1]);
  });

  it('filters by account and stops at the limit', async () => {
    const { store } = await open();
    await store.commit({ events });
    expect((await store.loadEvents({ accountId: 'acc-a' })).events.map((e) => e.at)).toEqual([3, 1]);
    expect((await store.loadEvents({ limit: 2 })).events.map((e) => e.at)).toEqual([4, 3]);
    expect((await store.loadEvents({ accountId: 'acc-a', limit: 1 })).events.map((e) => e.at)).toEqual([3]);
    expect((await store.loadEvents({ limit: 0 })).events).toEqual([]);
  });

  it('reports a tampered event and returns the rest', async () => {
    const { store, db } = await open();
    await store.commit({ events });
    const row = await db.get('events', events[1]!.id);
    await db.put('events', { ...row!, sealed: { ...row!.sealed, n: flipByte(row!.sealed.n, 0) } });
    const { events: loaded, errors } = await store.loadEvents();
    expect(loaded.map((e) => e.at)).toEqual([4, 3, 1]);
    expect(errors).toMatchObject([{ code: 'tampered', where: `events/${events[1]!.id}` }]);
  });
});

describe('VaultStore header', () => {
  it('reads back the header the vault was created with', async () => {
    const { store, header } = await open();
    expect(await store.readHeader()).toEqual(header);
  });

  it('wipes every store, header included', async () => {
    const { store, db } = await open();
    await store.commit({ putAccounts: [alice], putCodes: codesOfAlice, events: [sampleEvent('evt-1')] });
    await store.wipe();
    expect(await rawDump(db)).toEqual({ accounts: [], codes: [], events: [], meta: [] });
    expect(await store.readHeader()).toBeUndefined();
  });

  it('leaves records sealed under the vault key readable after a header is unlocked again', async () => {
    const { store, db } = await open();
    await store.commit({ putCodes: [codeOfBob] });
    const key = await unlockVault((await store.readHeader())!, PASSPHRASE);
    const row = await db.get('codes', 'code-b1');
    expect(openRecord(key, 'codes', 'code-b1', row!.sealed)).toEqual(codeOfBob);
  });
});
