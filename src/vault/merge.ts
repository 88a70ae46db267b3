// Adding codes from a capture, a paste or an import. Values are normalised for the account's
// format (those that aren't codes are counted, not thrown), deduplicated against the account's
// codes and within the input, numbered after the newest code in input order, and then the
// account's policy applies (max-active, single, batch).
import type { TransitionResult, VaultCtx } from './context';
import { formatOf, type FormatTable } from './formats';
import { EVENT_KINDS, settle } from './moves';
import { codesOf, currentBatch } from './policy';
import { ARRIVAL_REASON } from './reasons';
import type { Account, Code, CodeSource, HistoryEntry, VaultEvent } from './types';

export interface MergeCtx extends VaultCtx {
  source: CodeSource;
  /** The page the codes came from, for captures. */
  origin?: string;
  /** Groups the codes of one capture, paste or import (a new batch; see `batchOf`). */
  batch: string;
  /** The formats the caller knows (the site registry's FORMATS), to normalise values with. */
  formats: FormatTable;
}

export interface MergeResult extends TransitionResult {
  /** The new codes, as they are after the policy applied (some may already be invalidated). */
  added: Code[];
  /** Values already in the account or repeated in the input. */
  duplicates: number;
  /** Values that are not codes of the account's format. */
  invalid: number;
  /** Codes (old or new) the policy invalidated because of the new ones. */
  invalidated: Code[];
}

export function mergeCodes(
  account: Account,
  codes: readonly Code[],
  rawValues: readonly string[],
  ctx: MergeCtx,
): MergeResult {
  const format = formatOf(account, ctx.formats);
  const own = codesOf(account, codes);
  const seen = new Set(own.map((c) => c.value));
  let seq = own.reduce((max, c) => Math.max(max, c.seq), 0);
  let duplicates = 0;
  let invalid = 0;
  const values = rawValues.map((raw) => format.normalize(raw));
  const batch = batchOf(account, own, values, ctx.batch);
  const fresh: Code[] = [];
  for (const value of values) {
    if (value === null) {
      invalid += 1;
    } else if (seen.has(value)) {
      duplicates += 1;
    } else {
      seen.add(value);
      fresh.push(newCode(account, value, (seq += 1), { ...ctx, batch }));
    }
  }
  const arrived: TransitionResult = {
    codes: [...codes, ...fresh],
    changed: fresh,
    events: fresh.length > 0 ? [addedEvent(account, fresh.length, duplicates, invalid, { ...ctx, batch })] : [],
  };
  const settled = settle(account, arrived, ctx);
  // New codes arrive unused and old ones change here only by invalidation.
  const invalidated = settled.changed.filter((c) => c.status === 'invalidated');
  const freshIds = new Set(fresh.map((c) => c.id));
  return {
    ...settled,
    added: settled.codes.filter((c) => freshIds.has(c.id)),
    duplicates,
    invalid,
    invalidated,
  };
}

/**
 * Which batch a merge's new codes join. One capture-save, paste or import is one batch: `ctx.batch`.
 * Under the batch policy that batch is NEW, and invalidates every unused code of earlier ones,
 * only if it is not the current set again: when any of its values is already a code of the
 * account's current batch (a re-import of the same file, the whole file after a partial paste),
 * its new codes join the current batch and nothing is invalidated. A merge that adds no code (only
 * duplicates or values that aren't codes) starts nothing and changes nothing.
 */
function batchOf(account: Account, own: readonly Code[], values: readonly (string | null)[], fresh: string): string {
  if (account.policy.kind !== 'batch') return fresh;
  const current = currentBatch(account, own);
  if (current === undefined) return fresh;
  const inCurrent = new Set(own.filter((c) => c.batch === current).map((c) => c.value));
  return values.some((v) => v !== null && inCurrent.has(v)) ? current : fresh;
}

/**
 * What merging `rawValues` WOULD do, computed on a copy and never applied: the popup and the
 * capture banner show the account's codes it would invalidate before the person saves.
 */
export function previewMerge(
  account: Account,
  codes: readonly Code[],
  rawValues: readonly string[],
  ctx: Pick<MergeCtx, 'now' | 'source' | 'formats'>,
): MergeResult {
  let n = 0;
  return mergeCodes(account, codes, rawValues, { ...ctx, newId: () => `preview-${n++}`, batch: 'preview' });
}

function newCode(account: Account, value: string, seq: number, ctx: MergeCtx): Code {
  const entry: HistoryEntry = { at: ctx.now, status: 'unused', reason: ARRIVAL_REASON[ctx.source] };
  if (ctx.origin !== undefined) entry.origin = ctx.origin;
  return {
    id: ctx.newId(),
    accountId: account.id,
    value,
    seq,
    batch: ctx.batch,
    source: ctx.source,
    capturedAt: ctx.now,
    status: 'unused',
    history: [entry],
  };
}

function addedEvent(account: Account, added: number, duplicates: number, invalid: number, ctx: MergeCtx): VaultEvent {
  const detail: NonNullable<VaultEvent['detail']> = { added, duplicates, invalid, source: ctx.source, batch: ctx.batch };
  if (ctx.origin !== undefined) detail.origin = ctx.origin;
  return { id: ctx.newId(), at: ctx.now, kind: EVENT_KINDS.codesAdded, accountId: account.id, detail };
}
