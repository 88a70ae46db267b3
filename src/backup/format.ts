// The encrypted backup file (v1). See DESIGN.md beside this file.
import {
  KdfTooCostlyError,
  TamperedError,
  UnsupportedVersionError,
  WrongPassphraseError,
  deriveKey,
  fromBase64,
  kdfCostProblem,
  kdfParamsProblem,
  open,
  randomBytes,
  seal,
  toBase64,
  utf8Decode,
  utf8Encode,
  SALT_LENGTH,
  type Derive,
  type KdfParams,
  type SealedJson,
} from '../crypto';
import type { Account, Code, VaultEvent } from '../vault/types';

export const BACKUP_FORMAT = 'sparekey-backup';
export const BACKUP_VERSION = 1;
const WHERE = 'backup';

export interface BackupPayload {
  accounts: Account[];
  codes: Code[];
  events: VaultEvent[];
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  v: typeof BACKUP_VERSION;
  createdAt: number;
  kdf: KdfParams;
  salt: string;
  /** A constant sealed under the key: tells a wrong passphrase from an altered file. */
  check: SealedJson;
  data: SealedJson;
}

/** Not a Sparekey backup at all (wrong JSON, another program's file). */
export class NotABackupError extends Error {
  readonly code = 'invalid';
  constructor() {
    super('This file is not a Sparekey backup.');
    this.name = 'NotABackupError';
  }
}

const CHECK_PLAINTEXT = 'sparekey backup check';
const CHECK_AD = utf8Encode(JSON.stringify(['sparekey/backup/check', BACKUP_VERSION]));

function sealedJson(parts: { nonce: Uint8Array; ciphertext: Uint8Array }): SealedJson {
  return { n: toBase64(parts.nonce), c: toBase64(parts.ciphertext) };
}

function associatedData(file: Pick<BackupFile, 'v' | 'createdAt' | 'kdf' | 'salt'>): Uint8Array {
  const { kdf } = file;
  return utf8Encode(
    JSON.stringify(['sparekey/backup', file.v, file.createdAt, kdf.alg, kdf.m, kdf.t, kdf.p, kdf.dkLen, file.salt]),
  );
}

export async function sealBackup(
  payload: BackupPayload,
  passphrase: string,
  options: { kdf: KdfParams; now: number; derive?: Derive },
): Promise<BackupFile> {
  const kdf: KdfParams = { alg: options.kdf.alg, m: options.kdf.m, t: options.kdf.t, p: options.kdf.p, dkLen: options.kdf.dkLen };
  const saltBytes = randomBytes(SALT_LENGTH);
  const head = { v: BACKUP_VERSION, createdAt: options.now, kdf, salt: toBase64(saltBytes) } as const;
  const key = await (options.derive ?? deriveKey)(passphrase, saltBytes, kdf);
  try {
    return {
      format: BACKUP_FORMAT,
      ...head,
      check: sealedJson(seal(key, utf8Encode(CHECK_PLAINTEXT), CHECK_AD)),
      data: sealedJson(seal(key, utf8Encode(JSON.stringify(payload)), associatedData(head))),
    };
  } finally {
    key.fill(0);
  }
}

export function backupText(file: BackupFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

function sealedParts(raw: unknown): { nonce: Uint8Array; ciphertext: Uint8Array } | null {
  const nonce = bytes((raw as { n?: unknown } | null)?.n);
  const ciphertext = bytes((raw as { c?: unknown } | null)?.c);
  return nonce && ciphertext ? { nonce, ciphertext } : null;
}

function bytes(text: unknown): Uint8Array | null {
  if (typeof text !== 'string') return null;
  try {
    return fromBase64(text);
  } catch {
    return null;
  }
}

/**
 * The checked header of a backup file's text. NotABackupError for anything that isn't one,
 * UnsupportedVersionError for a version this build doesn't know, KdfTooCostlyError('backup') for
 * Argon2id costs beyond KDF_LIMITS (nothing is derived), TamperedError('backup') for a backup
 * whose header is malformed.
 */
export function parseBackup(text: string): BackupFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new NotABackupError();
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BACKUP_FORMAT)
    throw new NotABackupError();
  const { v, createdAt, kdf, salt, check, data } = raw as Record<string, unknown>;
  if (v !== BACKUP_VERSION) throw new UnsupportedVersionError(WHERE, typeof v === 'number' ? v : null);
  if (typeof createdAt !== 'number' || !Number.isFinite(createdAt)) throw new TamperedError(WHERE);
  const tooCostly = kdfCostProblem(kdf);
  if (tooCostly !== null) throw new KdfTooCostlyError(WHERE, tooCostly);
  if (kdfParamsProblem(kdf) !== null) throw new TamperedError(WHERE);
  if (bytes(salt)?.length !== SALT_LENGTH) throw new TamperedError(WHERE);
  if (!sealedParts(check) || !sealedParts(data)) throw new TamperedError(WHERE);
  const k = kdf as KdfParams;
  return {
    format: BACKUP_FORMAT,
    v: BACKUP_VERSION,
    createdAt,
    kdf: { alg: k.alg, m: k.m, t: k.t, p: k.p, dkLen: k.dkLen },
    salt: salt as string,
    check: { n: (check as SealedJson).n, c: (check as SealedJson).c },
    data: { n: (data as SealedJson).n, c: (data as SealedJson).c },
  };
}

/**
 * The payload, as JSON-parsed (not yet checked: see validate.ts). WrongPassphraseError when the
 * key opens neither the check nor the data (a wrong passphrase, or an altered salt or KDF
 * parameter: indistinguishable); TamperedError('backup') when it opens the check but not the data.
 */
export async function openBackup(file: BackupFile, passphrase: string, derive: Derive = deriveKey): Promise<unknown> {
  const key = await derive(passphrase, fromBase64(file.salt), file.kdf);
  try {
    const check = open(key, sealedParts(file.check)!, CHECK_AD);
    const plain = open(key, sealedParts(file.data)!, associatedData(file));
    if (plain === null) {
      if (check !== null && utf8Decode(check) === CHECK_PLAINTEXT) throw new TamperedError(WHERE);
      throw new WrongPassphraseError();
    }
    if (check === null) throw new TamperedError(WHERE);
    try {
      return JSON.parse(utf8Decode(plain));
    } catch {
      throw new TamperedError(WHERE);
    }
  } finally {
    key.fill(0);
  }
}
