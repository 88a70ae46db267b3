import { describe, expect, it } from 'vitest';
import { googleImport } from '../../../../src/sites/google/import';
import { expectVaultError } from '../../vault/helpers';
import { GOOGLE_FILE, GOOGLE_OLD_FILE } from '../../vault/import/samples';

describe("Google's Backup-codes-<user>.txt", () => {
  it('reads ten codes from two numbered columns, in number order, and the account', () => {
    const r = googleImport.parse(GOOGLE_FILE);
    expect(r.format).toBe('google');
    expect(r.account).toBe('alex.example@gmail.com');
    expect(r.codes).toEqual([
      '48219930', '55667781', '31415926', '16180339', '17320508',
      '10293847', '91827364', '27182818', '14142135', '22360679',
    ]);
  });

  it('reads the older one-column layout with the account under the title', () => {
    const r = googleImport.parse(GOOGLE_OLD_FILE);
    expect(r.codes).toEqual(['48219930', '55667781', '31415926']);
    expect(r.account).toBe('alex.example@gmail.com');
  });

  it('refuses a numbered line that is not all codes', () => {
    const e = expectVaultError(() => googleImport.parse(GOOGLE_FILE.replace('2. 5566 7781', '2. 5566 778')), 'invalid-format');
    expect(e.detail.line).toBe(5);
    expect(e.message).not.toContain('5566');
  });

  it('refuses a code number given twice', () => {
    expectVaultError(() => googleImport.parse('1. 1234 5678\n1. 2345 6789'), 'invalid-format');
  });

  it('refuses prose with no numbered codes', () => {
    expectVaultError(() => googleImport.parse('SAVE YOUR BACKUP CODES\nGenerated: Jan 5, 2024'), 'invalid-format');
  });
});
