import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  NotABackupError,
  backupText,
  openBackup,
  parseBackup,
  sealBackup,
  type BackupPayload,
} from '../../../src/backup/index';
import { KdfTooCostlyError, TamperedError, UnsupportedVersionError, WrongPassphraseError } from '../../../src/crypto';
import { FAST_KDF, flipByte } from '../crypto/helpers';
import { makeAccount, seed } from '../vault/helpers';

const PASS = 'plum kettle orbit sideways';

function payload(): BackupPayload {
  const account = makeAccount();
  const { codes } = seed(account, 3);
  return { accounts: [account], codes, events: [{ id: 'e1', at: 1, kind: 'account-added', accountId: account.id }] };
}

async function sealed(p = payload()) {
  return backupText(await sealBackup(p, PASS, { kdf: FAST_KDF, now: 1_767_225_600_000 }));
}

function edit(text: string, change: (file: Record<string, any>) => void): string {
  const file = JSON.parse(text);
  change(file);
  return JSON.stringify(file);
}

describe('backup file', () => {
  it('opens with its passphrase to exactly the payload that was sealed', async () => {
    const p = payload();
    const text = await sealed(p);
    const file = parseBackup(text);
    expect(file).toMatchObject({ format: BACKUP_FORMAT, v: 1, createdAt: 1_767_225_600_000, kdf: FAST_KDF });
    expect(await openBackup(file, PASS)).toEqual(p);
  });

  it('keeps code values out of the file text', async () => {
    const text = await sealed();
    for (const c of payload().codes) expect(text).not.toContain(c.value);
  });

  it('uses a fresh salt and nonce each time', async () => {
    const [a, b] = [parseBackup(await sealed()), parseBackup(await sealed())];
    expect(a.salt).not.toBe(b.salt);
    expect(a.data.n).not.toBe(b.data.n);
  });

  it('tells a wrong passphrase from an altered file', async () => {
    const text = await sealed();
    await expect(openBackup(parseBackup(text), 'plum kettle orbit sideway')).rejects.toBeInstanceOf(WrongPassphraseError);
    const flipped = edit(text, (f) => (f.data.c = flipByte(f.data.c, 5)));
    await expect(openBackup(parseBackup(flipped), PASS)).rejects.toBeInstanceOf(TamperedError);
    const redated = edit(text, (f) => (f.createdAt += 1));
    await expect(openBackup(parseBackup(redated), PASS)).rejects.toBeInstanceOf(TamperedError);
  });

  it('reads an altered salt as a wrong passphrase (it only feeds the derivation)', async () => {
    const text = await sealed();
    const salted = edit(text, (f) => (f.salt = flipByte(f.salt, 0)));
    await expect(openBackup(parseBackup(salted), PASS)).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('refuses other files, unknown versions and malformed headers before deriving a key', async () => {
    const text = await sealed();
    expect(() => parseBackup('not json')).toThrow(NotABackupError);
    expect(() => parseBackup('{"format":"keepass"}')).toThrow(NotABackupError);
    expect(() => parseBackup(edit(text, (f) => (f.v = 2)))).toThrow(UnsupportedVersionError);
    // A crafted file asking for 16 GiB of memory is refused, not attempted.
    expect(() => parseBackup(edit(text, (f) => (f.kdf.m = 16 * 1024 * 1024)))).toThrow(KdfTooCostlyError);
    expect(() => parseBackup(edit(text, (f) => (f.salt = 'AAAA')))).toThrow(TamperedError);
    expect(() => parseBackup(edit(text, (f) => delete f.check))).toThrow(TamperedError);
  });
});
