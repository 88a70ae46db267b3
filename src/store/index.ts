// Public API of the storage layer (IndexedDB via idb). Background contexts only.
export { DB_NAME, META_KEYS, STORES, type CodeRow, type SealedRow, type SparekeyDB, type StoreName } from './schema';
export { MIGRATIONS, type MigrationStep, type UpgradeTransaction } from './migrations';
export { openVaultDb, type OpenVaultDbOptions } from './open';
export { NoVaultError, STORE_ERROR_CODES, VaultExistsError, type StoreErrorCode } from './errors';
export { createHeader, readHeader, replaceHeader } from './header';
export { isRecordError, type RecordError } from './rows';
export { VaultStore, type LoadEventsQuery, type LoadedVault, type VaultChange } from './vault-store';
