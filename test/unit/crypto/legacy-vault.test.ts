// A vault, a record and a backup made by the hash-wasm code path (test/fixtures/vault, made with
// test/tools/make-kdf-fixture.mjs from commit 63ba718) open with the shipped implementation: the
// switch of Argon2id implementation changes no key.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openBackup, parseBackup } from '../../../src/backup/format';
import { DEFAULT_KDF, openRecord, unlockVault, type SealedRecord, type VaultHeader } from '../../../src/crypto';
import { hex } from './helpers';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/vault/hash-wasm-v1.json', import.meta.url), 'utf8')) as {
  passphrase: string;
  vaultKeyHex: string;
  header: VaultHeader;
  record: { store: string; id: string; sealed: SealedRecord; value: unknown };
  backup: string;
};

describe('a vault made with hash-wasm at the default parameters', () => {
  it('was made at the shipped defaults', () => {
    expect(fixture.header.kdf).toEqual(DEFAULT_KDF);
  });

  it('unlocks to the same vault key, and its record opens', async () => {
    const key = await unlockVault(fixture.header, fixture.passphrase);
    expect(hex(key)).toBe(fixture.vaultKeyHex);
    const { store, id, sealed, value } = fixture.record;
    expect(openRecord(key, store, id, sealed)).toEqual(value);
  });

  it('still refuses a wrong passphrase', async () => {
    await expect(unlockVault(fixture.header, `${fixture.passphrase}!`)).rejects.toMatchObject({ code: 'wrong-passphrase' });
  });

  it('its backup file opens', async () => {
    expect(await openBackup(parseBackup(fixture.backup), fixture.passphrase)).toEqual({ accounts: [], codes: [], events: [] });
  });
});
