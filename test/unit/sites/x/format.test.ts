import { describe, expect, it } from 'vitest';
import { xFormat as x } from '../../../../src/sites/x/format';

describe('x', () => {
  it('strips spaces, lowercases, and accepts 8 to 16 letters and digits', () => {
    expect(x.normalize('abcd efgh ijkl')).toBe('abcdefghijkl');
    expect(x.normalize(' AB12\u00a0CD34 ')).toBe('ab12cd34');
    expect(x.normalize('a'.repeat(16))).toBe('a'.repeat(16));
    expect(x.normalize('a'.repeat(7))).toBeNull();
    expect(x.normalize('a'.repeat(17))).toBeNull();
    expect(x.normalize('abcd-efgh-ijkl')).toBeNull();
    expect(x.normalize('ábcd efgh ijkl')).toBeNull();
  });

  it('shows the value in groups of four', () => {
    expect(x.display('abcdefghijkl')).toBe('abcd efgh ijkl');
    expect(x.display('abcdefghij')).toBe('abcd efgh ij');
  });
});
