// Everything the background keeps in browser.storage, declared in one place: area, key, type,
// default and version (storage-item.ts). The keys and shapes are those earlier releases wrote, so
// existing data loads as it is: all at v1, no migration yet. Change a shape by raising its version
// with a migration to it. The vault itself is in IndexedDB (src/store), not here.
import type { AutoFillPrefs, Settings } from '../messages/protocol';
import { NO_AUTO_FILL, readAutoFillPrefs } from './auto-fill-prefs';
import type { Capture } from './captures';
import { DEFAULT_SETTINGS, mergeSettings } from './settings';
import { defineStored } from './storage-item';
import { NO_FAILURES, type ThrottleState } from './throttle';
import { SYNC_OFF, type SyncState } from './sync-state';

export const STORED = {
  /** The person's settings; no secret, so in storage.local and applied while locked too. */
  settings: defineStored<Settings>({
    area: 'local',
    key: 'settings',
    version: 1,
    fallback: () => ({ ...DEFAULT_SETTINGS }),
    // Each field checked and bounded: a value out of range falls back to its default.
    read: (stored) => mergeSettings(stored),
  }),
  /**
   * The unlocked vault key (base64), in storage.session (memory-only, trusted contexts) so a
   * killed worker comes back unlocked; removed by lock. session.ts.
   */
  vaultKey: defineStored<string | undefined>({
    area: 'session',
    key: 'vaultKey',
    version: 1,
    fallback: () => undefined,
  }),
  /** The wrong-passphrase back-off (throttle.ts): storage.local, so a restart doesn't reset it. */
  unlockFailures: defineStored<ThrottleState>({
    area: 'local',
    key: 'unlockFailures',
    version: 1,
    fallback: () => NO_FAILURES,
  }),
  /** Codes seen on a page and not yet saved (captures.ts): storage.session, never IndexedDB. */
  pendingCaptures: defineStored<Capture[]>({
    area: 'session',
    key: 'pendingCaptures',
    version: 1,
    fallback: () => [],
  }),
  /** Sync's own state (sync.ts): no secret (slot names are PRF outputs), in storage.local. */
  sync: defineStored<SyncState>({
    area: 'local',
    key: 'sync',
    version: 1,
    fallback: () => ({ ...SYNC_OFF }),
    read: (stored) => ({ ...SYNC_OFF, ...(typeof stored === 'object' && stored !== null ? stored : {}) }),
  }),
  /** Auto-fill's choices per site and account (auto-fill-prefs.ts): no secret, storage.local. */
  autoFill: defineStored<AutoFillPrefs>({
    area: 'local',
    key: 'autoFill',
    version: 1,
    fallback: () => structuredClone(NO_AUTO_FILL),
    read: (stored) => readAutoFillPrefs(stored),
  }),
} as const;
