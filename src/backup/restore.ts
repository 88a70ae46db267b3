// Merging a checked backup into a vault, as a plan of per-account results. Pure: the handler
// writes the plan. Statuses only move forward; see DESIGN.md for every rule.
import type { RestoreSummary } from '../messages/protocol';
import type { TransitionResult, VaultCtx } from '../vault/context';
import { sameLabel } from '../vault/identity';
import { EVENT_KINDS, settle } from '../vault/moves';
import { REASONS } from '../vault/reasons';
import { STATUS_RANK } from '../vault/status';
import type { Account, Code, HistoryEntry, VaultEvent } from '../vault/types';
import type { CheckedPayload } from './validate';

export interface VaultView {
  accounts: readonly Account[];
  codesOf(accountId: string): readonly Code[];
}

export interface RestorePlan {
  /** One write per account: the account as it should be stored and its codes' changes. */
  writes: Array<{ account: Account; result: TransitionResult }>;
  /** The backup's log entries this vault doesn't have yet, plus one saying a restore happened. */
  events: VaultEvent[];
  summary: RestoreSummary;
}

/** The tab that held a reservation is gone: the code comes back as a fill nobody confirmed. */
function arrived(code: Code): Code {
  if (code.status !== 'reserved') return code;
  const { reservation: _dropped, ...rest } = code;
  return { ...rest, status: 'unconfirmed' };
}

function unionHistory(a: readonly HistoryEntry[], b: readonly HistoryEntry[]): HistoryEntry[] {
  const key = (h: HistoryEntry) => JSON.stringify([h.at, h.status, h.reason]);
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((h) => !seen.has(key(h)))].sort((x, y) => x.at - y.at);
}

export function planRestore(
  vault: VaultView,
  backup: CheckedPayload,
  knownEventIds: ReadonlySet<string>,
  ctx: VaultCtx,
): RestorePlan {
  const summary: RestoreSummary = {
    accountsAdded: 0,
    accountsMerged: 0,
    codesAdded: 0,
    codesAdvanced: 0,
    codesUnchanged: 0,
    skipped: backup.skipped,
  };
  const takenAccountIds = new Set(vault.accounts.map((a) => a.id));
  const takenCodeIds = new Set(vault.accounts.flatMap((a) => vault.codesOf(a.id).map((c) => c.id)));
  const writes: RestorePlan['writes'] = [];
  /** Backup account id → the id it has in this vault. */
  const accountIds = new Map<string, string>();
  // Two accounts of one file can land in the same account here ("@Alice" and "alice", or a
  // second "@alice" the file itself holds): the second then merges into the codes the first
  // left, and extends its write, rather than starting again from the vault's codes (which
  // stored a value twice and let memory and disk disagree).
  /** Accounts as the plan leaves them: the vault's, then those the file adds. */
  const accounts: Account[] = [...vault.accounts];
  /** An account's codes as planned so far. */
  const planned = new Map<string, Code[]>();
  /** Where each account's write is in `writes`. */
  const writeAt = new Map<string, number>();

  for (const theirs of backup.accounts) {
    const incoming = backup.codes.filter((c) => c.accountId === theirs.id).sort((a, b) => a.seq - b.seq);
    const ours =
      accounts.find((a) => a.id === theirs.id && a.site === theirs.site) ??
      accounts.find((a) => a.site === theirs.site && sameLabel(a.label, theirs.label));
    const account: Account = ours ?? { ...theirs, id: takenAccountIds.has(theirs.id) ? ctx.newId() : theirs.id };
    takenAccountIds.add(account.id);
    accountIds.set(theirs.id, account.id);
    if (ours) summary.accountsMerged++;
    else {
      summary.accountsAdded++;
      accounts.push(account);
    }

    const existing = ours ? [...(planned.get(ours.id) ?? vault.codesOf(ours.id))] : [];
    const codes = [...existing];
    const changed = new Map<string, Code>();
    const statusEvents: VaultEvent[] = [];
    const keepSeqs = existing.length === 0;
    // Kept seqs stay unique: a seq the file gives twice goes, the second time, after the file's
    // newest (an account's codes are ordered by seq, and X's rule depends on that order).
    let seq = (keepSeqs ? incoming : existing).reduce((max, c) => Math.max(max, c.seq), 0);
    const seqs = new Set<number>();

    for (const raw of incoming) {
      const code = arrived(raw);
      const i = codes.findIndex((c) => c.id === code.id || c.value === code.value);
      if (i >= 0) {
        const have = codes[i]!;
        if (STATUS_RANK[code.status] <= STATUS_RANK[have.status]) {
          summary.codesUnchanged++;
          continue;
        }
        const { reservation: _dropped, ...rest } = have;
        const next: Code = { ...rest, status: code.status, history: unionHistory(have.history, code.history) };
        codes[i] = next;
        changed.set(next.id, next);
        statusEvents.push({
          id: ctx.newId(),
          at: ctx.now,
          kind: EVENT_KINDS.statusChanged,
          accountId: account.id,
          codeId: next.id,
          detail: { seq: next.seq, from: have.status, to: next.status, reason: REASONS.restored },
        });
        summary.codesAdvanced++;
        continue;
      }
      const id = takenCodeIds.has(code.id) ? ctx.newId() : code.id;
      takenCodeIds.add(id);
      const added: Code = { ...code, id, accountId: account.id, seq: keepSeqs && !seqs.has(code.seq) ? code.seq : (seq += 1) };
      seqs.add(added.seq);
      codes.push(added);
      changed.set(added.id, added);
      summary.codesAdded++;
    }

    // The account's policy decides what the merged codes mean together (an ordered site's used
    // code invalidates the ones before it), as after any other change.
    const settled = settle(account, { codes, changed: [...changed.values()], events: statusEvents }, ctx);
    planned.set(account.id, settled.codes);
    const at = writeAt.get(account.id);
    if (at !== undefined) {
      const earlier = writes[at]!.result;
      const changedById = new Map([...earlier.changed, ...settled.changed].map((c) => [c.id, c] as const));
      writes[at] = {
        account,
        result: { codes: settled.codes, changed: [...changedById.values()], events: [...earlier.events, ...settled.events] },
      };
    } else if (!ours || settled.changed.length > 0) {
      writeAt.set(account.id, writes.length);
      writes.push({ account, result: settled });
    }
  }

  const events = backup.events
    .filter((e) => !knownEventIds.has(e.id))
    .map((e) => {
      // An account that merged into one of ours, or had to take a new id: its log follows it.
      const mapped = e.accountId === undefined ? undefined : accountIds.get(e.accountId);
      return mapped === undefined || mapped === e.accountId ? e : { ...e, accountId: mapped };
    });
  events.push({ id: ctx.newId(), at: ctx.now, kind: 'backup-restored', detail: { ...summary } });
  return { writes, events, summary };
}
