import { afterEach, describe, expect, it, vi } from 'vitest';
import { argon2id as hashWasmArgon2id } from 'hash-wasm';
import { loadArgon2, simdSupported } from '../../../src/crypto/argon2';
import { DEFAULT_KDF, KDF_LIMITS, deriveKey, kdfParamsProblem, warmKdf, type KdfParams } from '../../../src/crypto/kdf';
import { utf8Encode } from '../../../src/crypto/encoding';
import { FAST_KDF, hex } from './helpers';

const somesalt = utf8Encode('somesalt');
const fill = (byte: number, length: number) => new Uint8Array(length).fill(byte);

function params(m: number, t: number, p: number): KdfParams {
  return { alg: 'argon2id', m, t, p, dkLen: 32 };
}

// The shipped implementation (src/crypto/argon2.ts, the `argon2id` package) takes RFC 9106's
// secret and associated data, so the RFC's own vector runs through it directly, in both builds.
describe('Argon2id against RFC 9106 §5.3, through the shipped implementation', () => {
  const rfc = {
    password: fill(0x01, 32),
    salt: fill(0x02, 16),
    secret: fill(0x03, 8),
    ad: fill(0x04, 12),
    memorySize: 32,
    passes: 3,
    parallelism: 4,
    tagLength: 32,
  };
  const tag = '0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659';

  it('reproduces the tag with the SIMD build', async () => {
    const engine = await loadArgon2();
    expect(engine.simd).toBe(true);
    expect(hex(engine.hash(rfc))).toBe(tag);
  });

  it('reproduces the tag with the non-SIMD fallback', async () => {
    const engine = await loadArgon2({ simd: false });
    expect(engine.simd).toBe(false);
    expect(hex(engine.hash(rfc))).toBe(tag);
  });

  it('gives a different tag without the associated data, so it is not ignored', async () => {
    const { ad: _ad, ...withoutAd } = rfc;
    expect(hex((await loadArgon2()).hash(withoutAd))).not.toBe(tag);
  });
});

// The Argon2 authors' reference suite (phc-winner-argon2 src/test.c, version 0x13): no secret, no
// associated data, exactly as deriveKey calls it.
describe('Argon2id known answers (phc-winner-argon2 src/test.c) through deriveKey', () => {
  it.each([
    { m: 256, t: 2, p: 1, password: 'password', tag: '9dfeb910e80bad0311fee20f9c0e2b12c17987b4cac90c2ef54d5b3021c68bfe' },
    { m: 256, t: 2, p: 2, password: 'password', tag: '6d093c501fd5999645e0ea3bf620d7b8be7fd2db59c20d9fff9539da2bf57037' },
    { m: 65536, t: 2, p: 1, password: 'password', tag: '09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7' },
    { m: 65536, t: 1, p: 1, password: 'password', tag: 'f6a5adc1ba723dddef9b5ac1d464e180fcd9dffc9d1cbf76cca2fed795d9ca98' },
    { m: 65536, t: 2, p: 1, password: 'differentpassword', tag: '0b84d652cf6b0c4beaef0dfe278ba6a80df6696281d7e0d2891b817d8c458fde' },
  ])('derives the reference tag for m=$m t=$t p=$p password=$password', async ({ m, t, p, password, tag }) => {
    expect(hex(await deriveKey(password, somesalt, params(m, t, p)))).toBe(tag);
  });
});

// hash-wasm derived every key before the switch (a devDependency now, for this and the bench):
// the same inputs must give the same keys, or existing vaults would stop opening.
describe('the shipped Argon2id equals hash-wasm, the implementation it replaced', () => {
  it.each([
    { password: 'password', salt: 'somesalt', m: 8, t: 1, p: 1, dkLen: 32 },
    { password: 'mauve tractor quietly bends', salt: 'sixteen byte slt', m: 64, t: 3, p: 1, dkLen: 32 },
    { password: 'caf\u00e9 \u{1F511} \u00fc', salt: 'a salt of twenty-nine bytes..', m: 128, t: 2, p: 2, dkLen: 32 },
    { password: 'x', salt: 'eightsal', m: 32, t: 4, p: 4, dkLen: 16 },
    { password: 'long '.repeat(40), salt: 'salt'.repeat(16), m: 256, t: 1, p: 1, dkLen: 64 },
    { password: 'quartz lantern drifts over seven marshes', salt: 'sixteen byte slt', m: 65536, t: 3, p: 1, dkLen: 32 },
  ])('for m=$m t=$t p=$p dkLen=$dkLen, in both builds', async ({ password, salt, m, t, p, dkLen }) => {
    const input = { password: utf8Encode(password), salt: utf8Encode(salt), passes: t, parallelism: p, memorySize: m, tagLength: dkLen };
    const theirs = await hashWasmArgon2id({ ...input, iterations: t, hashLength: dkLen, outputType: 'hex' });
    expect(hex((await loadArgon2()).hash(input))).toBe(theirs);
    expect(hex((await loadArgon2({ simd: false })).hash(input))).toBe(theirs);
  });

  it('one kept engine gives the same key twice (its memory is wiped in between, not corrupted)', async () => {
    const engine = await loadArgon2({ prefaultKiB: 1024 });
    const input = { password: utf8Encode('password'), salt: somesalt, passes: 2, parallelism: 1, memorySize: 256, tagLength: 32 };
    const first = hex(engine.hash(input));
    expect(hex(engine.hash(input))).toBe(first);
    expect(first).toBe('9dfeb910e80bad0311fee20f9c0e2b12c17987b4cac90c2ef54d5b3021c68bfe');
  });
});

