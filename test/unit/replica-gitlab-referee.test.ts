// The GitLab replica's referee (test/replica/gitlab/referee.mjs), the independent judge of the
// GitLab e2e journeys: its rules must be GitLab's, whatever Sparekey's vault does.
import { describe, expect, it } from 'vitest';
import { createReferee, SET_SIZE } from '../replica/gitlab/referee.mjs';
import { gitlabFormat } from '../../src/sites/gitlab/format';

function referee() {
  const r = createReferee({ seed: 'unit' });
  r.createAccount({ login: 'Tanuki', password: 'pw', appCode: '654321' });
  return r;
}

describe('the GitLab referee', () => {
  it('hands out sets of 10 distinct codes of 16 lower-case hex digits, the same for the same seed', () => {
    const codes = referee().activeCodes('tanuki');
    expect(codes).toHaveLength(SET_SIZE);
    expect(SET_SIZE).toBe(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) {
      expect(c).toMatch(/^[0-9a-f]{16}$/);
      expect(gitlabFormat.normalize(c)).toBe(c);
    }
    expect(referee().activeCodes('TANUKI')).toEqual(codes);
  });

  it('takes each code once, in any order, and refuses a wrong one', () => {
    const r = referee();
    const [a, b] = r.activeCodes('tanuki');
    expect(r.useOtpAttempt('tanuki', b!)).toBe(true);
    expect(r.useOtpAttempt('tanuki', ` ${a!} `)).toBe(true);
    expect(r.useOtpAttempt('tanuki', b!)).toBe(false);
    expect(r.useOtpAttempt('tanuki', '0000000000000000')).toBe(false);
    expect(r.state('tanuki').attempts.map((x) => x.why)).toEqual(['accepted', 'accepted', 'used', 'wrong']);
  });

  it("takes the authenticator's code in the same field, and uses no recovery code for it", () => {
    const r = referee();
    expect(r.useOtpAttempt('tanuki', '654321')).toBe(true);
    expect(r.state('tanuki').attempts).toMatchObject([{ why: 'authenticator', ok: true }]);
    expect(r.state('tanuki').codes.every((c) => c.status === 'active')).toBe(true);
  });

  it('invalidates every unused code of the old set when a new set is made', () => {
    const r = referee();
    const old = r.activeCodes('tanuki');
    r.useOtpAttempt('tanuki', old[0]!);
    const fresh = r.regenerate('tanuki');
    expect(fresh).toHaveLength(10);
    expect(fresh.some((c) => old.includes(c))).toBe(false);
    expect(r.useOtpAttempt('tanuki', old[1]!)).toBe(false);
    expect(r.state('tanuki').attempts.at(-1)?.why).toBe('invalidated');
    expect(r.useOtpAttempt('tanuki', fresh[5]!)).toBe(true);
    expect(r.state('tanuki').codes.filter((c) => c.set === 1).map((c) => c.status)).toEqual(['used', ...Array(9).fill('invalidated')]);
  });

  it('gives an account without 2FA its first set only when it is enabled with the authenticator code', () => {
    const r = createReferee({ seed: 'unit' });
    r.createAccount({ login: 'new', password: 'pw', enabled: false });
    expect(r.activeCodes('new')).toEqual([]);
    expect(r.enable('new', '000000')).toBe(false);
    expect(r.enable('new', '123456')).toBe(true);
    expect(r.activeCodes('new')).toHaveLength(10);
    expect(r.enable('new', '123456')).toBe(false);
  });
});
