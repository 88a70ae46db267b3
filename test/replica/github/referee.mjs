// The GitHub referee: an independent model of GitHub's recovery-code rules, kept apart from
// Sparekey's src/vault so the end-to-end tests check the extension against something it did not
// write. The replica asks it whether a code typed at the 2FA step is accepted; tests ask it what
// happened.
//
// The rules (GitHub's docs, "Configuring two-factor authentication recovery methods"; issue 13):
//   - a set is 16 codes `xxxxx-xxxxx` (lower-case hex); each works once, in any order;
//   - "Generate new recovery codes" makes a new set and every code of the old set stops working;
//   - a wrong, used or old-set code is refused.
// Codes are deterministic from (seed, login, set), so a run is reproducible.
import { createHash } from 'node:crypto';

export const SET_SIZE = 16;

/** What the login form compares: spaces dropped, case folded (GitHub also takes the code without its hyphen). */
export function normalizeCode(text) {
  const t = String(text).replace(/\s+/g, '').toLowerCase();
  return /^[0-9a-f]{10}$/.test(t) ? `${t.slice(0, 5)}-${t.slice(5)}` : t;
}

export const loginKey = (login) => String(login).trim().toLowerCase();

export function createReferee(options = {}) {
  const seed = options.seed ?? 'sparekey-github-replica';
  /** login key → account */
  const accounts = new Map();

  function makeSet(login, set) {
    const codes = [];
    for (let i = 0; codes.length < SET_SIZE; i++) {
      const hex = createHash('sha256').update(`${seed}\u0000${loginKey(login)}\u0000${set}\u0000${i}`).digest('hex').slice(0, 10);
      const code = `${hex.slice(0, 5)}-${hex.slice(5)}`;
      if (!codes.includes(code)) codes.push(code);
    }
    return codes.map((code) => ({ code, set, status: 'active' }));
  }

  function account(login) {
    const a = accounts.get(loginKey(login));
    if (!a) throw new Error(`no GitHub replica account ${login}`);
    return a;
  }

  return {
    /** mode 'app': the 2FA step opens on the authenticator form; inPageSwap: its recovery link swaps the form in place. */
    createAccount({ login, password, appCode = '123456', inPageSwap = false }) {
      const a = { login, password, appCode, inPageSwap, set: 1, codes: makeSet(login, 1), attempts: [] };
      accounts.set(loginKey(login), a);
      return a;
    },
    /** Whether the recovery link swaps the form into the same document (SITES.md: GitHub sometimes does). */
    setInPageSwap(login, on) {
      account(login).inPageSwap = on;
    },
    has: (login) => accounts.has(loginKey(login)),
    account,
    checkPassword: (login, password) => accounts.get(loginKey(login))?.password === password,
    /** The active codes, in the order the page lists them. */
    activeCodes: (login) => account(login).codes.filter((c) => c.set === account(login).set).map((c) => c.code),
    /** A new set: every unused code of the old one stops working. */
    regenerate(login) {
      const a = account(login);
      for (const c of a.codes) if (c.status === 'active') c.status = 'invalidated';
      a.set += 1;
      a.codes.push(...makeSet(login, a.set));
      return a.codes.filter((c) => c.set === a.set).map((c) => c.code);
    },
    /** A code typed at the recovery step (or into #app_totp): accepted once, if of the current set. */
    useRecoveryCode(login, typed, at = Date.now()) {
      const a = account(login);
      const code = normalizeCode(typed);
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
