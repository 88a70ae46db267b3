// The Google replica's referee (test/replica/google/referee.mjs), the independent judge of the
// Google e2e journeys: its rules must be Google's, whatever Sparekey's vault does.
import { describe, expect, it } from 'vitest';
import { createReferee, normalizeCode, SET_SIZE } from '../replica/google/referee.mjs';
import { googleFormat } from '../../src/sites/google/format';

function referee() {
  const r = createReferee({ seed: 'unit' });
  r.createAccount({ email: 'Sam@Example.com', password: 'pw' });
  return r;
}

describe('the Google referee', () => {
  it('hands out sets of 10 distinct 8-digit codes, the same for the same seed, that Sparekey reads as Google codes', () => {
    const codes = referee().activeCodes('sam@example.com');
    expect(SET_SIZE).toBe(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) {
      expect(c).toMatch(/^\d{8}$/);
      expect(googleFormat.normalize(googleFormat.display(c))).toBe(c);
    }
    expect(referee().activeCodes('sam@example.com')).toEqual(codes);
    const other = createReferee({ seed: 'other' });
    other.createAccount({ email: 'sam@example.com', password: 'pw' });
    expect(other.activeCodes('sam@example.com')).not.toEqual(codes);
  });

  it('takes each code once, in any order, as typed with or without its space', () => {
    const r = referee();
    const [a, b] = r.activeCodes('sam@example.com');
    expect(r.useBackupCode('sam@example.com', `${b!.slice(0, 4)} ${b!.slice(4)}`)).toBe(true);
    expect(r.useBackupCode('sam@example.com', a!)).toBe(true);
    expect(r.useBackupCode('sam@example.com', a!)).toBe(false);
    expect(r.useBackupCode('sam@example.com', '00000000')).toBe(false);
    expect(r.state('sam@example.com').attempts.map((x) => x.why)).toEqual(['accepted', 'accepted', 'used', 'wrong']);
  });

  it('inactivates every unused code of the old set when a new set is made', () => {
    const r = referee();
    const old = r.activeCodes('sam@example.com');
    const fresh = r.regenerate('sam@example.com');
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((c) => old.includes(c))).toEqual([]);
    expect(r.useBackupCode('sam@example.com', old[3]!)).toBe(false);
    expect(r.state('sam@example.com').attempts.at(-1)?.why).toBe('invalidated');
    expect(r.useBackupCode('sam@example.com', fresh[3]!)).toBe(true);
  });

  it('compares codes with spaces and dashes dropped', () => {
    expect(normalizeCode(' 1234 5678 ')).toBe('12345678');
    expect(normalizeCode('1234-5678')).toBe('12345678');
  });
});
