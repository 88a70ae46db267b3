// An opened payload is authentic but still input: a file someone hands you can be made with a
// passphrase they tell you. Every record is checked and copied field by field; what can't be
// taken is counted, never half-kept.
import { FORMATS, SITES, isFormatId, siteById } from '../sites/index';
import { OTHER_SITE_ID, otherSite, parseSiteOrigin } from '../sites/generic/origin';
import { formatOf } from '../vault/formats';
import {
  CODE_SOURCES,
  CODE_STATUSES,
  POLICY_KINDS,
  type Account,
  type Code,
  type CodeSource,
  type CodeStatus,
  type HistoryEntry,
  type Policy,
  type VaultEvent,
} from '../vault/types';
import { NotABackupError, type BackupPayload } from './format';

export const BACKUP_LIMITS = { accounts: 1_000, codes: 100_000, events: 200_000, history: 1_000 } as const;

export interface CheckedPayload extends BackupPayload {
  /** Accounts of unknown sites, their codes, and codes that aren't codes of their format. */
  skipped: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isSeq = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 1e9;
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => list.includes(v as T);

function policy(raw: unknown, fallback: Policy): Policy {
  if (!isObj(raw) || !oneOf(POLICY_KINDS, raw.kind)) return { ...fallback };
  const p: Policy = { kind: raw.kind };
  if (Number.isInteger(raw.maxActive) && (raw.maxActive as number) >= 1 && (raw.maxActive as number) <= 1_000)
    p.maxActive = raw.maxActive as number;
  return p;
}

/**
 * Another site's account names its one origin itself: kept only when it is an origin a person could
 * have named (parseSiteOrigin: https, exact, no listed site's). Its pages are still read only after
 * the person grants that origin in the popup.
 */
function otherSiteIn(origins: unknown) {
  if (!Array.isArray(origins) || origins.length !== 1 || typeof origins[0] !== 'string') return undefined;
  const check = parseSiteOrigin(origins[0], (o) => SITES.find((s) => s.origins.includes(o))?.name);
  return check.ok && check.origin === origins[0] ? otherSite(check.origin) : undefined;
}

function account(raw: unknown): Account | null {
  if (!isObj(raw) || !isStr(raw.id, 64) || !isStr(raw.site, 32) || !isStr(raw.label)) return null;
  const site = raw.site === OTHER_SITE_ID ? otherSiteIn(raw.origins) : siteById(raw.site);
  if (!site) return null;
  // Only the site's own origins: a file can't bind an account to anywhere else.
  const origins = Array.isArray(raw.origins) ? site.origins.filter((o) => (raw.origins as unknown[]).includes(o)) : [];
  const a: Account = {
    id: raw.id,
    site: site.id,
    label: raw.label,
    origins: origins.length ? origins : [...site.origins],
    policy: policy(raw.policy, site.policy),
    createdAt: isTime(raw.createdAt) ? raw.createdAt : 0,
    updatedAt: isTime(raw.updatedAt) ? raw.updatedAt : 0,
  };
  if (typeof raw.format === 'string' && isFormatId(raw.format)) a.format = raw.format;
  return a;
}

function historyEntry(raw: unknown): HistoryEntry | null {
  if (!isObj(raw) || !isTime(raw.at) || !oneOf(CODE_STATUSES, raw.status) || !isStr(raw.reason, 64)) return null;
  const h: HistoryEntry = { at: raw.at, status: raw.status, reason: raw.reason };
  if (isStr(raw.origin)) h.origin = raw.origin;
  if (isSeq(raw.bySeq)) h.bySeq = raw.bySeq;
  if (raw.manual === true) h.manual = true;
  return h;
}

function code(raw: unknown, accounts: Map<string, Account>): Code | null {
  if (!isObj(raw) || !isStr(raw.id, 64) || !isStr(raw.accountId, 64) || typeof raw.value !== 'string') return null;
  const owner = accounts.get(raw.accountId);
  if (!owner || !isSeq(raw.seq) || !oneOf(CODE_STATUSES, raw.status)) return null;
  const value = formatOf(owner, FORMATS).normalize(raw.value);
  if (value === null) return null;
  const history = Array.isArray(raw.history)
    ? raw.history.slice(0, BACKUP_LIMITS.history).map(historyEntry).filter((h): h is HistoryEntry => h !== null)
    : [];
  const c: Code = {
    id: raw.id,
    accountId: owner.id,
    value,
    seq: raw.seq,
    batch: isStr(raw.batch, 64) ? raw.batch : 'restored',
    source: oneOf<CodeSource>(CODE_SOURCES, raw.source) ? raw.source : 'restore',
    capturedAt: isTime(raw.capturedAt) ? raw.capturedAt : 0,
    status: raw.status as CodeStatus,
    history,
  };
  if (isObj(raw.reservation) && isStr(raw.reservation.id, 64) && isTime(raw.reservation.at)) {
    c.reservation = { id: raw.reservation.id, at: raw.reservation.at };
  }
  return c;
}

function event(raw: unknown): VaultEvent | null {
  if (!isObj(raw) || !isStr(raw.id, 64) || !isTime(raw.at) || !isStr(raw.kind, 64)) return null;
  const e: VaultEvent = { id: raw.id, at: raw.at, kind: raw.kind };
  if (isStr(raw.accountId, 64)) e.accountId = raw.accountId;
  if (isStr(raw.codeId, 64)) e.codeId = raw.codeId;
  if (isObj(raw.detail)) {
    const detail: NonNullable<VaultEvent['detail']> = {};
    for (const [k, v] of Object.entries(raw.detail).slice(0, 32)) {
      if (v === null || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) detail[k] = v;
      else if (typeof v === 'string' && v.length <= 200) detail[k] = v;
    }
    e.detail = detail;
  }
  return e;
}

/** The payload's records that can be taken, each copied field by field. */
export function checkPayload(raw: unknown): CheckedPayload {
  if (!isObj(raw) || !Array.isArray(raw.accounts) || !Array.isArray(raw.codes)) throw new NotABackupError();
  const rawEvents = Array.isArray(raw.events) ? raw.events : [];
  if (
    raw.accounts.length > BACKUP_LIMITS.accounts ||
    raw.codes.length > BACKUP_LIMITS.codes ||
    rawEvents.length > BACKUP_LIMITS.events
  )
    throw new NotABackupError();
  let skipped = 0;
  const accounts = new Map<string, Account>();
  for (const r of raw.accounts) {
    const a = account(r);
    if (a && !accounts.has(a.id)) accounts.set(a.id, a);
    else skipped++;
  }
  const codes: Code[] = [];
  const ids = new Set<string>();
  for (const r of raw.codes) {
    const c = code(r, accounts);
    if (c && !ids.has(c.id)) {
      ids.add(c.id);
      codes.push(c);
    } else skipped++;
  }
  // The log is append-only and keyed by id: a second entry with an id already seen would fail
  // the whole restore's write, so the first one wins.
  const events: VaultEvent[] = [];
  const eventIds = new Set<string>();
  for (const r of rawEvents) {
    const e = event(r);
    if (e && !eventIds.has(e.id)) {
      eventIds.add(e.id);
      events.push(e);
    }
  }
  return { accounts: [...accounts.values()], codes, events, skipped };
}
