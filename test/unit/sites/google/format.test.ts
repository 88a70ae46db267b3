import { describe, expect, it } from 'vitest';
import { googleFormat as google } from '../../../../src/sites/google/format';

describe('google', () => {
  it('accepts eight digits, spaced or not, and shows them as 4 + 4', () => {
    expect(google.normalize('1234 5678')).toBe('12345678');
    expect(google.normalize('1234-5678')).toBe('12345678');
    expect(google.normalize('1234567')).toBeNull();
    expect(google.normalize('1234 56789')).toBeNull();
    expect(google.display('12345678')).toBe('1234 5678');
  });

  it('finds numbered codes in two columns and skips longer numbers', () => {
    const text = '1. 1234 5678\t\t6. 2345 6789\ncard 1234 5678 9012 3456\ncall 0123456789';
    expect(google.findAll(text)).toEqual(['12345678', '23456789']);
  });
});
