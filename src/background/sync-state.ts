// What the background remembers about sync between runs (storage.local, STORED.sync).
export interface SyncState {
  enabled: boolean;
  /** Slots of the accounts this device held at its last sync: one gone since was deleted here. */
  knownSlots: string[];
  /** When the recent flushes ran (pace.ts keeps them under Chrome's write limits). */
  flushes: number[];
  /** The header's salt at the last sync: a local header with another salt was re-wrapped here. */
  headerSalt?: string;
  bytes?: number;
  tooBig?: { bytes: number };
  skipped: number;
  lastSyncAt?: number;
}

export const SYNC_OFF: SyncState = { enabled: false, knownSlots: [], flushes: [], skipped: 0 };
