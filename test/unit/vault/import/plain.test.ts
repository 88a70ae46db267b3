import { describe, expect, it } from 'vitest';
import { plainImport } from '../../../../src/vault/index';
import { expectVaultError } from '../helpers';
import { PLAIN_FILE } from './samples';

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
