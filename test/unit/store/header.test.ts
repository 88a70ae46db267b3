import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { WrongPassphraseError, rewrapVault, unlockVault, type VaultHeader } from '../../../src/crypto';
import { NoVaultError, VaultExistsError, createHeader, openVaultDb, readHeader, replaceHeader } from '../../../src/store';
import { PASSPHRASE, openTestVault, type TestVault } from './helpers';

let vault: TestVault | undefined;
afterEach(() => vault?.db.close());

describe('the stored header', () => {
  it('is absent before a vault is created', async () => {
    const db = await openVaultDb({ indexedDB: new IDBFactory() });
    try {
      expect(await readHeader(db)).toBeUndefined();
    } finally {
      db.close();
    }
  });

  it('is never overwritten by creating a second vault', async () => {
    vault = await openTestVault();
    const other = { ...vault.header, createdAt: 1 };
    await expect(createHeader(vault.db, other)).rejects.toBeInstanceOf(VaultExistsError);
    expect(await readHeader(vault.db)).toEqual(vault.header);
  });

  it('is replaced by a re-wrapped header: the new passphrase opens the same key, the old one fails', async () => {
    vault = await openTestVault();
    const rewrapped = await rewrapVault(vault.header, vault.vaultKey, 'a new passphrase');
    await vault.store.replaceHeader(rewrapped);
    const stored = (await readHeader(vault.db))!;
    expect(await unlockVault(stored, 'a new passphrase')).toEqual(vault.vaultKey);
    await expect(unlockVault(stored, PASSPHRASE)).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('keeps the old header, and the old passphrase, when the replacement fails mid-transaction', async () => {
    vault = await openTestVault();
    const rewrapped = await rewrapVault(vault.header, vault.vaultKey, 'a new passphrase');
    // A function can't be stored (DataCloneError): the put fails inside the transaction.
    const broken = { ...rewrapped, extra: () => undefined } as unknown as VaultHeader;
    await expect(replaceHeader(vault.db, broken)).rejects.toMatchObject({ name: 'DataCloneError' });
    const stored = (await readHeader(vault.db))!;
    expect(stored).toEqual(vault.header);
    expect(await unlockVault(stored, PASSPHRASE)).toEqual(vault.vaultKey);
  });

  it('is not replaced where there is no vault', async () => {
    vault = await openTestVault();
    await vault.store.wipe();
    await expect(replaceHeader(vault.db, vault.header)).rejects.toBeInstanceOf(NoVaultError);
    expect(await readHeader(vault.db)).toBeUndefined();
  });
});
