// Argon2id parameters: the shipped defaults, the limits a header or backup may ask for, and their
// checks. No WebAssembly here, so tools outside the bundler (the bench) can import it.

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
 * Bounds a header or backup file may ask for: what we could ever ship. A crafted file is read
 * before any passphrase can be checked, so whatever it asks for is spent on the say-so of whoever
 * made it; 256 MiB × 10 passes (about 15 s here) is the most that can cost. Room is left to raise
 * the defaults 4× in memory or 3× in passes; an unlock much slower than a second would not ship.
 * One lane is what our single-threaded WebAssembly computes; up to 4 leaves room for threads.
 */
export const KDF_LIMITS = {
  m: { min: 8, max: 256 * 1024 }, // 256 MiB
  t: { min: 1, max: 10 },
  p: { min: 1, max: 4 },
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

/**
 * Whether `params` ask for more memory, passes or lanes than KDF_LIMITS allows (integers above
 * the maximum): the cost a crafted file would impose, told apart from a malformed one.
 */
export function kdfCostProblem(params: unknown): string | null {
  if (typeof params !== 'object' || params === null) return null;
  const record = params as Record<string, unknown>;
  for (const name of ['m', 't', 'p'] as const) {
    const value = record[name];
    if (Number.isInteger(value) && (value as number) > KDF_LIMITS[name].max) return `${name} above ${KDF_LIMITS[name].max}`;
  }
  return null;
}

/** Passphrase, salt, parameters → key. deriveKey here; the background injects a worker's. */
export type Derive = (passphrase: string, salt: Uint8Array, params: KdfParams) => Promise<Uint8Array>;

export function isKdfParams(params: unknown): params is KdfParams {
  return kdfParamsProblem(params) === null;
}

