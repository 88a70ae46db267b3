import { describe, expect, it } from 'vitest';
import { FORMATS, FORMAT_IDS, isFormatId } from '../../../src/sites/index';
import { formatOf } from '../../../src/vault/index';
import { makeAccount } from './helpers';

const { generic } = FORMATS;

describe('the format registry', () => {
  it('has one format per id, each knowing its own id', () => {
    for (const id of FORMAT_IDS) expect(FORMATS[id].id).toBe(id);
    expect(isFormatId('x')).toBe(true);
    expect(isFormatId('myspace')).toBe(false);
  });

  it("finds an account's format by its own field, then by site, then falls back to generic", () => {
    expect(formatOf(makeAccount(undefined, { site: 'github' }), FORMATS).id).toBe('github');
    expect(formatOf(makeAccount(undefined, { site: 'github', format: 'proton' }), FORMATS).id).toBe('proton');
    expect(formatOf(makeAccount(undefined, { site: 'example' }), FORMATS).id).toBe('generic');
  });

  it('keeps every normalised value stable when normalised again, and readable through display', () => {
    const samples: Record<string, string> = {
      x: 'Ab12 cd34 EF56',
      github: '0a1b2-C3D4E',
      google: '1234 5678',
      gitlab: '0123456789ABCDEF',
      discord: 'ab12-cd34',
      proton: 'Ab12Cd34',
      mozilla: ' 3594S0TBSQ ',
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
