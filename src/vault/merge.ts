// Adding codes from a capture, a paste or an import. Values are normalised for the account's
// format (those that aren't codes are counted, not thrown), deduplicated against the account's
// codes and within the input, numbered after the newest code in input order, and then the
// account's policy applies (max-active, single).
import type { TransitionResult, VaultCtx } from './context';
import { formatOf, type FormatTable } from './formats';
import { EVENT_KINDS, settle } from './moves';
import { codesOf } from './policy';
import { ARRIVAL_REASON } from './reasons';
import type { Account, Code, CodeSource, HistoryEntry, VaultEvent } from './types';

export interface MergeCtx extends VaultCtx {
  source: CodeSource;
  /** The page the codes came from, for captures. */
  origin?: string;
  /** Groups the codes of one capture, paste or import. */
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
  const fresh: Code[] = [];
  for (const raw of rawValues) {
    const value = format.normalize(raw);
    if (value === null) {
      invalid += 1;
    } else if (seen.has(value)) {
      duplicates += 1;
    } else {
      seen.add(value);
      fresh.push(newCode(account, value, (seq += 1), ctx));
    }
  }
  const arrived: TransitionResult = {
    codes: [...codes, ...fresh],
    changed: fresh,
    events: fresh.length > 0 ? [addedEvent(account, fresh.length, duplicates, invalid, ctx)] : [],
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
