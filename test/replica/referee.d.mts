// Types for referee.mjs (an independent model of X's backup-code rules, for tests).

export declare const MAX_ACTIVE: 5;
export declare const CODE_LENGTH: 12;
export declare const CodeStatus: Readonly<{ active: 'active'; used: 'used'; invalidated: 'invalidated' }>;
export declare const Rejection: Readonly<{ wrong: 'wrong'; used: 'used'; invalidated: 'invalidated'; noAccount: 'no-account' }>;
export declare const Modes: readonly Mode[];

export type Mode = 'app' | 'backup' | 'email' | 'none';
export type Status = 'active' | 'used' | 'invalidated';
export type RejectionReason = 'wrong' | 'used' | 'invalidated' | 'no-account';

export interface AccountSpec {
  /** With or without the leading @. */
  handle: string;
  password: string;
  displayName?: string;
  email?: string;
  phone?: string | null;
  /** What follows the password: 'backup' (default), 'app', 'email' (LoginAcid) or 'none'. */
  mode?: Mode;
  /** Insert X's "unusual login activity" check between identifier and password. */
  unusualActivity?: boolean;
  /** The 6-digit code the account's authenticator app shows (app mode). Default: derived from the seed. */
  appCode?: string;
  /** The e-mailed confirmation code (email mode). Default: derived from the seed. */
  emailCode?: string;
  /** Radio values on the choice screen. Default: per-account values derived from the seed. */
  choiceIds?: Partial<{ app: string; backup: string }>;
  /** Render the 2FA Next as the older <div role="button">. */
  legacyNextButton?: boolean;
  /** Generate this many codes right away. */
  codes?: number;
}

export interface AccountConfig {
  handle: string;
  password: string;
  displayName: string;
  email: string;
  phone: string | null;
  mode: Mode;
  unusualActivity: boolean;
  appCode: string;
  emailCode: string;
  choiceIds: { app: string; backup: string };
  legacyNextButton: boolean;
}

export interface CodeState {
  /** 1-based generation order within the account. */
  seq: number;
  /** 12 lowercase alphanumerics. */
  code: string;
  /** "xxxx xxxx xxxx", as X shows it. */
  display: string;
  status: Status;
  /** ms since the epoch (the referee's clock). */
  generatedAt: number;
  usedAt?: number;
  invalidatedAt?: number;
  /** 'limit' (a sixth code was generated) or 'out-of-order:<seq of the code used>'. */
  invalidatedBecause?: string;
}

export interface UseRecord {
  seq: number;
  code: string;
  at: number;
  origin?: string;
}

export interface AttemptRecord {
  kind: 'backup' | 'app' | 'email';
  at: number;
  ok: boolean;
  typed?: string;
  reason?: RejectionReason;
  origin?: string;
}

export interface AccountState {
  handle: string;
  mode: Mode;
  codes: CodeState[];
  /** Active codes, oldest first. */
  active: string[];
  /** Accepted codes in the order they were used. */
  uses: UseRecord[];
  /** Every submission at the 2FA / e-mail step, in order. */
  attempts: AttemptRecord[];
}

export type Verdict = { ok: true; seq: number } | { ok: false; reason: RejectionReason; seq?: number };

export interface Referee {
  readonly seed: string;
  createAccount(spec: AccountSpec): AccountConfig;
  hasAccount(handle: string): boolean;
  account(handle: string): AccountConfig | undefined;
  findAccount(identifier: string): AccountConfig | undefined;
  updateAccount(handle: string, patch: Partial<Omit<AccountSpec, 'handle' | 'codes'>>): AccountConfig;
  /** "Generate a new code": returns the new 12-character code. */
  generate(handle: string): string;
  /** The newest active code, or null. */
  current(handle: string): string | null;
  currentOrGenerate(handle: string): string;
  /** Applies X's rules to a code typed at the 2FA step (spaces and case ignored). */
  verify(handle: string, typed: string, meta?: { origin?: string }): Verdict;
  recordAttempt(handle: string, attempt: Omit<AttemptRecord, 'at'>): void;
  state(handle: string): AccountState;
  handles(): string[];
  reset(): void;
}

export declare function createReferee(options?: { seed?: string; now?: () => number; maxActive?: number }): Referee;
export declare function formatCode(code: string): string;
export declare function normalizeCode(text: string): string;
export declare function handleKey(handle: string): string;
export declare function deriveCode(seed: string, handle: string, seq: number): string;
