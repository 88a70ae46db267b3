import { describe, expect, it } from 'vitest';
import { mozillaEmailFromFileName, mozillaImport } from '../../../../src/sites/mozilla/import';
import { IMPORTS } from '../../../../src/sites/index';
import { detectImport } from '../../../../src/vault/index';
import { expectVaultError } from '../../vault/helpers';

// The codes one per line, as fxa's Download writes them (the file's name carries the e-mail).
const FILE = ['3594s0tbsq', '0zrg82sdzm', 'wx88yxenfc', 'k7d2m9pq4r', 'a1b2c3d4e5', 'zz99yy88xx', 'n3p4q5r6s7', 'h8j9k0m1n2'].join('\r\n') + '\r\n';
const NAME = 'alex@example.com Backup authentication codes.txt';

describe("the Mozilla account's \"<email> Backup authentication codes.txt\"", () => {
  it('reads all eight codes in order', () => {
    const r = mozillaImport.parse(FILE);
    expect(r.format).toBe('mozilla');
    expect(r.codes).toHaveLength(8);
    expect(r.codes[0]).toBe('3594s0tbsq');
    expect(r.codes.at(-1)).toBe('h8j9k0m1n2');
  });

  it('takes the account from the file name, also when the browser numbered a second download', () => {
    expect(mozillaEmailFromFileName(NAME)).toBe('alex@example.com');
    expect(mozillaEmailFromFileName('alex@example.com Backup authentication codes (1).txt')).toBe('alex@example.com');
    expect(mozillaEmailFromFileName('Backup authentication codes.txt')).toBeUndefined();
    const detected = detectImport(NAME, FILE, IMPORTS);
    expect(detected.parser).toBe('mozilla');
    expect(detected.account).toBe('alex@example.com');
  });

  it('refuses the whole file when one line is not a code, naming the line but not its text', () => {
    const e = expectVaultError(() => mozillaImport.parse(FILE.replace('wx88yxenfc', 'my secret note')), 'invalid-format');
    expect(e.message).toBe('Line 3 is not one of the Mozilla account backup authentication codes.');
    expect(e.detail.line).toBe(3);
  });

  it('refuses an empty file', () => {
    expect(expectVaultError(() => mozillaImport.parse('\r\n'), 'invalid-format').message).toBe(
      'This file holds no Mozilla account backup authentication codes.',
    );
  });
});
