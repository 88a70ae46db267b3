// Merging two devices' copies of the vault (issue 16, item 3). Pure, and a join: merge(a, b) ==
// merge(b, a), merge(a, merge(b, c)) == merge(merge(a, b), c), merge(m, m) == m. So every device
// ends with the same vault whatever order sync delivers the copies in. The rules:
//   - Accounts by id; the copy with the later `updatedAt` wins (ties: the smaller JSON), so a
//     rename or a policy adoption travels. Two accounts created apart with the same label stay
//     two: they have different ids, and joining them is the second device's first sync (item 4).
//   - Deletes are tombstones { accountId, at } kept forever (the latest `at`). A tombstoned
//     account and its codes are gone from the merge, whatever either copy did after the delete:
//     keeping them around to decide later would keep a deleted account's codes in every synced
//     copy, and deciding with less than every copy would make the order of merges matter. A
//     person who wants it back adds it again (a new id).
//   - Codes by account id + value (values are stored normalised for their format, so "ab12 cd34"
//     pasted on one device and "AB12CD34" captured on another are one value): the same code
//     added on two devices has two ids, and must stay one code so it is never offered twice. The
//     merged code keeps the id, seq, batch and source of the copy captured first (ties: smaller id).
//   - A status only moves forward (STATUS_RANK); among the final ones used > rejected >
//     invalidated: the site accepted a used code, whatever another device saw later.
//     A correction down by hand on one device loses to another device's forward status.
//   - Reserved on two devices at once: read from the merged history, where one device's entries
//     alternate reserve → release or outcome, so a reserve while another is open, or after the
//     code was used, is a second device's fill. The code ends at its furthest status (used, if
//     either device used it; else `unconfirmed`, which the popup already asks the person to
//     resolve), and a history entry 'reserved-on-two-devices' (at the second reserve) flags it
//     for the person. A correction by hand after it settles it. The smaller reservation stays
//     on the code, but neither fill can settle it any more (it is no longer `reserved`).
//   - Then the account's policy, exactly as after every local change: `requiredInvalidations`
//     (policy.ts, what `settle` applies): X's ordered rule (a code used on one device invalidates
//     the earlier active ones from both), the batch rule, the active limit.
//   - Histories: the union of entries (by content: entries have no id), sorted by time. Entries
//     that a merge itself writes (policy invalidations, the two-device flag) carry `sync: true`
//     and `from` (the status they replaced); each merge undoes them (`baseOf`) and decides again
//     from everything it knows, so the grouping of merges can't matter. Events: union by id.
// The merge writes no event of its own: the caller logs that a sync happened.
import { requiredInvalidations } from './policy';
import { REASONS } from './reasons';
import { STATUS_RANK } from './status';
import type { Account, Code, CodeStatus, HistoryEntry, VaultEvent } from './types';

/** An account deleted on some device at `at`. */
export interface Tombstone {
  accountId: string;
  at: number;
}

/** One device's copy of the vault, as sync carries it. */
export interface SyncVault {
  accounts: Account[];
  codes: Code[];
  events: VaultEvent[];
  tombstones: Tombstone[];
}

export const EMPTY_SYNC_VAULT: SyncVault = { accounts: [], codes: [], events: [], tombstones: [] };

/** Ties among the final statuses: what the site said beats what a policy inferred. */
const FINAL_ORDER: Readonly<Record<CodeStatus, number>> = {
  unused: 0,
  reserved: 0,
  unconfirmed: 0,
  invalidated: 0,
  rejected: 1,
  used: 2,
};

function furthest(a: CodeStatus, b: CodeStatus): CodeStatus {
  const byRank = STATUS_RANK[a] - STATUS_RANK[b] || FINAL_ORDER[a] - FINAL_ORDER[b];
  return byRank >= 0 ? a : b;
}

const str = (x: unknown) => JSON.stringify(x);
const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

function entryKey(h: HistoryEntry): string {
  return str([h.at, h.status, h.reason, h.origin ?? null, h.bySeq ?? null, h.manual ?? false, h.sync ?? false, h.from ?? null]);
}