describe('SIMD detection', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('Node here runs the SIMD build', async () => {
    expect(await simdSupported()).toBe(true);
  });

  it('falls back to the non-SIMD build, with the same keys, where the engine refuses SIMD', async () => {
    vi.resetModules();
    const validate = WebAssembly.validate;
    // An engine without SIMD fails to validate the SIMD binary (and only that one).
    const spy = vi.spyOn(WebAssembly, 'validate').mockImplementation(() => false);
    const fresh = await import('../../../src/crypto/argon2');
    expect(await fresh.simdSupported()).toBe(false);
    const engine = await fresh.loadArgon2();
    expect(engine.simd).toBe(false);
    expect(spy).toHaveBeenCalled();
    spy.mockImplementation(validate);
    const input = { password: utf8Encode('password'), salt: somesalt, passes: 2, parallelism: 2, memorySize: 256, tagLength: 32 };
    expect(hex(engine.hash(input))).toBe('6d093c501fd5999645e0ea3bf620d7b8be7fd2db59c20d9fff9539da2bf57037');
  });
});

describe('deriveKey', () => {
  it('gives the same key for composed and decomposed spellings of a passphrase', async () => {
    const composed = 'caf\u00e9';
    const decomposed = 'cafe\u0301';
    expect(await deriveKey(composed, somesalt, FAST_KDF)).toEqual(await deriveKey(decomposed, somesalt, FAST_KDF));
  });

  it('hashes the NFC form: equal to hash-wasm on the composed bytes', async () => {
    const salt = utf8Encode('sixteen byte slt');
    const { m, t, p, dkLen } = FAST_KDF;
    const theirs = await hashWasmArgon2id({
      password: utf8Encode('caf\u00e9 quietly'),
      salt,
      iterations: t,
      parallelism: p,
      memorySize: m,
      hashLength: dkLen,
      outputType: 'hex',
    });
    expect(hex(await deriveKey('cafe\u0301 quietly', salt, FAST_KDF))).toBe(theirs);
  });

  it('gives the same keys after warmKdf, on the kept engine', async () => {
    const before = hex(await deriveKey('password', somesalt, params(256, 2, 1)));
    await warmKdf();
    expect(hex(await deriveKey('password', somesalt, params(256, 2, 1)))).toBe(before);
    expect(before).toBe('9dfeb910e80bad0311fee20f9c0e2b12c17987b4cac90c2ef54d5b3021c68bfe');
  });

  it('derives above the default memory on an engine of its own', async () => {
    const big = params(DEFAULT_KDF.m + 1024, 1, 1);
    const theirs = await hashWasmArgon2id({ password: 'password', salt: somesalt, iterations: 1, parallelism: 1, memorySize: big.m, hashLength: 32, outputType: 'hex' });
    expect(hex(await deriveKey('password', somesalt, big))).toBe(theirs);
  });

  it('gives different keys for different salts', async () => {
    const other = utf8Encode('diffsalt');
    expect(await deriveKey('password', somesalt, FAST_KDF)).not.toEqual(await deriveKey('password', other, FAST_KDF));
  });

  it('refuses an empty passphrase', async () => {
    await expect(deriveKey('', somesalt, FAST_KDF)).rejects.toThrow(RangeError);
  });

  it('refuses salts outside the allowed lengths', async () => {
    await expect(deriveKey('password', new Uint8Array(7), FAST_KDF)).rejects.toThrow(/salt/);
    await expect(deriveKey('password', new Uint8Array(65), FAST_KDF)).rejects.toThrow(/salt/);
  });

  it('refuses 4 GiB of memory before allocating anything', async () => {
    await expect(deriveKey('password', somesalt, params(4 * 1024 * 1024, 1, 1))).rejects.toThrow(/Invalid KDF parameters: m/);
  });
});

describe('kdfParamsProblem', () => {
  it('accepts the shipped defaults and the limits themselves', () => {
    expect(kdfParamsProblem(DEFAULT_KDF)).toBeNull();
    expect(kdfParamsProblem(params(KDF_LIMITS.m.max, KDF_LIMITS.t.max, KDF_LIMITS.p.max))).toBeNull();
    expect(kdfParamsProblem(params(8, 1, 1))).toBeNull();
  });

  it.each([
    ['not an object', null, /object/],
    ['another algorithm', { ...DEFAULT_KDF, alg: 'argon2i' }, /alg/],
    ['memory above the limit', { ...DEFAULT_KDF, m: KDF_LIMITS.m.max + 1 }, /^m /],
    ['fractional memory', { ...DEFAULT_KDF, m: 1024.5 }, /^m /],
    ['memory as a string', { ...DEFAULT_KDF, m: '65536' }, /^m /],
    ['zero passes', { ...DEFAULT_KDF, t: 0 }, /^t /],
    ['a thousand passes', { ...DEFAULT_KDF, t: 1000 }, /^t /],
    ['NaN lanes', { ...DEFAULT_KDF, p: Number.NaN }, /^p /],
    ['less than 8 KiB per lane', params(24, 1, 4), /8 \* p/],
    ['a 64-byte key', { ...DEFAULT_KDF, dkLen: 64 }, /dkLen/],
  ])('rejects %s', (_, candidate, message) => {
    expect(kdfParamsProblem(candidate)).toMatch(message);
  });
});
