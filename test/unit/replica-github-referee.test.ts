// The GitHub replica's referee (test/replica/github/referee.mjs), the independent judge of the
// GitHub e2e journeys: its rules must be GitHub's, whatever Sparekey's vault does.
import { describe, expect, it } from 'vitest';
import { createReferee, normalizeCode, SET_SIZE } from '../replica/github/referee.mjs';
import { githubFormat } from '../../src/sites/github/format';

function referee() {
  const r = createReferee({ seed: 'unit' });
  r.createAccount({ login: 'Octocat', password: 'pw' });
  return r;
}

describe('the GitHub referee', () => {
  it('hands out sets of 16 distinct codes `xxxxx-xxxxx` in lower-case hex, the same for the same seed', () => {
    const codes = referee().activeCodes('octocat');
    expect(codes).toHaveLength(SET_SIZE);
    expect(SET_SIZE).toBe(16);
    expect(new Set(codes).size).toBe(16);
    for (const c of codes) {
      expect(c).toMatch(/^[0-9a-f]{5}-[0-9a-f]{5}$/);
      expect(githubFormat.normalize(c)).toBe(c);
    }
    expect(referee().activeCodes('OCTOCAT')).toEqual(codes);
  });

  it('takes each code once, in any order, and refuses a wrong one', () => {
    const r = referee();
    const [a, b] = r.activeCodes('octocat');
    expect(r.useRecoveryCode('octocat', b!)).toBe(true);
    expect(r.useRecoveryCode('octocat', a!.toUpperCase().replace('-', ''))).toBe(true);
    expect(r.useRecoveryCode('octocat', b!)).toBe(false);
    expect(r.useRecoveryCode('octocat', '00000-00000')).toBe(false);
    expect(r.state('octocat').attempts.map((x) => x.why)).toEqual(['accepted', 'accepted', 'used', 'wrong']);
  });

  it('invalidates every unused code of the old set when a new set is made', () => {
    const r = referee();
    const old = r.activeCodes('octocat');
    r.useRecoveryCode('octocat', old[0]!);
    const fresh = r.regenerate('octocat');
    expect(fresh).toHaveLength(16);
    expect(fresh.some((c) => old.includes(c))).toBe(false);
    expect(r.useRecoveryCode('octocat', old[1]!)).toBe(false);
    expect(r.state('octocat').attempts.at(-1)?.why).toBe('invalidated');
    expect(r.useRecoveryCode('octocat', fresh[5]!)).toBe(true);
    expect(r.state('octocat').codes.filter((c) => c.set === 1).map((c) => c.status)).toEqual(['used', ...Array(15).fill('invalidated')]);
  });

  it('reads a typed code as GitHub does: spaces dropped, case folded, the hyphen optional', () => {
    expect(normalizeCode(' ABCDE 12345 ')).toBe('abcde-12345');
    expect(normalizeCode('abcde-12345')).toBe('abcde-12345');
  });
});
