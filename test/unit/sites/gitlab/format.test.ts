import { describe, expect, it } from 'vitest';
import { gitlabFormat as gitlab } from '../../../../src/sites/gitlab/format';

describe('gitlab', () => {
  it('accepts sixteen hex digits', () => {
    expect(gitlab.normalize('0123456789ABCDEF')).toBe('0123456789abcdef');
    expect(gitlab.normalize('0123456789abcde')).toBeNull();
    expect(gitlab.normalize('0123456789abcdeg')).toBeNull();
  });

  it('finds codes but not a sixteen-digit card number', () => {
    expect(gitlab.findAll('a1b2c3d4e5f6a7b8\nCard: 4111111111111111')).toEqual(['a1b2c3d4e5f6a7b8']);
  });
});
