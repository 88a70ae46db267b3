import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import type { IDBPDatabase } from 'idb';
import { DB_NAME, MIGRATIONS, openVaultDb, type SparekeyDB } from '../../../src/store';
import './helpers';

let db: IDBPDatabase<SparekeyDB> | undefined;
afterEach(() => db?.close());

describe('schema v1', () => {
  it('creates the sparekey database at version 1 with meta, accounts, codes and events', async () => {
    db = await openVaultDb({ indexedDB: new IDBFactory() });
    expect(db.name).toBe(DB_NAME);
    expect(db.version).toBe(1);
    expect(MIGRATIONS).toHaveLength(1);
    expect(Array.from(db.objectStoreNames).sort()).toEqual(['accounts', 'codes', 'events', 'meta']);
  });

  it('keys meta out of line and every other store by id, with codes indexed by account', async () => {
    db = await openVaultDb({ indexedDB: new IDBFactory() });
    const tx = db.transaction(['meta', 'accounts', 'codes', 'events'], 'readonly');
    expect(tx.objectStore('meta').keyPath).toBeNull();
    for (const name of ['accounts', 'codes', 'events'] as const) {
      expect(tx.objectStore(name).keyPath).toBe('id');
      expect(tx.objectStore(name).autoIncrement).toBe(false);
    }
    const codes = tx.objectStore('codes');
    expect(Array.from(codes.indexNames)).toEqual(['accountId']);
    expect(codes.index('accountId').keyPath).toBe('accountId');
    expect(codes.index('accountId').unique).toBe(false);
    await tx.done;
  });

  it('uses the factory it is given, not the global one', async () => {
    const factory = new IDBFactory();
    db = await openVaultDb({ indexedDB: factory, name: 'only-in-this-factory' });
    expect((await factory.databases()).map((info) => info.name)).toEqual(['only-in-this-factory']);
    expect((await indexedDB.databases()).map((info) => info.name)).not.toContain('only-in-this-factory');
  });
});
