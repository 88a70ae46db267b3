import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64, utf8Decode, utf8Encode } from '../../../src/crypto/encoding';

describe('base64', () => {
  it('round-trips every byte value and lengths around the padding boundaries', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (let length = 0; length <= 256; length++) {
      const bytes = all.subarray(0, length);
      expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    }
  });

  it('encodes inputs larger than one String.fromCharCode chunk', () => {
    const big = Uint8Array.from({ length: 40_000 }, (_, i) => (i * 7) & 0xff);
    expect(fromBase64(toBase64(big))).toEqual(big);
  });

  it('matches the RFC 4648 test vectors', () => {
    const vectors = { '': '', f: 'Zg==', fo: 'Zm8=', foo: 'Zm9v', foob: 'Zm9vYg==', fooba: 'Zm9vYmE=', foobar: 'Zm9vYmFy' };
    for (const [plain, encoded] of Object.entries(vectors)) {
      expect(toBase64(utf8Encode(plain))).toBe(encoded);
      expect(utf8Decode(fromBase64(encoded))).toBe(plain);
    }
  });

  it.each([
    ['missing padding', 'Zg'],
    ['whitespace', 'Zm9v YmFy'],
    ['url-safe alphabet', 'ab-_'],
    ['non-zero padding bits', 'Zh=='],
    ['padding in the middle', 'Zg==Zg=='],
  ])('rejects %s', (_, text) => {
    expect(() => fromBase64(text)).toThrow(TypeError);
  });
});

describe('utf8', () => {
  it('round-trips text outside the basic multilingual plane', () => {
    const text = 'clé 🔑 ключ';
    expect(utf8Decode(utf8Encode(text))).toBe(text);
  });

  it('rejects invalid UTF-8 instead of replacing it', () => {
    expect(() => utf8Decode(Uint8Array.of(0xc3, 0x28))).toThrow();
  });
});