/** Union of entries, by content, sorted by time (then content, so the order is total). */
function unionHistory(entries: readonly HistoryEntry[]): HistoryEntry[] {
  const byKey = new Map<string, HistoryEntry>();
  for (const h of entries) byKey.set(entryKey(h), h);
  return [...byKey.entries()].sort(([ka, a], [kb, b]) => a.at - b.at || cmp(ka, kb)).map(([, h]) => h);
}

function mergeTombstones(all: readonly Tombstone[]): Tombstone[] {
  const at = new Map<string, number>();
  for (const t of all) at.set(t.accountId, Math.max(at.get(t.accountId) ?? -Infinity, t.at));
  return [...at].map(([accountId, when]) => ({ accountId, at: when })).sort((a, b) => cmp(a.accountId, b.accountId));
}

function mergeAccounts(all: readonly Account[], dead: ReadonlySet<string>): Account[] {
  const byId = new Map<string, Account>();
  for (const a of all) {
    if (dead.has(a.id)) continue;
    const have = byId.get(a.id);
    if (!have || a.updatedAt > have.updatedAt || (a.updatedAt === have.updatedAt && str(a) < str(have))) byId.set(a.id, a);
  }
  return [...byId.values()].sort((a, b) => cmp(a.id, b.id));
}

function mergeEvents(all: readonly VaultEvent[]): VaultEvent[] {
  const byId = new Map<string, VaultEvent>();
  for (const e of all) {
    const have = byId.get(e.id);
    if (!have || str(e) < str(have)) byId.set(e.id, e);
  }
  return [...byId.values()].sort((a, b) => a.at - b.at || cmp(a.id, b.id));
}

/**
 * When two fills of this code overlapped, from the merged history alone (so the answer doesn't
 * depend on the order of merges): one device's history alternates reserve → release or outcome,
 * so a reserve while another is open, or after the code was used, came from another device.
 * Gives the time of the reserve that overlapped, and whether a person has settled it by hand since.
 */
function overlap(history: readonly HistoryEntry[]): { at: number; pending: boolean } | undefined {
  let open = 0;
  let used = false;
  let found: { at: number; pending: boolean } | undefined;
  for (const h of history) {
    if (h.manual) {
      if (found) found.pending = false;
      used = h.status === 'used';
      open = 0;
    } else if (h.status === 'reserved') {
      if ((open > 0 || used) && !found) found = { at: h.at, pending: true };
      open += 1;
    } else if (h.status !== 'unused' || h.reason === REASONS.released) {
      open = Math.max(0, open - 1);
      if (h.status === 'used') used = true;
    }
  }
  return found;
}

/**
 * A copy's status before any merge's policy moved it: a merge's invalidation records the status it
 * replaced (`from`), and is undone here, so the policy applies once, to everything every copy
 * knows, and the grouping of merges can't matter (the active limit is not monotone: a code that a
 * partial merge pushed out may be free again once another device's copy is known).
 */
function baseOf(copy: Code): CodeStatus {
  let status = copy.status;
  const own = (s: CodeStatus) => copy.history.some((h) => !h.sync && (h.status === s || h.manual));
  for (let byMerge = undoable(copy, status); byMerge && !own(status); byMerge = undoable(copy, status)) status = byMerge;
  return status;
}

/** The status a merge's own move to `status` replaced, if a merge made that move. */
function undoable(copy: Code, status: CodeStatus): CodeStatus | undefined {
  return copy.history.find((h) => h.sync && h.status === status && h.from !== undefined)?.from;
}

type Joined = Code & {
  conflict?: { at: number; status: CodeStatus; from?: CodeStatus };
  from?: CodeStatus;
  why?: Pick<HistoryEntry, 'reason' | 'bySeq'>;
};

