import { describe, expect, it } from 'vitest';
import { FORMATS, FORMAT_IDS, formatOf, isFormatId } from '../../../src/vault/index';
import { makeAccount } from './helpers';

const { x, github, google, gitlab, discord, proton, generic } = FORMATS;

describe('the format registry', () => {
  it('has one format per id, each knowing its own id', () => {
    for (const id of FORMAT_IDS) expect(FORMATS[id].id).toBe(id);
    expect(isFormatId('x')).toBe(true);
    expect(isFormatId('myspace')).toBe(false);
  });

  it("finds an account's format by its own field, then by site, then falls back to generic", () => {
    expect(formatOf(makeAccount(undefined, { site: 'github' })).id).toBe('github');
    expect(formatOf(makeAccount(undefined, { site: 'github', format: 'proton' })).id).toBe('proton');
    expect(formatOf(makeAccount(undefined, { site: 'example' })).id).toBe('generic');
  });

  it('keeps every normalised value stable when normalised again, and readable through display', () => {
    const samples: Record<string, string> = {
      x: 'Ab12 cd34 EF56',
      github: '0a1b2-C3D4E',
      google: '1234 5678',
      gitlab: '0123456789ABCDEF',
      discord: 'ab12-cd34',
      proton: 'Ab12Cd34',
      generic: '  some code  ',
    };
    for (const id of FORMAT_IDS) {
      const f = FORMATS[id];
      const value = f.normalize(samples[id]!);
      expect(value, id).not.toBeNull();
      expect(f.normalize(value!), id).toBe(value);
      expect(f.normalize(f.display(value!)), id).toBe(value);
    }
  });
});

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

describe('discord', () => {
  it('accepts eight letters and digits with or without the hyphen, shown as xxxx-xxxx', () => {
    expect(discord.normalize('AB12-CD34')).toBe('ab12cd34');
    expect(discord.normalize('ab12cd34')).toBe('ab12cd34');
    expect(discord.normalize('ab12-cd3')).toBeNull();
    expect(discord.display('ab12cd34')).toBe('ab12-cd34');
  });

  it('finds codes in a list but not hyphenated words in a sentence', () => {
    expect(discord.findAll('* ab12-cd34\n* 9xyz-8wvu (used)\nA well-made self-help book')).toEqual([
      'ab12cd34',
      '9xyz8wvu',
    ]);
  });
});

describe('proton', () => {
  it('accepts one word of 6 to 32 letters and digits and keeps its case', () => {
    expect(proton.normalize(' Ab12Cd34 ')).toBe('Ab12Cd34');
    expect(proton.normalize('ab12')).toBeNull();
    expect(proton.normalize('ab12 cd34')).toBeNull();
  });
});

describe('generic', () => {
  it('accepts 4 to 64 printable characters, trimmed, inner spaces kept', () => {
    expect(generic.normalize('  my-code 42 ')).toBe('my-code 42');
    expect(generic.normalize('abc')).toBeNull();
    expect(generic.normalize('x'.repeat(65))).toBeNull();
    expect(generic.normalize('ab\u0000cd')).toBeNull();
    expect(generic.normalize('ab\u200bcd')).toBeNull();
    expect(generic.normalize('😀😀😀😀')).toBe('😀😀😀😀');
  });

  it('reads one code per line, without list markers, skipping lines that are not codes', () => {
    expect(generic.findAll('1. first-code\n- second-code\n\nno\n• third code\nfirst-code')).toEqual([
      'first-code',
      'second-code',
      'third code',
    ]);
  });
});
