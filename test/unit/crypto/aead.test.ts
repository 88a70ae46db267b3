import { describe, expect, it } from 'vitest';
import { NONCE_LENGTH, open, seal, sealWithNonce } from '../../../src/crypto/aead';
import { utf8Encode } from '../../../src/crypto/encoding';
import { fromHex, hex } from './helpers';

// draft-irtf-cfrg-xchacha-03, appendix A.3.1 (AEAD_XChaCha20_Poly1305).
const vector = {
  key: fromHex('808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f'),
  nonce: fromHex('404142434445464748494a4b4c4d4e4f5051525354555657'),
  aad: fromHex('50515253c0c1c2c3c4c5c6c7'),
  plaintext: utf8Encode(
    "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.",
  ),
  ciphertext:
    'bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb' +
    '731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452' +
    '2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9' +
    '21f9664c97637da9768812f615c68b13b52e',
  tag: 'c0875924c1c7987947deafd8780acf49',
};

describe('XChaCha20-Poly1305', () => {
  it('encrypts the draft-irtf-cfrg-xchacha A.3.1 vector to its ciphertext and tag', () => {
    const sealed = sealWithNonce(vector.key, vector.nonce, vector.plaintext, vector.aad);
    expect(hex(sealed.ciphertext)).toBe(vector.ciphertext + vector.tag);
  });

  it('decrypts the draft-irtf-cfrg-xchacha A.3.1 vector to its plaintext', () => {
    const ciphertext = fromHex(vector.ciphertext + vector.tag);
    expect(open(vector.key, { nonce: vector.nonce, ciphertext }, vector.aad)).toEqual(vector.plaintext);
  });

  it('returns null when the vector is opened with other associated data', () => {
    const ciphertext = fromHex(vector.ciphertext + vector.tag);
    expect(open(vector.key, { nonce: vector.nonce, ciphertext }, utf8Encode('other'))).toBeNull();
  });

  it('uses a fresh random 24-byte nonce for every seal', () => {
    const key = new Uint8Array(32).fill(7);
    const nonces = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const sealed = seal(key, vector.plaintext, vector.aad);
      expect(sealed.nonce).toHaveLength(NONCE_LENGTH);
      nonces.add(hex(sealed.nonce));
    }
    expect(nonces.size).toBe(100);
  });

  it('returns null for a flipped tag bit, a short nonce or a truncated ciphertext', () => {
    const key = new Uint8Array(32).fill(7);
    const sealed = seal(key, vector.plaintext, vector.aad);
    const flipped = sealed.ciphertext.slice();
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 0x80;
    expect(open(key, { ...sealed, ciphertext: flipped }, vector.aad)).toBeNull();
    expect(open(key, { ...sealed, nonce: sealed.nonce.subarray(0, 12) }, vector.aad)).toBeNull();
    expect(open(key, { ...sealed, ciphertext: sealed.ciphertext.subarray(0, 15) }, vector.aad)).toBeNull();
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => seal(new Uint8Array(16), vector.plaintext, vector.aad)).toThrow(RangeError);
  });
});
