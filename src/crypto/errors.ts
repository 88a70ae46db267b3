// Typed errors for the crypto layer. Messages name what failed and where, never the data
// itself: no passphrase, key, code value or plaintext ever reaches a message.

export const CRYPTO_ERROR_CODES = {
  wrongPassphrase: 'wrong-passphrase',
  tampered: 'tampered',
  unsupportedVersion: 'unsupported-version',
  kdfTooCostly: 'kdf-too-costly',
} as const;
export type CryptoErrorCode = (typeof CRYPTO_ERROR_CODES)[keyof typeof CRYPTO_ERROR_CODES];

export abstract class CryptoError extends Error {
  abstract readonly code: CryptoErrorCode;
}

/** The passphrase does not open the vault header (see DESIGN.md for the one ambiguity). */
export class WrongPassphraseError extends CryptoError {
  readonly code = CRYPTO_ERROR_CODES.wrongPassphrase;
  constructor() {
    super('The passphrase does not open this vault.');
    this.name = 'WrongPassphraseError';
  }
}

/** Data failed authentication or is malformed. `where` names the record, e.g. `codes/abc123`. */
export class TamperedError extends CryptoError {
  readonly code = CRYPTO_ERROR_CODES.tampered;
  constructor(readonly where: string) {
    super(`Data was tampered with or corrupted: ${where}`);
    this.name = 'TamperedError';
  }
}

/** A format version this build does not know, e.g. data written by a newer Sparekey. */
export class UnsupportedVersionError extends CryptoError {
  readonly code = CRYPTO_ERROR_CODES.unsupportedVersion;
  constructor(
    readonly where: string,
    /** The version found, when it was a number; null when it was anything else. */
    readonly version: number | null,
  ) {
    super(`Unsupported format version ${version ?? '(not a number)'}: ${where}`);
    this.name = 'UnsupportedVersionError';
  }
}

/**
 * A header or backup file asks for Argon2id costs beyond KDF_LIMITS: refused before any
 * derivation, so a crafted file can't make us spend memory and seconds on it.
 */
export class KdfTooCostlyError extends CryptoError {
  readonly code = CRYPTO_ERROR_CODES.kdfTooCostly;
  constructor(
    readonly where: string,
    /** Which parameter and its limit, e.g. "m above 262144"; never anything secret. */
    readonly problem: string,
  ) {
    super(`Key-derivation cost beyond what Sparekey uses (${problem}): ${where}`);
    this.name = 'KdfTooCostlyError';
  }
}

export function isCryptoError(error: unknown): error is CryptoError {
  return error instanceof CryptoError;
}
