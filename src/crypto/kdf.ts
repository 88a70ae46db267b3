// Passphrase → key-encryption key with Argon2id (argon2.ts: WebAssembly, needs 'wasm-unsafe-eval'
// in the extension pages' CSP).
import { loadArgon2, type Argon2Engine } from './argon2';
import { utf8Encode } from './encoding';

export interface KdfParams {
  alg: 'argon2id';
  /** Memory in KiB. */
  m: number;
  /** Passes over memory. */
  t: number;
  /** Lanes. */
  p: number;
  dkLen: 32;
}

/** Bitwarden's memory cost; about 250–280 ms in the browsers (DESIGN.md §4). */
export const DEFAULT_KDF: Readonly<KdfParams> = Object.freeze({
  alg: 'argon2id',
  m: 65536,
  t: 3,
  p: 1,
  dkLen: 32,
});

export const SALT_LENGTH = 16;

/**
 * Bounds a header may ask for. They keep a tampered header from making us allocate gigabytes
 * or spin for minutes, while leaving room to raise the defaults (16× the memory) later.
 */
export const KDF_LIMITS = {
  m: { min: 8, max: 1024 * 1024 }, // 1 GiB
  t: { min: 1, max: 16 },
  p: { min: 1, max: 16 },
  /** Argon2 requires at least 8 bytes; our vaults use SALT_LENGTH. */
  saltLength: { min: 8, max: 64 },
} as const;

function inRange(value: unknown, range: { min: number; max: number }): boolean {
  return Number.isInteger(value) && (value as number) >= range.min && (value as number) <= range.max;
}

/** The first thing wrong with `params`, or null when they are usable. Never throws. */
export function kdfParamsProblem(params: unknown): string | null {
  if (typeof params !== 'object' || params === null) return 'not an object';
  const { alg, m, t, p, dkLen } = params as Record<string, unknown>;
  if (alg !== 'argon2id') return 'alg must be argon2id';
  if (!inRange(m, KDF_LIMITS.m)) return `m must be an integer in ${KDF_LIMITS.m.min}..${KDF_LIMITS.m.max} KiB`;
  if (!inRange(t, KDF_LIMITS.t)) return `t must be an integer in ${KDF_LIMITS.t.min}..${KDF_LIMITS.t.max}`;
  if (!inRange(p, KDF_LIMITS.p)) return `p must be an integer in ${KDF_LIMITS.p.min}..${KDF_LIMITS.p.max}`;
  if ((m as number) < 8 * (p as number)) return 'm must be at least 8 KiB per lane (8 * p)';
  if (dkLen !== 32) return 'dkLen must be 32';
  return null;
}

export function isKdfParams(params: unknown): params is KdfParams {
  return kdfParamsProblem(params) === null;
}

/**
 * Argon2id(passphrase, salt). The passphrase is NFC-normalised first, so the same characters
 * typed on systems that compose accents differently give the same key.
 * Throws RangeError on unusable parameters, salt or an empty passphrase.
 */
export async function deriveKey(
  passphrase: string,
  salt: Uint8Array,
  params: KdfParams,
  /** A kept engine (the KDF worker's, warmed); by default a fresh one, dropped afterwards. */
  engine?: Argon2Engine,
): Promise<Uint8Array> {
  const problem = kdfParamsProblem(params);
  if (problem !== null) throw new RangeError(`Invalid KDF parameters: ${problem}`);
  const { min, max } = KDF_LIMITS.saltLength;
  if (salt.length < min || salt.length > max) {
    throw new RangeError(`Invalid KDF salt: length must be in ${min}..${max} bytes`);
  }
  if (passphrase.length === 0) throw new RangeError('The passphrase must not be empty');

  const password = utf8Encode(passphrase.normalize('NFC'));
  try {
    return (engine ?? (await loadArgon2())).hash({
      password,
      salt,
      passes: params.t,
      parallelism: params.p,
      memorySize: params.m,
      tagLength: params.dkLen,
    });
  } finally {
    // Best effort: JS strings can't be wiped, but our copy of the bytes can.
    password.fill(0);
  }
}
