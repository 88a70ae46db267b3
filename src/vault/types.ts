// Plain data for the vault. Everything here is serialisable (structured-clone and JSON safe)
// so it can be sealed into IndexedDB records and sent over runtime messages.
import type { FormatId } from './formats/format';

export type SiteId = string;

export const POLICY_KINDS = ['ordered', 'any-order', 'batch', 'single'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

/** How a site treats its backup codes. `maxActive` only matters for `ordered`. */
export interface Policy {
  kind: PolicyKind;
  /** ordered: how many codes the site keeps valid at once (X: 5). */
  maxActive?: number;
}

/**
 * unused → reserved → used | rejected | unconfirmed; unused → invalidated.
 * `reserved` is a lock held by one fill request, not progress: releasing it returns the code
 * to `unused`. `unconfirmed` is a reservation whose tab went away with no outcome; the person
 * resolves it (used / rejected / not used).
 */
export const CODE_STATUSES = [
  'unused',
  'reserved',
  'unconfirmed',
  'used',
  'rejected',
  'invalidated',
] as const;
export type CodeStatus = (typeof CODE_STATUSES)[number];

export const CODE_SOURCES = ['page', 'paste', 'import', 'restore', 'manual'] as const;
export type CodeSource = (typeof CODE_SOURCES)[number];

export interface HistoryEntry {
  at: number;
  status: CodeStatus;
  /** Why the move happened: 'captured', 'reserved', 'accepted', 'rejected', 'invalidated-by-use', … */
  reason: string;
  /** Origin of the page involved (fills and captures). */
  origin?: string;
  /** For invalidations: the seq of the code whose use or arrival invalidated this one. */
  bySeq?: number;
  /** Set when a person made the move by hand in the popup. */
  manual?: boolean;
  /** Written by a sync merge (sync-merge.ts), which drops and recomputes these at every merge. */
  sync?: true;
  /** On a sync merge's invalidation: the status it replaced, so a later merge can re-decide. */
  from?: CodeStatus;
}

export interface Reservation {
  id: string;
  at: number;
  tabId?: number;
  origin?: string;
}

export interface Code {
  id: string;
  accountId: string;
  /** The secret, normalised for its site's format (no spaces, canonical case). */
  value: string;
  /** Generation order within the account, from 1. */
  seq: number;
  batch: string;
  source: CodeSource;
  capturedAt: number;
  status: CodeStatus;
  reservation?: Reservation;
  history: HistoryEntry[];
}

export interface Account {
  id: string;
  site: SiteId;
  /** e.g. '@handle' or an e-mail address. */
  label: string;
  /** Exact origins this account's codes may be filled on. */
  origins: string[];
  policy: Policy;
  /** How its codes look. Absent: the format named like the site, else 'generic'. */
  format?: FormatId;
  createdAt: number;
  updatedAt: number;
}

/** One entry of the encrypted, append-only event log: the history a person reads. */
export interface VaultEvent {
  /** Time-sortable unique id. */
  id: string;
  at: number;
  kind: string;
  accountId?: string;
  codeId?: string;
  /** Free-form, never containing a code value or passphrase. */
  detail?: Record<string, string | number | boolean | null>;
}
