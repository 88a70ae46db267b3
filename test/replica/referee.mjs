// The referee: an independent model of X's backup-code rules, kept apart from Sparekey's own
// src/vault so the end-to-end tests check the extension's bookkeeping against something it did not
// write. The replica server asks it whether a code typed at the 2FA step is accepted; tests ask it
// what happened.
//
// The rules, from X's help text (test/../shared/seeds, "Help with two-factor authentication"):
//   "you can generate up to five active backup codes at any given time. be sure to use the codes in
//    the order in which you generated them; using a code out of order will invalidate all
//    previously generated codes."  and  "The backup code can only be used ONCE."
// So, per account:
//   - codes are generated in order (seq 1, 2, 3, …);
//   - at most five are active: generating a sixth invalidates the oldest active one;
//   - a code is accepted once; using code k invalidates every earlier code still unused;
//   - a wrong, invalidated or used code is rejected (X answers error 399).
//
// Codes are deterministic from (seed, handle, seq), so a test run is reproducible: 12 lowercase
// alphanumerics, shown by X as "xxxx xxxx xxxx".
//
// Plain JavaScript with no dependency but node:crypto, so Node tests, the replica server and the
// demo can all use it. Types for TypeScript callers: referee.d.mts.
import { createHash } from 'node:crypto';

/** X's limit on active backup codes. */
export const MAX_ACTIVE = 5;
export const CODE_LENGTH = 12;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Status of one generated code. */
export const CodeStatus = Object.freeze({
  active: 'active',
  used: 'used',
  invalidated: 'invalidated',
});

/** Why a code was refused. */
export const Rejection = Object.freeze({
  wrong: 'wrong',
  used: 'used',
  invalidated: 'invalidated',
  noAccount: 'no-account',
});

/** The 2FA modes an account can start in (what X shows after the password). */
export const Modes = Object.freeze(['app', 'backup', 'email', 'none']);

/** "abcd efgh ijkl", as X's backup-code screen shows a code. */
export function formatCode(code) {
  return String(code).match(/.{1,4}/g)?.join(' ') ?? '';
}

/** What the login form effectively compares: spaces dropped, case folded. */
export function normalizeCode(text) {
  return String(text).replace(/\s+/g, '').toLowerCase();
}

/** The handle without a leading @, lower-case: the key accounts are stored under. */
export function handleKey(handle) {
  return String(handle).trim().replace(/^@/, '').toLowerCase();
}

/** The nth code (1-based) of an account: deterministic from the seed. */
export function deriveCode(seed, handle, seq) {
  let out = '';
  let round = 0;
  while (out.length < CODE_LENGTH) {
    const digest = createHash('sha256').update(`${seed}\u0000${handleKey(handle)}\u0000${seq}\u0000${round}`).digest();
    for (const byte of digest) {
      // 252 = 7 × 36: reject the top bytes so every character is equally likely.
      if (byte < 252) out += ALPHABET[byte % 36];
      if (out.length === CODE_LENGTH) break;
    }
    round += 1;
  }
  return out;
}

/** n decimal digits derived from a label (the app code an account's "authenticator" shows). */
function deriveDigits(label, n) {
  const digest = createHash('sha256').update(label).digest();
  return Array.from(digest.subarray(0, n), (byte) => String(byte % 10)).join('');
}

/**
 * Per-account choice ids on the "Choose a different verification method" screen. X's ids differ
 * between accounts, so the adapter has to match the labels, never the values.
 */
function defaultChoiceIds(seed, handle) {
  const digest = createHash('sha256').update(`${seed}\u0000choices\u0000${handleKey(handle)}`).digest();
  const app = String(digest[0] % 7);
  let backup = String((digest[1] % 7) + 7);
  if (backup === app) backup = String(Number(backup) + 1);
  return { app, backup };
}

/**
 * @param {{ seed?: string, now?: () => number, maxActive?: number }} [options]
 */
