import { describe, expect, it } from 'vitest';
import { protonFormat as proton } from '../../../../src/sites/proton/format';

describe('proton', () => {
  it('accepts one word of 6 to 32 letters and digits and keeps its case', () => {
    expect(proton.normalize(' Ab12Cd34 ')).toBe('Ab12Cd34');
    expect(proton.normalize('ab12')).toBeNull();
    expect(proton.normalize('ab12 cd34')).toBeNull();
  });
});
