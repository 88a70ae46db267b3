// The code state machine. Automatic moves (from a fill and its outcome) only go forward:
//   unused → reserved → used | rejected | unconfirmed;  unused | reserved → invalidated;
//   reserved → unused only by `release` with the matching reservation id (a lock, not progress).
// Terminal statuses (used, rejected, invalidated) change only by a person's correction, which is
// recorded as manual in the code's history. Every rule returns the account's codes after the
// move with the account's policy applied (see `settle`).
import type { TransitionResult, VaultCtx } from './context';
import { VaultError, codeRef, type VaultAction } from './errors';
import { applyMoves, settle, type Move } from './moves';
import { findCode } from './policy';
import { REASONS } from './reasons';
import { CODE_STATUSES, type Account, type Code, type CodeStatus, type Reservation } from './types';

function refuse(code: Code, action: VaultAction, allowed: readonly CodeStatus[]): never {
  throw new VaultError(
    'illegal-transition',
    `Code ${codeRef(code)} is ${code.status}; only a code that is ${allowed.join(' or ')} can be ${action}.`,
    { codeId: code.id, seq: code.seq, status: code.status, allowed, action },
  );
}

function target(
  account: Account,
  codes: readonly Code[],
  codeId: string,
  action: VaultAction,
  allowed: readonly CodeStatus[],
): Code {
  const code = findCode(account, codes, codeId);
  if (!allowed.includes(code.status)) refuse(code, action, allowed);
  return code;
}

/** A reserved code whose reservation is `reservationId`: a stale or foreign fill can't settle it. */
function reservedBy(account: Account, codes: readonly Code[], codeId: string, reservationId: string, action: VaultAction) {
  const code = target(account, codes, codeId, action, ['reserved']);
  if (code.reservation?.id !== reservationId) {
    throw new VaultError(
      'reservation-mismatch',
      `Code ${codeRef(code)} is reserved by another request; it cannot be ${action} with this reservation.`,
      { codeId: code.id, seq: code.seq, action },
    );
  }
  return code as Code & { reservation: Reservation };
}

function run(account: Account, codes: readonly Code[], move: Move, ctx: VaultCtx): TransitionResult {
  return settle(account, applyMoves(codes, [move], ctx), ctx);
}

export interface ReserveOptions {
  tabId?: number;
  origin?: string;
  /** Filled with no click (auto-fill): the history says so. */
  auto?: boolean;
}

/** Locks an unused code for one fill request. The reservation id is the key to its outcome. */
export function reserve(
  account: Account,
  codes: readonly Code[],
  codeId: string,
  ctx: VaultCtx,
  where: ReserveOptions = {},
): TransitionResult & { reservation: Reservation } {
  target(account, codes, codeId, 'reserved', ['unused']);
  const reservation: Reservation = { id: ctx.newId(), at: ctx.now };
  if (where.tabId !== undefined) reservation.tabId = where.tabId;
  if (where.origin !== undefined) reservation.origin = where.origin;
  const move: Move = { codeId, to: 'reserved', reason: where.auto ? REASONS.filledAutomatically : REASONS.reserved, reservation };
  if (where.origin !== undefined) move.origin = where.origin;
  return { ...run(account, codes, move, ctx), reservation };
}

/** Gives a reserved code back (the fill was cancelled before submitting, or undone: `reason`). */
export function release(
  account: Account,
  codes: readonly Code[],
  codeId: string,
  reservationId: string,
  ctx: VaultCtx,
  reason: typeof REASONS.released | typeof REASONS.undone = REASONS.released,
): TransitionResult {
  reservedBy(account, codes, codeId, reservationId, 'released');
  return run(account, codes, { codeId, to: 'unused', reason, reservation: null }, ctx);
}

function outcome(
  account: Account,
  codes: readonly Code[],
  codeId: string,
  reservationId: string,
  ctx: VaultCtx,
  to: 'used' | 'rejected',
  origin: string | undefined,
): TransitionResult {
  const code = reservedBy(account, codes, codeId, reservationId, to);
  const where = origin ?? code.reservation.origin;
  const move: Move = {
    codeId,
    to,
    reason: to === 'used' ? REASONS.accepted : REASONS.rejected,
    reservation: null,
  };
  if (where !== undefined) move.origin = where;
  return run(account, codes, move, ctx);
}

