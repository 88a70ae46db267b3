import { describe, expect, it } from 'vitest';
import {
  MAX_IMPORT_CHARS,
  discordImport,
  githubImport,
  gitlabImport,
  googleImport,
  plainImport,
  protonImport,
} from '../../../../src/vault/index';
import { expectVaultError } from '../helpers';
import { DISCORD_FILE, GITHUB_FILE, GITLAB_FILE, GOOGLE_FILE, GOOGLE_OLD_FILE, PLAIN_FILE, PROTON_FILE } from './samples';

describe("GitHub's github-recovery-codes.txt", () => {
  it('reads all sixteen codes in order', () => {
    const r = githubImport.parse(GITHUB_FILE);
    expect(r.format).toBe('github');
    expect(r.codes).toHaveLength(16);
    expect(r.codes[0]).toBe('3f9a1-0c2d4');
    expect(r.codes.at(-1)).toBe('04f7c-9ae12');
    expect(r.account).toBeUndefined();
  });

  it('refuses the whole file when one line is not a code, naming the line but not its text', () => {
    const broken = GITHUB_FILE.replace('92c0d-3b8e1', 'my secret note');
    const e = expectVaultError(() => githubImport.parse(broken), 'invalid-format');
    expect(e.message).toBe('Line 6 is not one of the GitHub recovery codes.');
    expect(e.detail.line).toBe(6);
  });

  it('refuses an empty file', () => {
    expect(expectVaultError(() => githubImport.parse('\r\n\r\n'), 'invalid-format').message).toBe(
      'This file holds no GitHub recovery codes.',
    );
  });

  it('refuses a file far too large to be a list of codes', () => {
    expectVaultError(() => githubImport.parse('0a1b2-c3d4e\n'.repeat(MAX_IMPORT_CHARS / 12 + 1)), 'invalid-format');
  });

  it('ignores a byte-order mark and surrounding blank lines', () => {
    expect(githubImport.parse('\uFEFF\n3f9a1-0c2d4\n\n').codes).toEqual(['3f9a1-0c2d4']);
  });
});

describe("GitLab's gitlab-recovery-codes.txt", () => {
  it('reads all ten codes', () => {
    const r = gitlabImport.parse(GITLAB_FILE);
    expect(r).toEqual({ codes: GITLAB_FILE.split('\n'), format: 'gitlab' });
  });

  it('refuses a GitHub file', () => {
    expectVaultError(() => gitlabImport.parse(GITHUB_FILE), 'invalid-format');
  });
});

describe("Proton's proton_recovery_codes.txt", () => {
  it('reads the CRLF-separated codes, keeping their case', () => {
    expect(protonImport.parse(PROTON_FILE).codes).toEqual(PROTON_FILE.split('\r\n'));
    expect(protonImport.parse('AbCd1234').codes).toEqual(['AbCd1234']);
  });

  it('refuses a line with spaces in it', () => {
    expectVaultError(() => protonImport.parse(`${PROTON_FILE}\r\nsee you soon`), 'invalid-format');
  });
});

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

describe('a plain list', () => {
  it('takes every non-empty line as a code, without its list marker', () => {
    expect(plainImport.parse(PLAIN_FILE).codes).toEqual([
      'alpha-7731',
      'bravo-0192',
      'charlie 5566',
    ]);
  });

  it('refuses a line that cannot be a code', () => {
    expectVaultError(() => plainImport.parse(`ok-code-1\n${'x'.repeat(80)}`), 'invalid-format');
    expectVaultError(() => plainImport.parse('abc'), 'invalid-format');
  });
});
