import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromBase64, toBase64 } from '../../../src/crypto/encoding';
import { property } from '../property';

describe('strict base64', () => {
  property('round-trips any bytes', 10_000, (runs) => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    }), runs);
  });

  property('accepts a string only when it is the one spelling toBase64 gives its bytes', 10_000, (runs) => {
    const chars = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= -_\n'.split(''));
    fc.assert(fc.property(fc.array(chars, { maxLength: 24 }).map((a) => a.join('')), (text) => {
      let bytes: Uint8Array | undefined;
      try {
        bytes = fromBase64(text);
      } catch (e) {
        expect(e).toBeInstanceOf(TypeError);
        // Whatever atob would make of it, it is not what toBase64 writes.
        return;
      }
      expect(toBase64(bytes)).toBe(text);
    }), runs);
  });

  it('refuses leftover padding bits, stray padding and whitespace', () => {
    for (const bad of ['QR==', 'QUJ=', 'Q===', '=QUJ', 'QU=J', 'QUJD\n', 'QUJD ', 'QUJ', 'QUJDRA=='.replace('A', 'B')]) {
      expect(() => fromBase64(bad), bad).toThrow(TypeError);
    }
    expect(fromBase64('')).toEqual(new Uint8Array());
    expect(fromBase64('QUJD')).toEqual(new Uint8Array([65, 66, 67]));
  });
});
