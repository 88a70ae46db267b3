// Hardening: a header or backup file is read before any passphrase can be checked, so the Argon2id
// costs it names are spent on its maker's say-so. Costs beyond what Sparekey could ever ship
// (KDF_LIMITS: m ≤ 256 MiB, t ≤ 10, p ≤ 4) are refused with a typed error before any derivation.
import { describe, expect, it, vi } from 'vitest';
import { backupText, openBackup, parseBackup, sealBackup } from '../../../src/backup/index';
import { toProtocolError } from '../../../src/background/errors';
import {
  DEFAULT_KDF,
  KDF_LIMITS,
  KdfTooCostlyError,
  createVault,
  deriveKey,
  kdfCostProblem,
  parseVaultHeader,
  unlockVault,
  type Derive,
  type KdfParams,
} from '../../../src/crypto';
import { FAST_KDF } from './helpers';

const PASS = 'plum kettle orbit sideways';
const GiB = 1024 * 1024; // in KiB
const crafted: Array<[string, Partial<KdfParams>]> = [
  ['1 GiB of memory', { m: GiB }],
  ['16 passes', { t: 16 }],
  ['16 lanes', { p: 16, m: 16 * 1024 }],
];

function spyDerive() {
  return vi.fn<Derive>((passphrase, salt, params) => deriveKey(passphrase, salt, params));
}

describe('KDF limits', () => {
  it('are what we could ever ship: 256 MiB, 10 passes, 4 lanes', () => {
    expect(KDF_LIMITS.m.max).toBe(256 * 1024);
    expect(KDF_LIMITS.t.max).toBe(10);
    expect(KDF_LIMITS.p.max).toBe(4);
    expect(kdfCostProblem(DEFAULT_KDF)).toBeNull();
    expect(kdfCostProblem({ ...DEFAULT_KDF, m: 256 * 1024, t: 10, p: 4 })).toBeNull();
  });

  it.each(crafted)('a vault header asking for %s is refused before any derivation', async (_, change) => {
    const { header } = await createVault(PASS, FAST_KDF);
    const craftedHeader = { ...header, kdf: { ...header.kdf, ...change } };
    const derive = spyDerive();
    const refusal = unlockVault(craftedHeader, PASS, derive);
    await expect(refusal).rejects.toBeInstanceOf(KdfTooCostlyError);
    await expect(refusal).rejects.toMatchObject({ code: 'kdf-too-costly', where: 'header' });
    expect(derive).not.toHaveBeenCalled();
    expect(() => parseVaultHeader(craftedHeader)).toThrow(KdfTooCostlyError);
  });

  it.each(crafted)('a backup file asking for %s is refused as it is read, before any derivation', async (_, change) => {
    const file = await sealBackup({ accounts: [], codes: [], events: [] }, PASS, { kdf: FAST_KDF, now: 1 });
    const text = backupText({ ...file, kdf: { ...file.kdf, ...change } });
    expect(() => parseBackup(text)).toThrow(KdfTooCostlyError);
    expect(() => parseBackup(text)).toThrow(/Key-derivation cost beyond what Sparekey uses \([mtp] above \d+\): backup/);
  });

  it('the limits themselves still open', async () => {
    const derive = spyDerive();
    const atLimit: KdfParams = { ...FAST_KDF, t: KDF_LIMITS.t.max, p: KDF_LIMITS.p.max };
    const { header, vaultKey } = await createVault(PASS, atLimit, derive);
    expect(await unlockVault(header, PASS, derive)).toEqual(vaultKey);
    expect(derive).toHaveBeenCalledTimes(2);
    const file = await sealBackup({ accounts: [], codes: [], events: [] }, PASS, { kdf: atLimit, now: 1, derive });
    expect(await openBackup(parseBackup(backupText(file)), PASS, derive)).toEqual({ accounts: [], codes: [], events: [] });
  });

  it('reaches a person as a clear sentence, not as tampering in general', () => {
    expect(toProtocolError(new KdfTooCostlyError('backup', 'm above 262144'))).toEqual({
      code: 'invalid',
      message: 'This backup file asks for far more key-derivation work than Sparekey ever uses, so it was not opened. It was not made by Sparekey.',
      where: 'backup',
    });
    expect(toProtocolError(new KdfTooCostlyError('header', 't above 10')).message).toMatch(/^The vault asks for far more key-derivation work/);
  });
});
