// The Proton referee: an independent model of Proton's recovery-code rules, kept apart from
// Sparekey's src/vault so the end-to-end tests check the extension against something it did not
// write. The replica asks it whether a code typed at the login's recovery mode is accepted; tests
// ask it what happened.
//
// The rules (ProtonMail/WebClients: EnableTOTPModal, LoginTOTPForm, TotpInputs; /work/shared/SITES.md):
//   - setting up 2FA (EnableTOTPModal, once the authenticator's code confirms it) makes a new set,
//     which the server returns (TwoFactorRecoveryCodes) and the modal shows once;
//   - each code works once, in any order; a new set replaces the old one: every unused code of the
//     old set stops working; a wrong, used or old-set code is refused;
//   - the login form strips spaces before it sends the code.
// How many codes a set holds and what they look like is Proton's server's business and not in the
// client: the replica's set (SET_SIZE codes of CODE_LENGTH lower-case hex) is a stand-in, and a
// test can ask for another size (createReferee({ setSize })) to show Sparekey takes what is shown.
// Codes are deterministic from (seed, username, set), so a run is reproducible.
import { createHash } from 'node:crypto';

export const SET_SIZE = 6;
export const CODE_LENGTH = 8;

/** What Proton's login form sends: the typed code without spaces (LoginTOTPForm's safeCode). */
export const normalizeCode = (text) => String(text).replaceAll(/\s+/g, '');

export const userKey = (username) => String(username).trim().toLowerCase();

export function createReferee(options = {}) {
  const seed = options.seed ?? 'sparekey-proton-replica';
  const setSize = options.setSize ?? SET_SIZE;
  /** username key → account */
  const accounts = new Map();

  function makeSet(username, set) {
    const codes = [];
    for (let i = 0; codes.length < setSize; i++) {
      const code = createHash('sha256').update(`${seed}\u0000${userKey(username)}\u0000${set}\u0000${i}`).digest('hex').slice(0, CODE_LENGTH);
      if (!codes.includes(code)) codes.push(code);
    }
    return codes;
  }

  function account(username) {
    const a = accounts.get(userKey(username));
    if (!a) throw new Error(`no Proton replica account ${username}`);
    return a;
  }

  /** A new set becomes the active one; the old set's unused codes stop working. */
  function activateNext(a) {
    for (const c of a.codes) if (c.status === 'active') c.status = 'invalidated';
    a.set += 1;
    a.codes.push(...makeSet(a.username, a.set).map((code) => ({ code, set: a.set, status: 'active' })));
    a.twoFactor = true;
    return a.codes.filter((c) => c.set === a.set).map((c) => c.code);
  }

  return {
    /** An account; with twoFactor, set 1 is already active (made before Sparekey was there). */
    createAccount({ username, password, totpCode = '123456', twoFactor = false }) {
      const a = { username, password, totpCode, set: 0, codes: [], twoFactor: false, attempts: [] };
      accounts.set(userKey(username), a);
      if (twoFactor) activateNext(a);
      return a;
    },
    has: (username) => accounts.has(userKey(username)),
    account,
    checkPassword: (username, password) => accounts.get(userKey(username))?.password === password,
    checkTotp: (username, code) => account(username).totpCode === normalizeCode(code),
    twoFactor: (username) => account(username).twoFactor,
    /** The current set's codes (used ones too), in the order the server listed them. */
    activeCodes: (username) => account(username).codes.filter((c) => c.set === account(username).set).map((c) => c.code),
    /** EnableTOTPModal's setupTotp: the authenticator's code confirms, the new set comes back (null if refused). */
    enable(username, totp) {
      const a = account(username);
      if (a.twoFactor || a.totpCode !== normalizeCode(totp)) return null;
      return activateNext(a);
    },
    /** Turning 2FA off: no set is valid any more. */
    disable(username) {
      const a = account(username);
      for (const c of a.codes) if (c.status === 'active') c.status = 'invalidated';
      a.twoFactor = false;
    },
    /** A new set made at Proton without Sparekey seeing it (2FA set up again elsewhere). */
    regenerate: (username) => activateNext(account(username)),
    /** A code typed at the login's recovery mode: accepted once, if of the current set. */
    useRecoveryCode(username, typed, at = Date.now()) {
      const a = account(username);
      const code = normalizeCode(typed);
      const found = a.codes.find((c) => c.code === code);
      const ok = found !== undefined && found.status === 'active';
      a.attempts.push({ code, ok, at, why: ok ? 'accepted' : found ? found.status : 'wrong' });
      if (ok) found.status = 'used';
      return ok;
    },
    remaining: (username) => account(username).codes.filter((c) => c.status === 'active').length,
    state(username) {
      const a = account(username);
      return { set: a.set, twoFactor: a.twoFactor, codes: a.codes.map((c) => ({ ...c })), attempts: a.attempts.map((x) => ({ ...x })) };
    },
  };
}
