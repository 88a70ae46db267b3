import { describe, expect, it } from 'vitest';
import { mozillaFormat as mozilla } from '../../../../src/sites/mozilla/format';

describe('mozilla', () => {
  it('accepts ten Crockford base32 characters in either case, lower-cased', () => {
    expect(mozilla.normalize('3594s0tbsq')).toBe('3594s0tbsq');
    expect(mozilla.normalize(' 0ZRG82SDZM ')).toBe('0zrg82sdzm');
    expect(mozilla.normalize('wx88 yxenfc')).toBe('wx88yxenfc');
  });

  it('refuses other lengths and the letters Crockford leaves out (i, l, o, u)', () => {
    expect(mozilla.normalize('3594s0tbs')).toBeNull();
    expect(mozilla.normalize('3594s0tbsqq')).toBeNull();
    for (const letter of ['i', 'l', 'o', 'u']) expect(mozilla.normalize(`3594s0tbs${letter}`)).toBeNull();
    expect(mozilla.normalize('3594s-tbsq')).toBeNull();
  });

  it('finds codes in text, but not words of prose nor longer runs', () => {
    expect(mozilla.findAll('Your codes:\n3594s0tbsq\n0zrg82sdzm\nsee the attachment\n3594s0tbsqx')).toEqual(['3594s0tbsq', '0zrg82sdzm']);
  });
});
