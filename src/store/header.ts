// The vault header in `meta`. Needs no vault key: it is what unlocks the vault.
import type { IDBPDatabase } from 'idb';
import type { VaultHeader } from '../crypto';
import { NoVaultError, VaultExistsError } from './errors';
import { abortAndSettle } from './transactions';
import { META_KEYS, STORES, type SparekeyDB } from './schema';

type Db = IDBPDatabase<SparekeyDB>;

/**
 * The stored header, or undefined when there is no vault. Not validated here: unlockVault
 * checks every field before trusting any.
 */
export async function readHeader(db: Db): Promise<VaultHeader | undefined> {
  return (await db.get(STORES.meta, META_KEYS.header)) as VaultHeader | undefined;
}

/** Stores the header of a new vault; VaultExistsError when there already is one. */
export async function createHeader(db: Db, header: VaultHeader): Promise<void> {
  const tx = db.transaction(STORES.meta, 'readwrite');
  try {
    if ((await tx.store.get(META_KEYS.header)) !== undefined) throw new VaultExistsError();
    await tx.store.add(header, META_KEYS.header);
    await tx.done;
  } catch (error) {
    await abortAndSettle(tx);
    throw error;
  }
}

/**
 * Swaps in a re-wrapped header (passphrase change) with one put in one transaction: the old
 * header stays until the new one is committed, so an interrupted change leaves the old
 * passphrase working. NoVaultError when there is no vault.
 */
export async function replaceHeader(db: Db, header: VaultHeader): Promise<void> {
  const tx = db.transaction(STORES.meta, 'readwrite');
  try {
    if ((await tx.store.get(META_KEYS.header)) === undefined) throw new NoVaultError();
    await tx.store.put(header, META_KEYS.header);
    await tx.done;
  } catch (error) {
    await abortAndSettle(tx);
    throw error;
  }
}
