import { describe, expect, it } from 'vitest';
import { createVault, unlockVault } from '../../../src/crypto/header';
import { DEFAULT_KDF } from '../../../src/crypto/kdf';

// The one test at the shipped cost (64 MiB, t=3, p=1); every other test uses FAST_KDF.
describe('the shipped KDF defaults', () => {
  it('create and unlock a vault with Argon2id at 64 MiB, 3 passes, 1 lane', async () => {
    const { header, vaultKey } = await createVault('correct horse battery staple');
    expect(header.kdf).toEqual({ alg: 'argon2id', m: 65536, t: 3, p: 1, dkLen: 32 });
    expect(header.kdf).toEqual(DEFAULT_KDF);
    expect(await unlockVault(header, 'correct horse battery staple')).toEqual(vaultKey);
  });
});
