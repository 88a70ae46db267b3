// Errors of the storage layer. Record-level problems are crypto errors (TamperedError,
// UnsupportedVersionError) and are reported by VaultStore.loadAll rather than thrown.

export const STORE_ERROR_CODES = {
  vaultExists: 'vault-exists',
  noVault: 'no-vault',
} as const;
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[keyof typeof STORE_ERROR_CODES];

/** Creating a vault where one already exists: refused so a vault is never overwritten. */
export class VaultExistsError extends Error {
  readonly code = STORE_ERROR_CODES.vaultExists;
  constructor() {
    super('A vault already exists in this profile.');
    this.name = 'VaultExistsError';
  }
}

/** Replacing the header of a vault that does not exist. */
export class NoVaultError extends Error {
  readonly code = STORE_ERROR_CODES.noVault;
  constructor() {
    super('There is no vault in this profile.');
    this.name = 'NoVaultError';
  }
}
