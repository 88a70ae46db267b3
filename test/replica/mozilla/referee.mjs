// The Mozilla account referee: an independent model of fxa's backup authentication code rules,
// kept apart from Sparekey's src/vault so the end-to-end tests check the extension against
// something it did not write. The replica asks it whether a code typed at /signin_recovery_code
// is accepted; tests ask it what happened.
//
// The rules (mozilla/fxa: fxa-settings/src/lib/totp.ts generateRecoveryCodes, auth-server config
// totp.recoveryCodes.count, SigninRecoveryCode; /work/shared/SITES.md):
//   - a set is 8 codes of 10 characters, Crockford base32, lower case; each works once, in any order;
//   - new codes (set-up again, or "replace codes" once one of the new codes confirms them) replace
//     the whole set: every unused code of the old set stops working;
//   - a wrong, used or old-set code is refused ("Invalid backup authentication code").
// Codes are deterministic from (seed, email, set), so a run is reproducible.
import { createHash } from 'node:crypto';

export const SET_SIZE = 8;
export const CODE_LENGTH = 10;
const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/** What fxa's login form sends: the typed code, trimmed and lower-cased. */
export const normalizeCode = (text) => String(text).trim().toLowerCase();

/** fxa's own check before it asks the server (SigninRecoveryCode: length 10 and isBase32Crockford). */
export const looksLikeCode = (text) => new RegExp(`^[${CROCKFORD}]{${CODE_LENGTH}}$`, 'i').test(String(text).trim());

export const emailKey = (email) => String(email).trim().toLowerCase();

export function createReferee(options = {}) {
  const seed = options.seed ?? 'sparekey-mozilla-replica';
  /** email key → account */
  const accounts = new Map();

  function makeSet(email, set) {
    const codes = [];
    for (let i = 0; codes.length < SET_SIZE; i++) {
      const bytes = createHash('sha256').update(`${seed}\u0000${emailKey(email)}\u0000${set}\u0000${i}`).digest();
      const code = Array.from(bytes.subarray(0, CODE_LENGTH), (b) => CROCKFORD[b % 32]).join('');
      if (!codes.includes(code)) codes.push(code);
    }
    return codes;
  }

  function account(email) {
    const a = accounts.get(emailKey(email));
    if (!a) throw new Error(`no Mozilla replica account ${email}`);
    return a;
  }

  /** The next set becomes the active one; the old set's unused codes stop working. */
  function activateNext(a) {
    for (const c of a.codes) if (c.status === 'active') c.status = 'invalidated';
    a.set += 1;
    a.codes.push(...makeSet(a.email, a.set).map((code) => ({ code, set: a.set, status: 'active' })));
    a.pending = null;
    return a.codes.filter((c) => c.set === a.set).map((c) => c.code);
  }

  return {
    createAccount({ email, password, totpCode = '123456' }) {
      const a = { email, password, totpCode, set: 1, codes: [], pending: null, attempts: [] };
      a.codes = makeSet(email, 1).map((code) => ({ code, set: 1, status: 'active' }));
      accounts.set(emailKey(email), a);
      return a;
    },
    has: (email) => accounts.has(emailKey(email)),
    account,
    checkPassword: (email, password) => accounts.get(emailKey(email))?.password === password,
    checkTotp: (email, code) => account(email).totpCode === String(code).trim(),
    /** The active codes, in the order fxa listed them. */
    activeCodes: (email) => account(email).codes.filter((c) => c.set === account(email).set).map((c) => c.code),
    /** "Replace codes" shows the next set; it replaces the old one only once confirmed. */
    proposeNewSet(email) {
      const a = account(email);
      a.pending = makeSet(email, a.set + 1);
      return [...a.pending];
    },
    /** The settings step asking for one of the NEW codes: true (and the new set active) if it is one. */
    confirmNewSet(email, typed) {
      const a = account(email);
      if (!a.pending || !a.pending.includes(normalizeCode(typed))) return false;
      activateNext(a);
      return true;
    },
    /** A new set made at fxa without Sparekey seeing it. */
    regenerate: (email) => activateNext(account(email)),
    /** A code typed at /signin_recovery_code: accepted once, if of the current set. */
    useRecoveryCode(email, typed, at = Date.now()) {
      const a = account(email);
      const code = normalizeCode(typed);
      const found = a.codes.find((c) => c.code === code);
      const ok = found !== undefined && found.status === 'active';
      a.attempts.push({ code, ok, at, why: ok ? 'accepted' : found ? found.status : 'wrong' });
      if (ok) found.status = 'used';
      return ok;
    },
    remaining: (email) => account(email).codes.filter((c) => c.status === 'active').length,
    state(email) {
      const a = account(email);
      return { set: a.set, codes: a.codes.map((c) => ({ ...c })), attempts: a.attempts.map((x) => ({ ...x })) };
    },
  };
}
