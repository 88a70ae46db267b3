// The Google referee: an independent model of Google's backup-code rules, kept apart from
// Sparekey's src/vault so the end-to-end tests check the extension against something it did not
// write. The replica asks it whether a code typed at the backup-code challenge is accepted; tests
// ask it what happened.
//
// The rules (Google Account Help, "Sign in with backup codes"; SITES.md; issue 13):
//   - a set is 10 codes of 8 digits; each works once, in any order;
//   - "Get new codes" makes a new set and the old set becomes inactive;
//   - a wrong, used or old-set code is refused.
// Codes are deterministic from (seed, email, set), so a run is reproducible.
import { createHash } from 'node:crypto';

export const SET_SIZE = 10;

/** What the challenge compares: spaces and dashes dropped. */
export function normalizeCode(text) {
  return String(text).replace(/[\s-]+/g, '');
}

export const emailKey = (email) => String(email).trim().toLowerCase();

export function createReferee(options = {}) {
  const seed = options.seed ?? 'sparekey-google-replica';
  /** email key → account */
  const accounts = new Map();

  function makeSet(email, set) {
    const codes = [];
    for (let i = 0; codes.length < SET_SIZE; i++) {
      const n = createHash('sha256').update(`${seed}\u0000${emailKey(email)}\u0000${set}\u0000${i}`).digest().readUInt32BE(0) % 100_000_000;
      const code = String(n).padStart(8, '0');
      if (!codes.includes(code)) codes.push(code);
    }
    return codes.map((code) => ({ code, set, status: 'active' }));
  }

  function account(email) {
    const a = accounts.get(emailKey(email));
    if (!a) throw new Error(`no Google replica account ${email}`);
    return a;
  }

  return {
    /** first: the challenge the sign-in opens on after the password ('totp' or 'ipp', the SMS code). */
    createAccount({ email, password, name = 'Spare Key', first = 'totp', appCode = '123456', smsCode = '654321' }) {
      const a = { email, password, name, first, appCode, smsCode, set: 1, codes: makeSet(email, 1), attempts: [] };
      accounts.set(emailKey(email), a);
      return a;
    },
    setFirstChallenge(email, first) {
      account(email).first = first;
    },
    has: (email) => accounts.has(emailKey(email)),
    account,
    checkPassword: (email, password) => accounts.get(emailKey(email))?.password === password,
    /** The active codes, in the order the page lists them. */
    activeCodes: (email) => account(email).codes.filter((c) => c.set === account(email).set).map((c) => c.code),
    /** A new set: every unused code of the old one becomes inactive. */
    regenerate(email) {
      const a = account(email);
      for (const c of a.codes) if (c.status === 'active') c.status = 'invalidated';
      a.set += 1;
      a.codes.push(...makeSet(email, a.set));
      return a.codes.filter((c) => c.set === a.set).map((c) => c.code);
    },
    /** A code typed at the backup-code challenge: accepted once, if of the current set. */
    useBackupCode(email, typed, at = Date.now()) {
      const a = account(email);
      const code = normalizeCode(typed);
      const found = a.codes.find((c) => c.code === code);
      const ok = found !== undefined && found.status === 'active';
      a.attempts.push({ code, ok, at, why: ok ? 'accepted' : found ? found.status : 'wrong' });
      if (ok) found.status = 'used';
      return ok;
    },
    state(email) {
      const a = account(email);
      return { set: a.set, codes: a.codes.map((c) => ({ ...c })), attempts: a.attempts.map((x) => ({ ...x })) };
    },
  };
}
