// The vault header: KDF parameters, salt and the vault key wrapped under the passphrase-derived
// key. Stored in plaintext; everything in it is either public or authenticated. See DESIGN.md.
import { KEY_LENGTH, open, seal } from './aead';
import { fromBase64, toBase64, utf8Encode } from './encoding';
import { fromSealedJson, toSealedJson, type SealedJson } from './envelope';
import { KdfTooCostlyError, TamperedError, UnsupportedVersionError, WrongPassphraseError } from './errors';
import { DEFAULT_KDF, SALT_LENGTH, deriveKey, kdfCostProblem, kdfParamsProblem, type Derive, type KdfParams } from './kdf';
import { randomBytes } from './random';

export const HEADER_VERSION = 1;
const WHERE = 'header';

export interface VaultHeader {
  v: typeof HEADER_VERSION;
  kdf: KdfParams;
  /** Argon2id salt, base64 of SALT_LENGTH bytes. */
  salt: string;
  /** A fixed constant sealed under the derived key: tells a wrong passphrase from tampering. */
  check: SealedJson;
  /** The 32-byte vault key sealed under the derived key. */
  wrappedKey: SealedJson;
  /** ms since epoch; kept across passphrase changes. */
  createdAt: number;
}

const CHECK_PLAINTEXT = utf8Encode('sparekey key check');
const CHECK_AD = utf8Encode(JSON.stringify(['sparekey/header/check', HEADER_VERSION]));

/** Associated data of the wrapped key: every other header field, so none can be swapped. */
function wrappedKeyAd(kdf: KdfParams, salt: string, createdAt: number): Uint8Array {
  // A JSON array has one spelling per value list, so two different headers never share an AD.
  return utf8Encode(
    JSON.stringify([
      'sparekey/header/vault-key',
      HEADER_VERSION,
      kdf.alg,
      kdf.m,
      kdf.t,
      kdf.p,
      kdf.dkLen,
      salt,
      createdAt,
    ]),
  );
}

function decodeBase64OrNull(text: string): Uint8Array | null {
  try {
    return fromBase64(text);
  } catch {
    return null;
  }
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

async function sealHeader(
  vaultKey: Uint8Array,
  passphrase: string,
  kdf: KdfParams,
  createdAt: number,
  derive: Derive,
): Promise<VaultHeader> {
  const problem = kdfParamsProblem(kdf);
  if (problem !== null) throw new RangeError(`Invalid KDF parameters: ${problem}`);
  if (vaultKey.length !== KEY_LENGTH) throw new RangeError(`The vault key must be ${KEY_LENGTH} bytes`);
  const params: KdfParams = { alg: kdf.alg, m: kdf.m, t: kdf.t, p: kdf.p, dkLen: kdf.dkLen };
  const saltBytes = randomBytes(SALT_LENGTH);
  const salt = toBase64(saltBytes);
  const kek = await derive(passphrase, saltBytes, params);
  try {
    return {
      v: HEADER_VERSION,
      kdf: params,
      salt,
      check: toSealedJson(seal(kek, CHECK_PLAINTEXT, CHECK_AD)),
      wrappedKey: toSealedJson(seal(kek, vaultKey, wrappedKeyAd(params, salt, createdAt))),
      createdAt,
    };
  } finally {
    kek.fill(0);
  }
}

/** A new vault: a random 32-byte vault key and the header that wraps it under `passphrase`. */
export async function createVault(
  passphrase: string,
  params: KdfParams = DEFAULT_KDF,
  derive: Derive = deriveKey,
): Promise<{ header: VaultHeader; vaultKey: Uint8Array }> {
  const vaultKey = randomBytes(KEY_LENGTH);
  const header = await sealHeader(vaultKey, passphrase, params, Date.now(), derive);
  return { header, vaultKey };
}

/**
 * Checks a header read from storage. Throws UnsupportedVersionError for a version this build
 * doesn't know, KdfTooCostlyError('header') for costs beyond KDF_LIMITS and TamperedError('header')
 * for anything malformed.
 */
export function parseVaultHeader(raw: unknown): VaultHeader {
  if (typeof raw !== 'object' || raw === null) throw new TamperedError(WHERE);
  const { v, kdf, salt, check, wrappedKey, createdAt } = raw as Record<string, unknown>;
  if (typeof v !== 'number') throw new TamperedError(WHERE);
  if (v !== HEADER_VERSION) throw new UnsupportedVersionError(WHERE, v);
  const tooCostly = kdfCostProblem(kdf);
  if (tooCostly !== null) throw new KdfTooCostlyError(WHERE, tooCostly);
  if (kdfParamsProblem(kdf) !== null) throw new TamperedError(WHERE);
  if (typeof salt !== 'string' || decodeBase64OrNull(salt)?.length !== SALT_LENGTH) {
    throw new TamperedError(WHERE);
  }
  if (typeof createdAt !== 'number' || !Number.isFinite(createdAt)) throw new TamperedError(WHERE);
  if (fromSealedJson(check) === null || fromSealedJson(wrappedKey) === null) throw new TamperedError(WHERE);
  const k = kdf as KdfParams;
  return {
    v,
    kdf: { alg: k.alg, m: k.m, t: k.t, p: k.p, dkLen: k.dkLen },
    salt,
    check: { ...(check as SealedJson) },
    wrappedKey: { ...(wrappedKey as SealedJson) },
    createdAt,
  };
}

/**
 * The vault key, or: WrongPassphraseError when the derived key opens neither the check nor the
 * wrapped key; TamperedError('header') when it opens exactly one of them or the header is
 * malformed; KdfTooCostlyError('header') before any derivation for costs beyond KDF_LIMITS;
 * UnsupportedVersionError for an unknown header version.
 *
 * The ambiguity that can't be avoided: salt and KDF parameters only feed the key derivation,
 * so altering them derives a different key, which is indistinguishable from a wrong passphrase.
 */
export async function unlockVault(header: VaultHeader, passphrase: string, derive: Derive = deriveKey): Promise<Uint8Array> {
  const parsed = parseVaultHeader(header);
  const check = fromSealedJson(parsed.check);
  const wrapped = fromSealedJson(parsed.wrappedKey);
  if (check === null || wrapped === null) throw new TamperedError(WHERE);

  const kek = await derive(passphrase, fromBase64(parsed.salt), parsed.kdf);
  try {
    const checkPlain = open(kek, check, CHECK_AD);
    const checkOk = checkPlain !== null && bytesEqual(checkPlain, CHECK_PLAINTEXT);
    const vaultKey = open(kek, wrapped, wrappedKeyAd(parsed.kdf, parsed.salt, parsed.createdAt));
    const keyOk = vaultKey !== null && vaultKey.length === KEY_LENGTH;
    if (checkOk && keyOk) return vaultKey;
    vaultKey?.fill(0);
    if (!checkOk && !keyOk) throw new WrongPassphraseError();
    // The passphrase opened one of the two: the other was altered.
    throw new TamperedError(WHERE);
  } finally {
    kek.fill(0);
  }
}

/**
 * The same vault key under a new passphrase, with a new salt (and `params`, default: the
 * header's own). Records are untouched: they are sealed under the vault key, not the passphrase.
 */
export async function rewrapVault(
  header: VaultHeader,
  vaultKey: Uint8Array,
  newPassphrase: string,
  params?: KdfParams,
  derive: Derive = deriveKey,
): Promise<VaultHeader> {
  const parsed = parseVaultHeader(header);
  return sealHeader(vaultKey, newPassphrase, params ?? parsed.kdf, parsed.createdAt, derive);
}
