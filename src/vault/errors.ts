// Typed failures of the vault rules. A message names a code by its seq or id, never by its
// value: messages end up in logs, replies and screenshots. The message is English for logs and
// tests; what a person reads is worded at the background from `code` and `detail`
// (src/background/errors.ts), so the detail carries everything a sentence needs, as ids.
import type { CodeStatus } from './types';

export const VAULT_ERROR_CODES = [
  'illegal-transition',
  'not-found',
  'reservation-mismatch',
  'invalid-format',
  'wrong-account',
] as const;
export type VaultErrorCode = (typeof VAULT_ERROR_CODES)[number];

/** What was tried on a code, as its refusal names it ("… can be marked used"). */
export type VaultAction =
  | 'reserved'
  | 'released'
  | 'used'
  | 'rejected'
  | 'unconfirmed'
  | 'invalidated'
  | 'marked used'
  | 'marked unused'
  | 'resolved';

export interface VaultErrorDetail {
  codeId?: string;
  seq?: number;
  /** For import errors: the 1-based line that failed. */
  line?: number;
  /** Refused moves: the code's status, the statuses that would have allowed it, and the move. */
  status?: CodeStatus;
  allowed?: readonly CodeStatus[];
  action?: VaultAction;
}

export class VaultError extends Error {
  readonly code: VaultErrorCode;
  readonly detail: VaultErrorDetail;

  constructor(code: VaultErrorCode, message: string, detail: VaultErrorDetail = {}) {
    super(message);
    this.name = 'VaultError';
    this.code = code;
    this.detail = detail;
  }
}

export function isVaultError(e: unknown, code?: VaultErrorCode): e is VaultError {
  return e instanceof VaultError && (code === undefined || e.code === code);
}

/** How a message refers to a code: "#3" when its seq is known. */
export function codeRef(code: { seq: number }): string {
  return `#${code.seq}`;
}
