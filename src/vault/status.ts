import type { CodeStatus } from './types';

// The one-way order of statuses. `reserved` is a lock, so releasing it (back to unused) is the
// one automatic step down; anything else that goes down is a person's correction.
export const STATUS_RANK: Readonly<Record<CodeStatus, number>> = {
  unused: 0,
  reserved: 1,
  unconfirmed: 2,
  used: 3,
  rejected: 3,
  invalidated: 3,
};

export const TERMINAL: readonly CodeStatus[] = ['used', 'rejected', 'invalidated'];

export function isTerminal(status: CodeStatus): boolean {
  return TERMINAL.includes(status);
}

/** Codes the site may still accept and nobody has settled: what max-active counts. */
export function isActive(status: CodeStatus): boolean {
  return status === 'unused' || status === 'reserved';
}
