import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMATS, FORMAT_IDS } from '../../../src/sites/index';
import { findCodes } from '../../../src/vault/index';
import { property } from '../property';

describe('findCodes for X', () => {
  it('finds nothing in the words around a code field', () => {
    expect(findCodes('Enter your backup code below', FORMATS.x)).toEqual([]);
    expect(findCodes('Enter your backup code\nthis code will work once', FORMATS.x)).toEqual([]);
    expect(findCodes('Backup code\nVerification\nauthentication', FORMATS.x)).toEqual([]);
  });

  it('finds a code copied from the settings page, spaced in groups of four', () => {
    const page = [
      'Backup code',
      "You can use this code to log in to X if you lose access to your authentication method.",
      'k3v9 mw2q 7hxa',
      'Copy code',
    ].join('\n');
    expect(findCodes(page, FORMATS.x)).toEqual(['k3v9mw2q7hxa']);
  });

  it('finds codes inside sentences of an e-mail, spaced or unspaced, in order, each once', () => {
    const mail = [
      'Hi! My X codes are: "k3v9 mw2q 7hxa", then p8zt4n2rx6wd.',
      'Oh, and k3v9 mw2q 7hxa again (same one).',
      'Old one: 2b7d xk4m 9qra.',
    ].join('\r\n');
    expect(findCodes(mail, FORMATS.x)).toEqual(['k3v9mw2q7hxa', 'p8zt4n2rx6wd', '2b7dxk4m9qra']);
  });

  it('accepts a letters-only code when it stands alone on its line', () => {
    expect(findCodes('1. abcd efgh ijkl\n- mnopqrstuvwx', FORMATS.x)).toEqual(['abcdefghijkl', 'mnopqrstuvwx']);
  });

  it('skips phone numbers, dates and words glued to other characters', () => {
    const text = 'Call 0800 1234 5678 on 2024 0115.\nhttps://x.com/k3v9mw2q7hxa\nuser@k3v9mw2q7hxa.com';
    expect(findCodes(text, FORMATS.x)).toEqual([]);
  });

  it('reads a long run of groups as twelve-character codes side by side', () => {
    expect(findCodes('a1b2 c3d4 e5f6 g7h8 i9j0 k1l2', FORMATS.x)).toEqual(['a1b2c3d4e5f6', 'g7h8i9j0k1l2']);
    expect(findCodes('a1b2 c3d4 e5f6 g7h8 i9j0', FORMATS.x)).toEqual([]);
  });

  it('does not join groups across punctuation or a wide gap', () => {
    expect(findCodes('a1b2 c3d4, e5f6 g7h8', FORMATS.x)).toEqual(['a1b2c3d4', 'e5f6g7h8']);
    expect(findCodes('a1b2 c3d4    e5f6 g7h8', FORMATS.x)).toEqual(['a1b2c3d4', 'e5f6g7h8']);
  });
});

describe('findCodes for other formats', () => {
  it('finds GitHub codes in a copied settings page', () => {
    const page = 'Recovery codes\n0a1b2-c3d4e  fffff-00000\nDownload Print Copy';
    expect(findCodes(page, FORMATS.github)).toEqual(['0a1b2-c3d4e', 'fffff-00000']);
  });

  it('finds Google codes in a pasted list', () => {
    expect(findCodes('1. 1234 5678  2. 2345 6789\n3. 1234 5678', FORMATS.google)).toEqual(['12345678', '23456789']);
  });

  it('reads a generic list one code per line', () => {
    expect(findCodes('  alpha-1 \n\nbeta-22\n', FORMATS.generic)).toEqual(['alpha-1', 'beta-22']);
  });
});

describe('findCodes for X, case and common words', () => {
  it('joins groups written in one case only', () => {
    expect(findCodes('A1B2 C3D4 E5F6', FORMATS.x)).toEqual(['a1b2c3d4e5f6']);
    expect(findCodes('a1b2 c3d4 E5F6 G7H8', FORMATS.x)).toEqual(['a1b2c3d4', 'e5f6g7h8']);
  });

  it('does not take a common word as part of a code', () => {
    expect(findCodes('your code 4821 9930', FORMATS.x)).toEqual([]);
    expect(findCodes('code: 4k21 99x0 ab12', FORMATS.x)).toEqual(['4k2199x0ab12']);
  });
});

describe('findCodes on any text', () => {
  property('returns only normalised codes of the format, each once, for every format', 2_000, (runs) => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc
        .array(fc.oneof(fc.stringMatching(/^[a-z0-9]{4}( [a-z0-9]{4}){0,4}$/), fc.string({ maxLength: 12 })), { maxLength: 12 })
        .map((parts) => parts.join(' ')),
    );
    fc.assert(
      fc.property(fc.constantFrom(...FORMAT_IDS), text, (id, t) => {
        const found = findCodes(t, FORMATS[id]);
        return new Set(found).size === found.length && found.every((v) => FORMATS[id].normalize(v) === v);
      }),
      runs,
    );
  });
});
