// Public API of the crypto layer. Pure: no DOM, no storage; only crypto.getRandomValues.
export {
  CRYPTO_ERROR_CODES,
  CryptoError,
  KdfTooCostlyError,
  TamperedError,
  UnsupportedVersionError,
  WrongPassphraseError,
  isCryptoError,
  type CryptoErrorCode,
} from './errors';
export { fromBase64, toBase64, utf8Decode, utf8Encode } from './encoding';
export {
  DEFAULT_KDF,
  KDF_LIMITS,
  SALT_LENGTH,
  deriveKey,
  isKdfParams,
  kdfCostProblem,
  kdfParamsProblem,
  warmKdf,
  type Derive,
  type KdfParams,
} from './kdf';
export { KEY_LENGTH, NONCE_LENGTH, TAG_LENGTH, open, seal, type Sealed } from './aead';
export type { SealedJson } from './envelope';
export { HEADER_VERSION, createVault, parseVaultHeader, rewrapVault, unlockVault, type VaultHeader } from './header';
export { RECORD_VERSION, openRecord, recordAssociatedData, sealRecord, type SealedRecord } from './record';
export { randomBytes } from './random';
