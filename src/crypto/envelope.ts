// The JSON-safe spelling of an AEAD output: base64 strings, so headers, records and exports
// all share one representation (IndexedDB stores it as is; JSON export needs no conversion).
import type { Sealed } from './aead';
import { fromBase64, toBase64 } from './encoding';

export interface SealedJson {
  /** Nonce, base64. */
  n: string;
  /** Ciphertext and tag, base64. */
  c: string;
}

export function toSealedJson(sealed: Sealed): SealedJson {
  return { n: toBase64(sealed.nonce), c: toBase64(sealed.ciphertext) };
}

/** Null when `raw` is not an `{ n, c }` pair of canonical base64 strings. */
export function fromSealedJson(raw: unknown): Sealed | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { n, c } = raw as Record<string, unknown>;
  if (typeof n !== 'string' || typeof c !== 'string') return null;
  try {
    return { nonce: fromBase64(n), ciphertext: fromBase64(c) };
  } catch {
    return null;
  }
}