/** The site accepted the code. Under the ordered policy, every active code before it is invalidated. */
export function markUsed(
  account: Account,
  codes: readonly Code[],
  codeId: string,
  reservationId: string,
  ctx: VaultCtx,
  origin?: string,
): TransitionResult {
  return outcome(account, codes, codeId, reservationId, ctx, 'used', origin);
}

/** The site rejected the code; the next one can be offered. */
export function markRejected(
  account: Account,
  codes: readonly Code[],
  codeId: string,
  reservationId: string,
  ctx: VaultCtx,
  origin?: string,
): TransitionResult {
  return outcome(account, codes, codeId, reservationId, ctx, 'rejected', origin);
}

/** The fill ended with no outcome seen (tab closed): the person says later what happened. */
export function markUnconfirmed(
  account: Account,
  codes: readonly Code[],
  codeId: string,
  reservationId: string,
  ctx: VaultCtx,
): TransitionResult {
  reservedBy(account, codes, codeId, reservationId, 'unconfirmed');
  return run(account, codes, { codeId, to: 'unconfirmed', reason: REASONS.noOutcome }, ctx);
}

export interface InvalidateOptions {
  origin?: string;
  /** The code whose use or arrival made this one invalid, when known. */
  bySeq?: number;
}

/** The site no longer accepts this code (e.g. it was replaced). */
export function invalidate(
  account: Account,
  codes: readonly Code[],
  codeId: string,
  ctx: VaultCtx,
  why: InvalidateOptions = {},
): TransitionResult {
  target(account, codes, codeId, 'invalidated', ['unused', 'reserved']);
  const move: Move = { codeId, to: 'invalidated', reason: REASONS.invalidated, reservation: null };
  if (why.origin !== undefined) move.origin = why.origin;
  if (why.bySeq !== undefined) move.bySeq = why.bySeq;
  return run(account, codes, move, ctx);
}

// ---- a person's corrections, recorded as manual -----------------------------------------------

const ALL_BUT = (status: CodeStatus): CodeStatus[] => CODE_STATUSES.filter((s) => s !== status);

/** The person used this code themselves. Under the ordered policy this invalidates older codes. */
export function markUsedByHand(account: Account, codes: readonly Code[], codeId: string, ctx: VaultCtx): TransitionResult {
  target(account, codes, codeId, 'marked used', ALL_BUT('used'));
  const move: Move = { codeId, to: 'used', reason: REASONS.markedUsedByHand, manual: true, reservation: null };
  return run(account, codes, move, ctx);
}

/**
 * The person says this code was not used after all. The account's policy still applies: under
 * the ordered policy a code older than a used one, or beyond the active limit, is invalidated
 * again at once, and its history says why.
 */
export function markUnusedByHand(account: Account, codes: readonly Code[], codeId: string, ctx: VaultCtx): TransitionResult {
  target(account, codes, codeId, 'marked unused', ALL_BUT('unused'));
  const move: Move = { codeId, to: 'unused', reason: REASONS.markedUnusedByHand, manual: true, reservation: null };
  return run(account, codes, move, ctx);
}

export const RESOLUTIONS = ['used', 'rejected', 'unused'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

const RESOLUTION_REASON = {
  used: REASONS.resolvedUsed,
  rejected: REASONS.resolvedRejected,
  unused: REASONS.resolvedUnused,
} as const;

/** The person answers "Did this code work?" for an unconfirmed fill. */
export function resolveUnconfirmed(
  account: Account,
  codes: readonly Code[],
  codeId: string,
  resolution: Resolution,
  ctx: VaultCtx,
): TransitionResult {
  target(account, codes, codeId, 'resolved', ['unconfirmed']);
  const move: Move = {
    codeId,
    to: resolution,
    reason: RESOLUTION_REASON[resolution],
    manual: true,
    reservation: null,
  };
  return run(account, codes, move, ctx);
}
