// Shared by the crypto tests: hex, byte flipping and fast KDF parameters.
import { fromBase64, toBase64 } from '../../../src/crypto/encoding';
import type { KdfParams } from '../../../src/crypto/kdf';

/** Small enough to run a KDF per flipped byte; real vaults use DEFAULT_KDF. */
export const FAST_KDF: KdfParams = { alg: 'argon2id', m: 256, t: 1, p: 1, dkLen: 32 };

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function fromHex(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '');
  return Uint8Array.from(clean.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

export function byteLength(base64: string): number {
  return fromBase64(base64).length;
}

/** The base64 string with bit 0 of byte `index` flipped. */
export function flipByte(base64: string, index: number): string {
  const bytes = fromBase64(base64);
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return toBase64(bytes);
}
