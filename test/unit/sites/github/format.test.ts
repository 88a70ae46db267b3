import { describe, expect, it } from 'vitest';
import { githubFormat as github } from '../../../../src/sites/github/format';

describe('github', () => {
  it('accepts xxxxx-xxxxx hex in either case, with or without the hyphen', () => {
    expect(github.normalize('0A1B2-c3d4e')).toBe('0a1b2-c3d4e');
    expect(github.normalize(' 0a1b2c3d4e ')).toBe('0a1b2-c3d4e');
    expect(github.normalize('0a1b2-c3d4g')).toBeNull();
    expect(github.normalize('0a1b-c3d4e1')).toBeNull();
  });

  it('finds codes in text but not inside longer hyphenated runs', () => {
    expect(github.findAll('Codes:\n0a1b2-c3d4e\n  fffff-00000.\nid 12345-67890-abcde')).toEqual([
      '0a1b2-c3d4e',
      'fffff-00000',
    ]);
  });
});