export function createReferee(options = {}) {
  const seed = options.seed ?? 'sparekey-replica';
  const now = options.now ?? (() => Date.now());
  const maxActive = options.maxActive ?? MAX_ACTIVE;
  /** @type {Map<string, any>} */
  const accounts = new Map();

  function mustGet(handle) {
    const account = accounts.get(handleKey(handle));
    if (!account) throw new Error(`The referee has no account @${handleKey(handle)}; create it first.`);
    return account;
  }

  function snapshotCode(c) {
    return {
      seq: c.seq,
      code: c.code,
      display: formatCode(c.code),
      status: c.status,
      generatedAt: c.generatedAt,
      ...(c.usedAt !== undefined ? { usedAt: c.usedAt } : {}),
      ...(c.invalidatedAt !== undefined ? { invalidatedAt: c.invalidatedAt, invalidatedBecause: c.invalidatedBecause } : {}),
    };
  }

  function publicConfig(a) {
    const { codes: _codes, uses: _uses, attempts: _attempts, ...config } = a;
    return { ...config, choiceIds: { ...a.choiceIds } };
  }

  const referee = {
    seed,

    /**
     * Creates (or replaces) an account. Only handle and password are needed; the rest has defaults.
     * mode: what follows the password: 'backup' (2FA asking for a backup code), 'app' (2FA asking
     * for the code generator app; a backup code is one choice away), 'email' (LoginAcid, the
     * e-mailed code — not a 2FA step), 'none' (straight to /home).
     */
    createAccount(spec) {
      if (!spec || !spec.handle) throw new Error('createAccount needs a handle');
      if (typeof spec.password !== 'string' || spec.password === '') throw new Error('createAccount needs a password');
      const mode = spec.mode ?? 'backup';
      if (!Modes.includes(mode)) throw new Error(`mode must be one of ${Modes.join(', ')}, not ${mode}`);
      const key = handleKey(spec.handle);
      const account = {
        handle: String(spec.handle).replace(/^@/, ''),
        password: spec.password,
        displayName: spec.displayName ?? String(spec.handle).replace(/^@/, ''),
        email: spec.email ?? `${key}@example.test`,
        phone: spec.phone ?? null,
        mode,
        // X's "unusual login activity" check between the identifier and the password.
        unusualActivity: Boolean(spec.unusualActivity),
        // The code the "code generator app" would show (app mode) and the e-mailed code (email mode).
        appCode: spec.appCode ?? deriveDigits(`${seed}:app:${key}`, 6),
        emailCode: spec.emailCode ?? deriveCode(`${seed}:email`, key, 0).slice(0, 8),
        choiceIds: { ...defaultChoiceIds(seed, key), ...(spec.choiceIds ?? {}) },
        // Older X builds rendered the Next button as <div role="button">; the replica can too.
        legacyNextButton: Boolean(spec.legacyNextButton),
        codes: [],
        uses: [],
        attempts: [],
      };
      accounts.set(key, account);
      const initial = spec.codes ?? 0;
      for (let i = 0; i < initial; i += 1) referee.generate(key);
      return publicConfig(account);
    },

    hasAccount(handle) {
      return accounts.has(handleKey(handle));
    },

    /** The account's configuration (no codes), or undefined. */
    account(handle) {
      const a = accounts.get(handleKey(handle));
      return a ? publicConfig(a) : undefined;
    },

    /** Finds an account by what a person types at X's first step: @handle, handle or e-mail. */
    findAccount(identifier) {
      const text = String(identifier).trim().toLowerCase();
      if (!text) return undefined;
      for (const a of accounts.values()) {
        if (handleKey(a.handle) === handleKey(text) || a.email.toLowerCase() === text || (a.phone && a.phone === text)) {
          return publicConfig(a);
        }
      }
      return undefined;
    },

    /** Changes an account's configuration (mode, unusualActivity, legacyNextButton, …). */
    updateAccount(handle, patch) {
      const a = mustGet(handle);
      for (const [k, v] of Object.entries(patch)) {
        if (['codes', 'uses', 'attempts', 'handle'].includes(k)) throw new Error(`updateAccount cannot change ${k}`);
        if (k === 'mode' && !Modes.includes(v)) throw new Error(`mode must be one of ${Modes.join(', ')}`);
        if (k === 'choiceIds') a.choiceIds = { ...a.choiceIds, ...v };
        else a[k] = v;
      }
      return publicConfig(a);
    },

    /** Generates the account's next code ("Generate a new code"). Returns the 12-character code. */
    generate(handle) {
      const a = mustGet(handle);
      const at = now();
      const seq = a.codes.length + 1;
      const entry = { seq, code: deriveCode(seed, a.handle, seq), status: CodeStatus.active, generatedAt: at };
      a.codes.push(entry);
      const active = a.codes.filter((c) => c.status === CodeStatus.active);
      for (const old of active.slice(0, Math.max(0, active.length - maxActive))) {
        old.status = CodeStatus.invalidated;
        old.invalidatedAt = at;
        old.invalidatedBecause = 'limit';
      }
      return entry.code;
    },

    /** The newest active code (what X's backup-code screen shows), or null when none is active. */
    current(handle) {
      const a = mustGet(handle);
      for (let i = a.codes.length - 1; i >= 0; i -= 1) {
        if (a.codes[i].status === CodeStatus.active) return a.codes[i].code;
      }
      return null;
    },

    /** The code the replica's settings page shows: the newest active one, generating one if none. */
    currentOrGenerate(handle) {
      return referee.current(handle) ?? referee.generate(handle);
    },

    /**
     * Checks a backup code typed at the 2FA step and applies X's rules. Every call is recorded.
     * @returns {{ ok: true, seq: number } | { ok: false, reason: string, seq?: number }}
     */
    verify(handle, typed, meta = {}) {
      const a = accounts.get(handleKey(handle));
      if (!a) return { ok: false, reason: Rejection.noAccount };
      const at = now();
      const code = normalizeCode(typed);
      const entry = a.codes.find((c) => c.code === code);
      let result;
      if (!entry) result = { ok: false, reason: Rejection.wrong };
      else if (entry.status === CodeStatus.used) result = { ok: false, reason: Rejection.used, seq: entry.seq };
      else if (entry.status === CodeStatus.invalidated) result = { ok: false, reason: Rejection.invalidated, seq: entry.seq };
      else {
        entry.status = CodeStatus.used;
        entry.usedAt = at;
        for (const earlier of a.codes) {
          if (earlier.seq < entry.seq && earlier.status === CodeStatus.active) {
            earlier.status = CodeStatus.invalidated;
            earlier.invalidatedAt = at;
            earlier.invalidatedBecause = `out-of-order:${entry.seq}`;
          }
        }
        a.uses.push({ seq: entry.seq, code: entry.code, at, ...(meta.origin ? { origin: meta.origin } : {}) });
        result = { ok: true, seq: entry.seq };
      }
      a.attempts.push({ kind: 'backup', typed: code, at, ok: result.ok, ...(result.ok ? {} : { reason: result.reason }), ...(meta.origin ? { origin: meta.origin } : {}) });
      return result;
    },

    /** Records a non-backup attempt (app or e-mailed code) so tests see every submission. */
    recordAttempt(handle, attempt) {
      const a = accounts.get(handleKey(handle));
      if (a) a.attempts.push({ at: now(), ...attempt });
    },

    /**
     * Everything the referee knows about an account: each code with its status, the uses in order
     * (with timestamps) and every attempt. A deep copy: changing it changes nothing.
     */
    state(handle) {
      const a = mustGet(handle);
      return {
        handle: a.handle,
        mode: a.mode,
        codes: a.codes.map(snapshotCode),
        active: a.codes.filter((c) => c.status === CodeStatus.active).map((c) => c.code),
        uses: a.uses.map((u) => ({ ...u })),
        attempts: a.attempts.map((t) => ({ ...t })),
      };
    },

    /** Every account's handle. */
    handles() {
      return [...accounts.values()].map((a) => a.handle);
    },

    /** Forgets every account (codes restart from the seed). */
    reset() {
      accounts.clear();
    },
  };
  return referee;
}
