// Schema versions as an ordered list: step i upgrades version i to i + 1, and the database
// version is the list's length. Steps see the database as it was then, so they are untyped.
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { CODES_BY_ACCOUNT, STORES } from './schema';

export type UpgradeTransaction = IDBPTransaction<unknown, ArrayLike<string>, 'versionchange'>;

/**
 * One schema step, run inside the versionchange transaction. A step that moves data returns a
 * promise that waits only on requests made through `tx` (anything else lets the transaction
 * commit early); a throw or rejection aborts the whole upgrade, leaving the old version intact.
 */
export type MigrationStep = (db: IDBPDatabase, tx: UpgradeTransaction) => void | Promise<void>;

const createV1: MigrationStep = (db) => {
  db.createObjectStore(STORES.meta);
  db.createObjectStore(STORES.accounts, { keyPath: 'id' });
  const codes = db.createObjectStore(STORES.codes, { keyPath: 'id' });
  codes.createIndex(CODES_BY_ACCOUNT, 'accountId');
  db.createObjectStore(STORES.events, { keyPath: 'id' });
};

/** Append, never edit: a shipped step is history that existing databases already ran. */
export const MIGRATIONS: readonly MigrationStep[] = [createV1];
