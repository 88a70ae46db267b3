import { describe, expect, it } from 'vitest';
import { KdfTooCostlyError, TamperedError, UnsupportedVersionError, WrongPassphraseError } from '../../../src/crypto/errors';
import { createVault, parseVaultHeader, rewrapVault, unlockVault, type VaultHeader } from '../../../src/crypto/header';
import { byteLength, FAST_KDF, flipByte } from './helpers';

const PASSPHRASE = 'correct horse battery staple';

async function freshVault(): Promise<{ header: VaultHeader; vaultKey: Uint8Array }> {
  return createVault(PASSPHRASE, FAST_KDF);
}

describe('createVault / unlockVault', () => {
  it('unlocks to the same 32-byte vault key it created', async () => {
    const { header, vaultKey } = await freshVault();
    expect(vaultKey).toHaveLength(32);
    expect(await unlockVault(header, PASSPHRASE)).toEqual(vaultKey);
  });

  it('creates a JSON-safe header that still unlocks after a JSON round trip', async () => {
    const { header, vaultKey } = await freshVault();
    const copy = JSON.parse(JSON.stringify(header)) as VaultHeader;
    expect(copy).toEqual(header);
    expect(await unlockVault(copy, PASSPHRASE)).toEqual(vaultKey);
  });

  it('stores version, KDF parameters, a 16-byte salt and the creation time', async () => {
    const before = Date.now();
    const { header } = await freshVault();
    expect(header.v).toBe(1);
    expect(header.kdf).toEqual(FAST_KDF);
    expect(byteLength(header.salt)).toBe(16);
    expect(header.createdAt).toBeGreaterThanOrEqual(before);
    expect(header.createdAt).toBeLessThanOrEqual(Date.now());
  });

  it('makes a different vault key and salt every time', async () => {
    const a = await freshVault();
    const b = await freshVault();
    expect(a.vaultKey).not.toEqual(b.vaultKey);
    expect(a.header.salt).not.toBe(b.header.salt);
  });

  it('throws WrongPassphraseError for a wrong passphrase', async () => {
    const { header } = await freshVault();
    await expect(unlockVault(header, 'correct horse battery stapler')).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('keeps the passphrase out of the wrong-passphrase error', async () => {
    const { header } = await freshVault();
    const error = await unlockVault(header, 'hunter2-secret').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongPassphraseError);
    expect(String((error as Error).message)).not.toContain('hunter2');
    expect((error as WrongPassphraseError).code).toBe('wrong-passphrase');
  });

  it('refuses absurd KDF parameters at creation', async () => {
    await expect(createVault(PASSPHRASE, { ...FAST_KDF, m: 4 * 1024 * 1024 })).rejects.toThrow(RangeError);
  });
});

describe('a tampered header', () => {
  it('throws TamperedError for every flipped byte of the wrapped key, nonce and ciphertext', async () => {
    const { header } = await freshVault();
    for (const field of ['n', 'c'] as const) {
      const length = byteLength(header.wrappedKey[field]);
      for (let i = 0; i < length; i++) {
        const tampered = { ...header, wrappedKey: { ...header.wrappedKey, [field]: flipByte(header.wrappedKey[field], i) } };
        await expect(unlockVault(tampered, PASSPHRASE), `wrappedKey.${field}[${i}]`).rejects.toBeInstanceOf(TamperedError);
      }
    }
  });

  it('throws TamperedError when only the key-check value was altered', async () => {
    const { header } = await freshVault();
    for (const field of ['n', 'c'] as const) {
      const length = byteLength(header.check[field]);
      for (let i = 0; i < length; i++) {
        const tampered = { ...header, check: { ...header.check, [field]: flipByte(header.check[field], i) } };
        await expect(unlockVault(tampered, PASSPHRASE), `check.${field}[${i}]`).rejects.toBeInstanceOf(TamperedError);
      }
    }
  });

  it('throws TamperedError when the creation time was altered, since it is bound to the wrapped key', async () => {
    const { header } = await freshVault();
    await expect(unlockVault({ ...header, createdAt: header.createdAt + 1 }, PASSPHRASE)).rejects.toBeInstanceOf(TamperedError);
  });

  it('names the header, and only the header, in the error', async () => {
    const { header } = await freshVault();
    const tampered = { ...header, wrappedKey: { ...header.wrappedKey, c: flipByte(header.wrappedKey.c, 0) } };
    const error = await unlockVault(tampered, PASSPHRASE).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'tampered', where: 'header' });
  });

  it('reads as a wrong passphrase when the salt or KDF parameters were altered (the documented ambiguity)', async () => {
    const { header } = await freshVault();
    await expect(unlockVault({ ...header, salt: flipByte(header.salt, 0) }, PASSPHRASE)).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(unlockVault({ ...header, kdf: { ...header.kdf, t: 2 } }, PASSPHRASE)).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('is refused before key derivation when it asks for 4 GiB of memory', async () => {
    const { header } = await freshVault();
    const started = performance.now();
    await expect(unlockVault({ ...header, kdf: { ...header.kdf, m: 4 * 1024 * 1024 } }, PASSPHRASE)).rejects.toBeInstanceOf(KdfTooCostlyError);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it.each([
    ['not an object', () => 'header'],
    ['null', () => null],
    ['a version that is not a number', (h: VaultHeader) => ({ ...h, v: '1' })],
    ['no KDF parameters', (h: VaultHeader) => ({ ...h, kdf: undefined })],
    ['another KDF algorithm', (h: VaultHeader) => ({ ...h, kdf: { ...h.kdf, alg: 'scrypt' } })],
    ['a salt that is not base64', (h: VaultHeader) => ({ ...h, salt: 'not base64!' })],
    ['an 8-byte salt', (h: VaultHeader) => ({ ...h, salt: 'AAAAAAAAAAA=' })],
    ['a creation time that is not a number', (h: VaultHeader) => ({ ...h, createdAt: 'yesterday' })],
    ['no wrapped key', (h: VaultHeader) => ({ ...h, wrappedKey: undefined })],
    ['a wrapped key with a short nonce', (h: VaultHeader) => ({ ...h, wrappedKey: { ...h.wrappedKey, n: 'AAAA' } })],
    ['a key check that is a string', (h: VaultHeader) => ({ ...h, check: 'ok' })],
  ])('throws TamperedError for a header with %s', async (_, mangle) => {
    const { header } = await freshVault();
    const bad = mangle(header) as unknown as VaultHeader;
    await expect(unlockVault(bad, PASSPHRASE)).rejects.toBeInstanceOf(TamperedError);
  });

  it('throws UnsupportedVersionError for a header version this build does not know', async () => {
    const { header } = await freshVault();
    const future = { ...header, v: 2 } as unknown as VaultHeader;
    const error = await unlockVault(future, PASSPHRASE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedVersionError);
    expect(error).toMatchObject({ code: 'unsupported-version', where: 'header', version: 2 });
  });

  it('checks the version before the shape, so a future header of another shape is unsupported, not tampered', () => {
    expect(() => parseVaultHeader({ v: 2, somethingNew: true })).toThrow(UnsupportedVersionError);
  });
});

describe('rewrapVault', () => {
  it('opens the same vault key with the new passphrase and no longer with the old one', async () => {
    const { header, vaultKey } = await freshVault();
    const rewrapped = await rewrapVault(header, vaultKey, 'a new passphrase');
    expect(await unlockVault(rewrapped, 'a new passphrase')).toEqual(vaultKey);
    await expect(unlockVault(rewrapped, PASSPHRASE)).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('uses a new salt and keeps the creation time and KDF parameters', async () => {
    const { header, vaultKey } = await freshVault();
    const rewrapped = await rewrapVault(header, vaultKey, 'a new passphrase');
    expect(rewrapped.salt).not.toBe(header.salt);
    expect(rewrapped.createdAt).toBe(header.createdAt);
    expect(rewrapped.kdf).toEqual(header.kdf);
  });

  it('can raise the KDF parameters while re-wrapping', async () => {
    const { header, vaultKey } = await freshVault();
    const stronger = { ...FAST_KDF, m: 512, t: 2 };
    const rewrapped = await rewrapVault(header, vaultKey, PASSPHRASE, stronger);
    expect(rewrapped.kdf).toEqual(stronger);
    expect(await unlockVault(rewrapped, PASSPHRASE)).toEqual(vaultKey);
  });

  it('leaves the old header working: it returns a new header instead of changing the one it was given', async () => {
    const { header, vaultKey } = await freshVault();
    const snapshot = structuredClone(header);
    await rewrapVault(header, vaultKey, 'a new passphrase');
    expect(header).toEqual(snapshot);
    expect(await unlockVault(header, PASSPHRASE)).toEqual(vaultKey);
  });

  it('refuses to re-wrap a key that is not 32 bytes', async () => {
    const { header } = await freshVault();
    await expect(rewrapVault(header, new Uint8Array(16), 'a new passphrase')).rejects.toThrow(RangeError);
  });
});
