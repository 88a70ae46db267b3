import { describe, expect, it } from 'vitest';
import { githubImport } from '../../../../src/sites/github/import';
import { MAX_IMPORT_CHARS } from '../../../../src/vault/index';
import { expectVaultError } from '../../vault/helpers';
import { GITHUB_FILE } from '../../vault/import/samples';

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
