// Applying status moves: each move writes the new status, appends a history entry and yields one
// event. `settle` then applies whatever the account's policy requires, so every rule leaves the
// account obeying its policy.
import type { TransitionResult, VaultCtx } from './context';
import { requiredInvalidations } from './policy';
import type { Reason } from './reasons';
import type { Account, Code, CodeStatus, HistoryEntry, Reservation, VaultEvent } from './types';

export const EVENT_KINDS = {
  statusChanged: 'code-status-changed',
  codesAdded: 'codes-added',
  /** A stored account took its site's newer policy (adopt.ts). */
  policyChanged: 'policy-changed',
} as const;

export interface Move {
  codeId: string;
  to: CodeStatus;
  reason: Reason;
  manual?: boolean;
  origin?: string;
  bySeq?: number;
  /** The code's reservation afterwards: a new one, null to drop it, absent to keep it. */
  reservation?: Reservation | null;
}

function moved(code: Code, move: Move, at: number): Code {
  const entry: HistoryEntry = { at, status: move.to, reason: move.reason };
  if (move.origin !== undefined) entry.origin = move.origin;
  if (move.bySeq !== undefined) entry.bySeq = move.bySeq;
  if (move.manual) entry.manual = true;
  const next: Code = { ...code, status: move.to, history: [...code.history, entry] };
  if (move.reservation === null) delete next.reservation;
  else if (move.reservation !== undefined) next.reservation = move.reservation;
  return next;
}

function statusEvent(ctx: VaultCtx, before: Code, move: Move): VaultEvent {
  const detail: NonNullable<VaultEvent['detail']> = {
    seq: before.seq,
    from: before.status,
    to: move.to,
    reason: move.reason,
  };
  if (move.manual) detail.manual = true;
  if (move.bySeq !== undefined) detail.bySeq = move.bySeq;
  if (move.origin !== undefined) detail.origin = move.origin;
  return {
    id: ctx.newId(),
    at: ctx.now,
    kind: EVENT_KINDS.statusChanged,
    accountId: before.accountId,
    codeId: before.id,
    detail,
  };
}

/** Applies moves in order. Callers have checked that each move is legal. */
export function applyMoves(codes: readonly Code[], moves: readonly Move[], ctx: VaultCtx): TransitionResult {
  const next = [...codes];
  const changed = new Map<string, Code>();
  const events: VaultEvent[] = [];
  for (const move of moves) {
    const i = next.findIndex((c) => c.id === move.codeId);
    const before = next[i];
    if (before === undefined) continue;
    const after = moved(before, move, ctx.now);
    next[i] = after;
    changed.set(after.id, after);
    events.push(statusEvent(ctx, before, move));
  }
  return { codes: next, changed: [...changed.values()], events };
}

/** Joins two results where `later` was computed from `earlier.codes`. */
export function chain(earlier: TransitionResult, later: TransitionResult): TransitionResult {
  const changed = new Map(earlier.changed.map((c) => [c.id, c]));
  for (const c of later.changed) changed.set(c.id, c);
  return { codes: later.codes, changed: [...changed.values()], events: [...earlier.events, ...later.events] };
}

/** Applies the invalidations the account's policy requires after `result`. */
export function settle(account: Account, result: TransitionResult, ctx: VaultCtx): TransitionResult {
  const due = requiredInvalidations(account, result.codes);
  if (due.length === 0) return result;
  const moves = due.map(
    (d): Move => ({ codeId: d.code.id, to: 'invalidated', reason: d.reason, bySeq: d.bySeq, reservation: null }),
  );
  return chain(result, applyMoves(result.codes, moves, ctx));
}
