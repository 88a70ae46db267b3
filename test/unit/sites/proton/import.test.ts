import { describe, expect, it } from 'vitest';
import { protonImport } from '../../../../src/sites/proton/import';
import { expectVaultError } from '../../vault/helpers';
import { PROTON_FILE } from '../../vault/import/samples';

describe("Proton's proton_recovery_codes.txt", () => {
  it('reads the CRLF-separated codes, keeping their case', () => {
    expect(protonImport.parse(PROTON_FILE).codes).toEqual(PROTON_FILE.split('\r\n'));
    expect(protonImport.parse('AbCd1234').codes).toEqual(['AbCd1234']);
  });

  it('refuses a line with spaces in it', () => {
    expectVaultError(() => protonImport.parse(`${PROTON_FILE}\r\nsee you soon`), 'invalid-format');
  });
});
