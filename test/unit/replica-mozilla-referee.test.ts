// The Mozilla replica's referee (test/replica/mozilla/referee.mjs), the independent judge of the
// Mozilla e2e journeys: its rules must be fxa's, whatever Sparekey's vault does.
import { describe, expect, it } from 'vitest';
import { createReferee, looksLikeCode, normalizeCode, SET_SIZE } from '../replica/mozilla/referee.mjs';
import { mozillaFormat } from '../../src/sites/mozilla/format';

function referee() {
  const r = createReferee({ seed: 'unit' });
  r.createAccount({ email: 'Alex@Example.com', password: 'pw' });
  return r;
}

describe('the Mozilla referee', () => {
  it('hands out sets of 8 distinct codes of 10 lower-case Crockford base32 characters, the same for the same seed', () => {
    const codes = referee().activeCodes('alex@example.com');
    expect(SET_SIZE).toBe(8);
    expect(new Set(codes).size).toBe(8);
    for (const c of codes) {
      expect(c).toMatch(/^[0-9a-hjkmnp-tv-z]{10}$/);
      expect(mozillaFormat.normalize(c)).toBe(c);
    }
    expect(referee().activeCodes('ALEX@example.com')).toEqual(codes);
  });

  it('takes each code once, in any order (typed in upper case too), and refuses a wrong one', () => {
    const r = referee();
    const [a, b] = r.activeCodes('alex@example.com');
    expect(r.useRecoveryCode('alex@example.com', b!)).toBe(true);
    expect(r.useRecoveryCode('alex@example.com', ` ${a!.toUpperCase()} `)).toBe(true);
    expect(r.useRecoveryCode('alex@example.com', a!)).toBe(false);
    expect(r.useRecoveryCode('alex@example.com', '0000000000')).toBe(false);
    expect(r.state('alex@example.com').attempts.map((x) => x.why)).toEqual(['accepted', 'accepted', 'used', 'wrong']);
    expect(r.remaining('alex@example.com')).toBe(6);
  });

  it('replaces the whole set when new codes are made: every unused old code stops working', () => {
    const r = referee();
    const old = r.activeCodes('alex@example.com');
    const fresh = r.regenerate('alex@example.com');
    expect(fresh.some((c) => old.includes(c))).toBe(false);
    expect(r.useRecoveryCode('alex@example.com', old[0]!)).toBe(false);
    expect(r.state('alex@example.com').attempts.at(-1)?.why).toBe('invalidated');
    expect(r.useRecoveryCode('alex@example.com', fresh[0]!)).toBe(true);
  });

  it('makes proposed codes the set only once one of them confirms it (the replace-codes flow)', () => {
    const r = referee();
    const old = r.activeCodes('alex@example.com');
    const proposed = r.proposeNewSet('alex@example.com');
    expect(r.activeCodes('alex@example.com')).toEqual(old);
    expect(r.confirmNewSet('alex@example.com', old[0]!)).toBe(false);
    expect(r.confirmNewSet('alex@example.com', proposed[3]!)).toBe(true);
    expect(r.activeCodes('alex@example.com')).toEqual(proposed);
    // Confirming is not using: the confirming code still signs in once.
    expect(r.useRecoveryCode('alex@example.com', proposed[3]!)).toBe(true);
  });

  it("reads a typed code as fxa's form does: trimmed, lower case; only 10 Crockford characters pass its own check", () => {
    expect(normalizeCode(' AB12CD34EF ')).toBe('ab12cd34ef');
    expect(looksLikeCode('ab12cd34ef')).toBe(true);
    expect(looksLikeCode('ab12cd34e')).toBe(false);
    expect(looksLikeCode('ab12cd34eu')).toBe(false);
  });
});
