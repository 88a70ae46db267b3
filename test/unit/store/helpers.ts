// Shared by the store tests: a fresh fake IndexedDB per test, a vault in it, sample records.
// idb's wrap() checks `instanceof IDBDatabase` etc. against the globals, which only the
// /auto entry defines in Node; each test still gets its own factory.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { IDBPDatabase } from 'idb';
import { createVault, type VaultHeader } from '../../../src/crypto';
import { createHeader, openVaultDb, VaultStore, type MigrationStep, type SparekeyDB } from '../../../src/store';
import type { Account, Code, VaultEvent } from '../../../src/vault/types';
import { FAST_KDF } from '../crypto/helpers';

export const PASSPHRASE = 'correct horse battery staple';

export interface TestVault {
  factory: IDBFactory;
  db: IDBPDatabase<SparekeyDB>;
  store: VaultStore;
  header: VaultHeader;
  vaultKey: Uint8Array;
}

export async function openTestVault(
  factory: IDBFactory = new IDBFactory(),
  migrations?: readonly MigrationStep[],
): Promise<TestVault> {
  const db = await openVaultDb({ indexedDB: factory, ...(migrations ? { migrations } : {}) });
  const { header, vaultKey } = await createVault(PASSPHRASE, FAST_KDF);
  await createHeader(db, header);
  return { factory, db, store: new VaultStore(db, vaultKey), header, vaultKey };
}

export function sampleAccount(id: string, overrides: Partial<Account> = {}): Account {
  return {
    id,
    site: 'github',
    label: `@label-of-${id}`,
    origins: ['https://github.com'],
    policy: { kind: 'any-order' },
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...overrides,
  };
}

export function sampleCode(id: string, accountId: string, value: string, seq = 1): Code {
  return {
    id,
    accountId,
    value,
    seq,
    batch: 'batch-1',
    source: 'paste',
    capturedAt: 1_700_000_000_000 + seq,
    status: 'unused',
    history: [{ at: 1_700_000_000_000 + seq, status: 'unused', reason: 'captured', origin: 'https://github.com' }],
  };
}

export function sampleEvent(id: string, accountId?: string, at = 1_700_000_000_000): VaultEvent {
  return { id, at, kind: 'captured', ...(accountId ? { accountId } : {}), detail: { count: 1 } };
}

/** Every row of every object store, read past the repository, keyed by store name. */
export async function rawDump(db: IDBPDatabase<SparekeyDB>): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const name of Array.from(db.objectStoreNames)) {
    dump[name] = await db.getAll(name);
  }
  return dump;
}
