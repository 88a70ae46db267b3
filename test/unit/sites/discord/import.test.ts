import { describe, expect, it } from 'vitest';
import { discordImport } from '../../../../src/sites/discord/import';
import { expectVaultError } from '../../vault/helpers';
import { DISCORD_FILE } from '../../vault/import/samples';

describe("Discord's discord_backup_codes.txt", () => {
  it('reads the unused codes and the account, counting the ones marked used', () => {
    const r = discordImport.parse(DISCORD_FILE);
    expect(r.format).toBe('discord');
    expect(r.account).toBe('sam@example.com');
    expect(r.alreadyUsed).toBe(2);
    expect(r.codes).toEqual(['k2m9x4p7', 'z7x6c5v4', 'b3n2m1l0', 'y5t4r3e2', 'w1q2a3s4', 'd5f6g7h8', 'j9k0l1z2', 'x3c4v5b6']);
  });

  it('reads a file whose "used" note is in another language', () => {
    const r = discordImport.parse('Codes de secours\r\n\r\n* k2m9-x4p7 (utilisé)\r\n* z7x6-c5v4 ');
    expect([r.codes, r.alreadyUsed, r.account]).toEqual([['z7x6c5v4'], 1, undefined]);
  });

  it('refuses text after the list and a malformed code line', () => {
    expect(expectVaultError(() => discordImport.parse(`${DISCORD_FILE}\r\nthanks`), 'invalid-format').detail.line).toBe(13);
    expectVaultError(() => discordImport.parse(DISCORD_FILE.replace('* z7x6-c5v4 ', '* z7x6-c5v')), 'invalid-format');
  });

  it('refuses a header with no codes under it', () => {
    expectVaultError(() => discordImport.parse('These are your Discord backup codes'), 'invalid-format');
  });
});
