// The Proton replica's referee (test/replica/proton/referee.mjs), the independent judge of the
// Proton e2e journeys: its rules must be Proton's, whatever Sparekey's vault does.
import { describe, expect, it } from 'vitest';
import { createReferee, normalizeCode, SET_SIZE } from '../replica/proton/referee.mjs';
import { protonFormat } from '../../src/sites/proton/format';

function referee(setSize?: number) {
  const r = createReferee(setSize ? { seed: 'unit', setSize } : { seed: 'unit' });
  r.createAccount({ username: 'Alex', password: 'pw', twoFactor: true });
  return r;
}

describe('the Proton referee', () => {
  it('hands out sets of distinct codes that Sparekey\'s Proton format takes, the same for the same seed, of any size asked for', () => {
    const codes = referee().activeCodes('alex');
    expect(codes).toHaveLength(SET_SIZE);
    expect(new Set(codes).size).toBe(SET_SIZE);
    for (const c of codes) expect(protonFormat.normalize(c)).toBe(c);
    expect(referee().activeCodes('ALEX')).toEqual(codes);
    // The count is the server's: the replica can be asked for another one.
    expect(referee(11).activeCodes('alex')).toHaveLength(11);
  });

  it('takes each code once, in any order (spaces stripped as the login form does), and refuses a wrong one', () => {
    const r = referee();
    const [a, b] = r.activeCodes('alex');
    expect(r.useRecoveryCode('alex', b!)).toBe(true);
    expect(r.useRecoveryCode('alex', ` ${a!.slice(0, 4)} ${a!.slice(4)} `)).toBe(true);
    expect(r.useRecoveryCode('alex', a!)).toBe(false);
    expect(r.useRecoveryCode('alex', 'zzzzzzzz')).toBe(false);
    expect(r.state('alex').attempts.map((x) => x.why)).toEqual(['accepted', 'accepted', 'used', 'wrong']);
    expect(r.remaining('alex')).toBe(SET_SIZE - 2);
  });

  it('replaces the whole set when 2FA is set up again: every unused old code stops working', () => {
    const r = referee();
    const old = r.activeCodes('alex');
    const fresh = r.regenerate('alex');
    expect(fresh.some((c) => old.includes(c))).toBe(false);
    expect(r.useRecoveryCode('alex', old[0]!)).toBe(false);
    expect(r.state('alex').attempts.at(-1)?.why).toBe('invalidated');
    expect(r.useRecoveryCode('alex', fresh[0]!)).toBe(true);
  });

  it('enables 2FA only with the authenticator\'s code, and turning it off leaves no code working', () => {
    const r = createReferee({ seed: 'unit' });
    r.createAccount({ username: 'sam', password: 'pw', totpCode: '654321' });
    expect(r.twoFactor('sam')).toBe(false);
    expect(r.enable('sam', '000000')).toBeNull();
    const codes = r.enable('sam', '654 321')!;
    expect(codes).toEqual(r.activeCodes('sam'));
    expect(r.enable('sam', '654321')).toBeNull();
    r.disable('sam');
    expect(r.useRecoveryCode('sam', codes[0]!)).toBe(false);
    expect(r.enable('sam', '654321')!.some((c) => codes.includes(c))).toBe(false);
  });

  it("reads a typed code as Proton's login form does: every space out, nothing else changed", () => {
    expect(normalizeCode(' ab12 cd34\t')).toBe('ab12cd34');
    expect(normalizeCode('AB12cd34')).toBe('AB12cd34');
  });
});
