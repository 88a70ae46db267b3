// The IndexedDB layout. At rest a row holds ids (and a code's account id, for the index) in
// plaintext and everything else inside `sealed`: no code value, label or site name.
import type { DBSchema } from 'idb';
import type { SealedRecord } from '../crypto';

export const DB_NAME = 'sparekey';

export const STORES = {
  meta: 'meta',
  accounts: 'accounts',
  codes: 'codes',
  events: 'events',
} as const;
export type StoreName = (typeof STORES)[keyof typeof STORES];

/** Keys in `meta` (out-of-line keys). */
export const META_KEYS = {
  header: 'header',
  settings: 'settings',
} as const;

export const CODES_BY_ACCOUNT = 'accountId';

export interface SealedRow {
  id: string;
  sealed: SealedRecord;
}

export interface CodeRow extends SealedRow {
  /** Plaintext so codes can be fetched per account; checked against the sealed copy on load. */
  accountId: string;
}

export interface SparekeyDB extends DBSchema {
  /** 'header' → VaultHeader (plaintext by design, see src/crypto/DESIGN.md); room for settings. */
  meta: { key: string; value: unknown };
  accounts: { key: string; value: SealedRow };
  codes: { key: string; value: CodeRow; indexes: { [CODES_BY_ACCOUNT]: string } };
  /** Ids are time-sortable, so key order is time order. */
  events: { key: string; value: SealedRow };
}
