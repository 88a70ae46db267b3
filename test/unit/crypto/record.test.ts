import { describe, expect, it } from 'vitest';
import { TamperedError, UnsupportedVersionError } from '../../../src/crypto/errors';
import { openRecord, recordAssociatedData, sealRecord, type SealedRecord } from '../../../src/crypto/record';
import { randomBytes } from '../../../src/crypto/random';
import { utf8Decode } from '../../../src/crypto/encoding';
import { byteLength, flipByte } from './helpers';

const key = randomBytes(32);
const code = { id: 'c1', accountId: 'a1', value: 'ABCD1234EFGH', seq: 1, history: [{ at: 1, status: 'unused' }] };

function openError(sealed: SealedRecord, store = 'codes', id = 'c1', vaultKey = key): unknown {
  try {
    openRecord(vaultKey, store, id, sealed);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('sealRecord / openRecord', () => {
  it('round-trips a JSON value', () => {
    const sealed = sealRecord(key, 'codes', 'c1', code);
    expect(openRecord(key, 'codes', 'c1', sealed)).toEqual(code);
  });

  it('produces a version-1 record of base64 strings that survives JSON and structured cloning', () => {
    const sealed = sealRecord(key, 'codes', 'c1', code);
    expect(sealed.v).toBe(1);
    expect(Object.keys(sealed).sort()).toEqual(['c', 'n', 'v']);
    expect(byteLength(sealed.n)).toBe(24);
    expect(openRecord(key, 'codes', 'c1', JSON.parse(JSON.stringify(sealed)) as SealedRecord)).toEqual(code);
    expect(openRecord(key, 'codes', 'c1', structuredClone(sealed))).toEqual(code);
  });

  it('never shows the value in the sealed record', () => {
    const sealed = sealRecord(key, 'codes', 'c1', code);
    expect(JSON.stringify(sealed)).not.toContain('ABCD1234EFGH');
  });

  it('seals the same value differently each time (fresh nonce)', () => {
    const a = sealRecord(key, 'codes', 'c1', code);
    const b = sealRecord(key, 'codes', 'c1', code);
    expect(a.n).not.toBe(b.n);
    expect(a.c).not.toBe(b.c);
  });

  it('binds format version, store and id into the associated data', () => {
    expect(utf8Decode(recordAssociatedData('codes', 'abc123'))).toBe('sparekey/v1/codes/abc123');
  });

  it('refuses store names with a slash, which would make slots ambiguous', () => {
    expect(() => sealRecord(key, 'codes/x', 'c1', code)).toThrow(RangeError);
  });

  it('refuses values JSON cannot represent', () => {
    expect(() => sealRecord(key, 'codes', 'c1', undefined)).toThrow(TypeError);
  });
});

describe('a tampered record', () => {
  it('throws TamperedError naming store/id for every flipped byte of nonce and ciphertext', () => {
    const sealed = sealRecord(key, 'codes', 'c1', code);
    for (const field of ['n', 'c'] as const) {
      const length = byteLength(sealed[field]);
      for (let i = 0; i < length; i++) {
        const error = openError({ ...sealed, [field]: flipByte(sealed[field], i) });
        expect(error, `${field}[${i}]`).toBeInstanceOf(TamperedError);
        expect(error).toMatchObject({ where: 'codes/c1' });
      }
    }
  });

  it('throws TamperedError when opened under another id, store or vault key', () => {
    const sealed = sealRecord(key, 'codes', 'c1', code);
    expect(openError(sealed, 'codes', 'c2')).toMatchObject({ code: 'tampered', where: 'codes/c2' });
    expect(openError(sealed, 'accounts', 'c1')).toMatchObject({ code: 'tampered', where: 'accounts/c1' });
    expect(openError(sealed, 'codes', 'c1', randomBytes(32))).toBeInstanceOf(TamperedError);
  });

  it('keeps the plaintext out of the error', () => {
    const sealed = sealRecord(key, 'codes', 'c1', code);
    const error = openError(sealed, 'codes', 'c2') as Error;
    expect(`${error.message} ${error.stack ?? ''}`).not.toContain('ABCD1234EFGH');
  });

  it('throws UnsupportedVersionError for a record version this build does not know', () => {
    const sealed = sealRecord(key, 'codes', 'c1', code);
    const error = openError({ ...sealed, v: 2 } as unknown as SealedRecord);
    expect(error).toBeInstanceOf(UnsupportedVersionError);
    expect(error).toMatchObject({ where: 'codes/c1', version: 2 });
  });

  it.each([
    ['null', null],
    ['a string', 'sealed'],
    ['no version', { n: 'AAAA', c: 'AAAA' }],
    ['a version as a string', { v: '1', n: 'AAAA', c: 'AAAA' }],
    ['a nonce that is not base64', { v: 1, n: '***', c: 'AAAA' }],
    ['no ciphertext', { v: 1, n: 'AAAA' }],
  ])('throws TamperedError for a record that is %s', (_, raw) => {
    expect(openError(raw as unknown as SealedRecord)).toMatchObject({ code: 'tampered', where: 'codes/c1' });
  });
});
