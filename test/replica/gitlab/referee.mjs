// The GitLab referee: an independent model of GitLab's recovery-code rules, kept apart from
// Sparekey's src/vault so the end-to-end tests check the extension against something it did not
// write. The replica asks it whether a code typed at the 2FA step is accepted; tests ask it what
// happened.
//
// The rules (gitlabhq: devise-two-factor's two_factor_backupable with otp_number_of_backup_codes
// 10, AuthenticatesWithTwoFactor#valid_otp_attempt?; issue 13; SITES.md):
//   - a set is 10 codes of 16 lower-case hex digits; each works once, in any order;
//   - enabling 2FA or "Regenerate recovery codes" makes a new set and every code of the old set
//     stops working (generate_otp_backup_codes! overwrites the stored list);
//   - the one field takes the authenticator's code or a recovery code: GitLab tries the first, then
//     the second (validate_and_consume_otp! || invalidate_otp_backup_code!);
//   - a wrong, used or old-set code is refused.
// Codes are deterministic from (seed, username, set), so a run is reproducible.
import { createHash } from 'node:crypto';

export const SET_SIZE = 10;

/** What the login compares: the field's value as typed, without surrounding spaces (GitLab strips nothing else). */
export function normalizeCode(text) {
  return String(text).trim();
}

export const loginKey = (login) => String(login).trim().toLowerCase();

export function createReferee(options = {}) {
  const seed = options.seed ?? 'sparekey-gitlab-replica';
  /** login key → account */
  const accounts = new Map();

  function makeSet(login, set) {
    const codes = [];
    for (let i = 0; codes.length < SET_SIZE; i++) {
      const code = createHash('sha256').update(`${seed}\u0000${loginKey(login)}\u0000${set}\u0000${i}`).digest('hex').slice(0, 16);
      if (!codes.includes(code)) codes.push(code);
    }
    return codes.map((code) => ({ code, set, status: 'active' }));
  }

  function account(login) {
    const a = accounts.get(loginKey(login));
    if (!a) throw new Error(`no GitLab replica account ${login}`);
    return a;
  }

  return {
    /**
     * emailCode: the sign-in asks for a code e-mailed to the person after the password (GitLab's
     * e-mail verification) before the 2FA step; webauthn: the 2FA form starts hidden behind
     * "Sign in via 2FA code".
     */
    createAccount({ login, password, appCode = '123456', emailCode = '', webauthn = false, enabled = true }) {
      const a = { login, password, appCode, emailCode, webauthn, enabled, set: 1, codes: enabled ? makeSet(login, 1) : [], attempts: [] };
      accounts.set(loginKey(login), a);
      return a;
    },
    has: (login) => accounts.has(loginKey(login)),
    account,
    checkPassword: (login, password) => accounts.get(loginKey(login))?.password === password,
    /** Whether the sign-in asks for an e-mailed code next, and a way to turn it on or off. */
    setEmailCode(login, code) {
      account(login).emailCode = code;
    },
    setWebauthn(login, on) {
      account(login).webauthn = on;
    },
    /** The active codes, in the order the page lists them. */
    activeCodes: (login) => account(login).codes.filter((c) => c.set === account(login).set).map((c) => c.code),
    /** 2FA turned on with the authenticator's code: the first set (the page after it shows the codes). */
    enable(login, pin) {
      const a = account(login);
      if (a.enabled || pin !== a.appCode) return false;
      a.enabled = true;
      a.codes.push(...makeSet(login, a.set));
      return true;
    },
    /** A new set: every unused code of the old one stops working. */
    regenerate(login) {
      const a = account(login);
      for (const c of a.codes) if (c.status === 'active') c.status = 'invalidated';
      a.set += 1;
      a.codes.push(...makeSet(login, a.set));
      return a.codes.filter((c) => c.set === a.set).map((c) => c.code);
    },
    /** What the one 2FA field was given: the authenticator's code, else a recovery code of the current set, once. */
    useOtpAttempt(login, typed, at = Date.now()) {
      const a = account(login);
      const code = normalizeCode(typed);
      if (code === a.appCode) {
        a.attempts.push({ code: '(authenticator)', ok: true, at, why: 'authenticator' });
        return true;
      }
      const found = a.codes.find((c) => c.code === code);
      const ok = found !== undefined && found.status === 'active';
      a.attempts.push({ code, ok, at, why: ok ? 'accepted' : found ? found.status : 'wrong' });
      if (ok) found.status = 'used';
      return ok;
    },
    state(login) {
      const a = account(login);
      return { set: a.set, codes: a.codes.map((c) => ({ ...c })), attempts: a.attempts.map((x) => ({ ...x })) };
    },
  };
}
