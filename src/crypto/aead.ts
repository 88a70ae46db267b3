// XChaCha20-Poly1305 (@noble/ciphers). Its 24-byte nonce is large enough to pick at random for
// every message under one key without a realistic chance of reuse.
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { randomBytes } from './random';

export const KEY_LENGTH = 32;
export const NONCE_LENGTH = 24;
export const TAG_LENGTH = 16;

export interface Sealed {
  nonce: Uint8Array;
  /** Ciphertext followed by the 16-byte Poly1305 tag. */
  ciphertext: Uint8Array;
}

function assertKey(key: Uint8Array): void {
  if (key.length !== KEY_LENGTH) throw new RangeError(`AEAD key must be ${KEY_LENGTH} bytes`);
}

/** Encrypts under a fresh random nonce. */
export function seal(key: Uint8Array, plaintext: Uint8Array, associatedData: Uint8Array): Sealed {
  return sealWithNonce(key, randomBytes(NONCE_LENGTH), plaintext, associatedData);
}

/**
 * Encrypts under a caller-chosen nonce. Only for known-answer tests: reusing a nonce under one
 * key breaks both secrecy and authenticity. Everything else calls `seal`.
 */
export function sealWithNonce(
  key: Uint8Array,
  nonce: Uint8Array,
  plaintext: Uint8Array,
  associatedData: Uint8Array,
): Sealed {
  assertKey(key);
  const ciphertext = xchacha20poly1305(key, nonce, associatedData).encrypt(plaintext);
  return { nonce, ciphertext };
}

/**
 * Decrypts and authenticates. Returns null when authentication fails or the sealed parts have
 * the wrong shape, so each caller can raise the error that fits (wrong passphrase vs tampered).
 */
export function open(key: Uint8Array, sealed: Sealed, associatedData: Uint8Array): Uint8Array | null {
  assertKey(key);
  if (sealed.nonce.length !== NONCE_LENGTH || sealed.ciphertext.length < TAG_LENGTH) return null;
  try {
    return xchacha20poly1305(key, sealed.nonce, associatedData).decrypt(sealed.ciphertext);
  } catch {
    // noble throws on a bad tag; nothing else can fail once the lengths are right.
    return null;
  }
}
