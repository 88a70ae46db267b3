import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { MIGRATIONS, VaultStore, openVaultDb, type MigrationStep } from '../../../src/store';
import { openTestVault, sampleAccount, sampleCode, sampleEvent } from './helpers';

// Test-only v2 steps: the shipped list has one step; these show later ones run on old data.
const addEventTimeIndex: MigrationStep = (_db, tx) => {
  tx.objectStore('events').createIndex('test-v2-index', 'id', { unique: true });
};

const countCodesIntoMeta: MigrationStep = async (_db, tx) => {
  const count = await tx.objectStore('codes').count();
  await tx.objectStore('meta').put({ codesAtV2: count }, 'test-v2-marker');
};

const failingStep: MigrationStep = (_db, tx) => {
  tx.objectStore('accounts').createIndex('half-done', 'id');
  throw new Error('step failed');
};

async function vaultAtV1(factory: IDBFactory) {
  const vault = await openTestVault(factory);
  await vault.store.commit({
    putAccounts: [sampleAccount('acc-1')],
    putCodes: [sampleCode('code-1', 'acc-1', 'VALUE0001'), sampleCode('code-2', 'acc-1', 'VALUE0002', 2)],
    events: [sampleEvent('evt-1', 'acc-1')],
  });
  const before = await vault.store.loadAll();
  vault.db.close();
  return { ...vault, before };
}

describe('migrations', () => {
  it('upgrades a v1 database holding data to v2 with a new index, and the data survives', async () => {
    const factory = new IDBFactory();
    const { vaultKey, header, before } = await vaultAtV1(factory);

    const db = await openVaultDb({ indexedDB: factory, migrations: [...MIGRATIONS, addEventTimeIndex] });
    try {
      expect(db.version).toBe(2);
      const tx = db.transaction('events', 'readonly');
      expect(Array.from(tx.store.indexNames)).toContain('test-v2-index');
      await tx.done;
      const store = new VaultStore(db, vaultKey);
      expect(await store.loadAll()).toEqual(before);
      expect(await store.readHeader()).toEqual(header);
      expect((await store.loadEvents()).events.map((e) => e.id)).toEqual(['evt-1']);
    } finally {
      db.close();
    }
  });

  it('lets a step read and write data through the upgrade transaction', async () => {
    const factory = new IDBFactory();
    await vaultAtV1(factory);
    const db = await openVaultDb({ indexedDB: factory, migrations: [...MIGRATIONS, countCodesIntoMeta] });
    try {
      expect(await db.get('meta', 'test-v2-marker')).toEqual({ codesAtV2: 2 });
    } finally {
      db.close();
    }
  });

  it('runs every step in order on a new database', async () => {
    const db = await openVaultDb({ indexedDB: new IDBFactory(), migrations: [...MIGRATIONS, addEventTimeIndex, countCodesIntoMeta] });
    try {
      expect(db.version).toBe(3);
      expect(await db.get('meta', 'test-v2-marker')).toEqual({ codesAtV2: 0 });
    } finally {
      db.close();
    }
  });

  it('rejects with the step error and leaves the database at v1 with its data when a step throws', async () => {
    const factory = new IDBFactory();
    const { vaultKey, before } = await vaultAtV1(factory);

    await expect(openVaultDb({ indexedDB: factory, migrations: [...MIGRATIONS, failingStep] })).rejects.toThrow('step failed');

    const db = await openVaultDb({ indexedDB: factory });
    try {
      expect(db.version).toBe(1);
      const tx = db.transaction('accounts', 'readonly');
      expect(Array.from(tx.store.indexNames)).toEqual([]);
      await tx.done;
      expect(await new VaultStore(db, vaultKey).loadAll()).toEqual(before);
    } finally {
      db.close();
    }
  });

  it('closes its connection when a newer version wants to open, so the upgrade is not blocked', async () => {
    const factory = new IDBFactory();
    const old = await openVaultDb({ indexedDB: factory });
    const newer = await openVaultDb({ indexedDB: factory, migrations: [...MIGRATIONS, addEventTimeIndex] });
    try {
      expect(newer.version).toBe(2);
      expect(() => old.transaction('meta')).toThrow();
    } finally {
      newer.close();
    }
  });
});