/** One code from its copies (same account, same value), before the policy and the flags. */
function joinCode(copies: readonly Code[]): Joined {
  const first = [...copies].sort((a, b) => a.capturedAt - b.capturedAt || cmp(a.id, b.id))[0]!;
  const bases = copies.map(baseOf);
  const status = bases.reduce(furthest);
  const history = unionHistory(copies.flatMap((c) => c.history.filter((h) => !h.sync)));
  const { reservation: _r, ...rest } = first;
  const code: Joined = { ...rest, status, history };
  // The lock of the copies at the furthest status (the smallest, if two devices hold one), kept
  // even when the merge flags or invalidates the code, so a later merge can still hand it back.
  const held = copies.filter((c, i) => bases[i] === status && c.reservation).map((c) => c.reservation!);
  const kept = held.sort((a, b) => cmp(str(a), str(b)))[0];
  if (kept) code.reservation = kept;
  const both = overlap(history);
  if (both) {
    code.conflict = { at: both.at, status };
    if (both.pending && STATUS_RANK[status] < STATUS_RANK.unconfirmed) code.conflict = { at: both.at, status: (code.status = 'unconfirmed'), from: status };
  }
  return code;
}

const lastAt = (c: Code) => c.history.reduce((max, h) => Math.max(max, h.at), c.capturedAt);

const canonical = (a: Code, b: Code) => a.seq - b.seq || a.capturedAt - b.capturedAt || cmp(a.id, b.id);

/**
 * The account's policy on the merged codes: `requiredInvalidations`, what `settle` applies after a
 * local change, until nothing more is due. A code it invalidates keeps its reservation, so a later
 * merge that undoes the invalidation (see `baseOf`) gives the fill its lock back.
 */
function applyPolicy(account: Account, codes: Joined[]): Joined[] {
  let own = [...codes].sort(canonical);
  for (let due = requiredInvalidations(account, own); due.length > 0; due = requiredInvalidations(account, own)) {
    const out = new Map(due.map((d) => [d.code.id, d]));
    own = own.map((c) => {
      const d = out.get(c.id);
      return d ? { ...c, status: 'invalidated', from: c.status, why: { reason: d.reason, bySeq: d.bySeq } } : c;
    });
  }
  return own;
}

/** The entries a merge writes, from the merged codes alone: the flag, and the policy's moves. */
function syncEntries(codes: readonly Joined[]): Code[] {
  return codes.map(({ conflict, from, why, ...code }) => {
    const extra: HistoryEntry[] = [];
    if (conflict) extra.push({ ...conflict, reason: REASONS.reservedOnTwoDevices, sync: true });
    if (from !== undefined && why) {
      const by = codes.find((c) => c.seq === why.bySeq);
      const at = Math.max(lastAt(code), by ? lastAt(by) : 0);
      extra.push({ at, status: 'invalidated', reason: why.reason, bySeq: why.bySeq!, from, sync: true });
    }
    return extra.length === 0 ? code : { ...code, history: unionHistory([...code.history, ...extra]) };
  });
}

/** The vault both devices should hold after sync brings them each other's copy. */
export function mergeVaults(a: SyncVault, b: SyncVault): SyncVault {
  const tombstones = mergeTombstones([...a.tombstones, ...b.tombstones]);
  const dead = new Set(tombstones.map((t) => t.accountId));
  const accounts = mergeAccounts([...a.accounts, ...b.accounts], dead);
  const live = new Map(accounts.map((acc) => [acc.id, acc]));
  const groups = new Map<string, Code[]>();
  for (const c of [...a.codes, ...b.codes]) {
    if (!live.has(c.accountId)) continue;
    const key = str([c.accountId, c.value]);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const joined = [...groups.values()].map(joinCode);
  const codes: Code[] = [];
  for (const account of accounts) {
    const own = joined.filter((c) => c.accountId === account.id);
    codes.push(...syncEntries(applyPolicy(account, own)));
  }
  // The log keeps a deleted account's events, as it does on the device that deleted it.
  const events = mergeEvents([...a.events, ...b.events]);
  return { accounts, codes: codes.sort((x, y) => cmp(x.accountId, y.accountId) || canonical(x, y)), events, tombstones };
}
