import type { AutoFillPrefs, FillGrant, PageState, Settings } from '../messages/protocol';
import type { KeyValue } from './browser-storage';
import type { KdfPort } from './kdf-host';
import type { Queue } from './queue';
import type { Session } from './session';
import type { Sync } from './sync';

/** The browser as the handlers see it: small, so tests can fake it. */
export interface TabsPort {
  /** The tab's current URL, or undefined if it is gone or not visible to us. */
  url(tabId: number): Promise<string | undefined>;
  /** The focused window's active tab. */
  active(): Promise<{ id: number; url?: string } | undefined>;
  /**
   * What auto-fill checks right before it reserves a code, in one look: the tab's URL now, and
   * whether it is the active tab of the focused window. Undefined when the tab is gone.
   */
  look(tabId: number): Promise<{ url?: string; focused: boolean } | undefined>;
  /** Asks the tab's top-frame content script to fill; resolves false if it could not. */
  fill(tabId: number, grant: FillGrant & { autoSubmit: boolean }): Promise<boolean>;
  /** Opens the toolbar popup; false where the browser refuses (Firefox wants a user gesture). */
  openPopup(): Promise<boolean>;
  /** What the tab's top frame shows now (page/state); no challenge when nothing answers. */
  pageState(tabId: number): Promise<PageState>;
  /** Loads the page runtime (entrypoints/page-runtime.ts) into the tab's top frame. */
  loadRuntime(tabId: number): Promise<void>;
}

export interface SettingsPort {
  get(): Promise<Settings>;
  set(patch: Partial<Settings>): Promise<Settings>;
}

/** Auto-fill's choices (auto-fill-prefs.ts), kept like the settings. */
export interface AutoFillPort {
  get(): Promise<AutoFillPrefs>;
  set(prefs: AutoFillPrefs): Promise<void>;
}

export interface BackgroundDeps {
  session: Session;
  settings: SettingsPort;
  autoFill: AutoFillPort;
  tabs: TabsPort;
  /** storage.session: pending captures survive a worker restart but not a browser restart. */
  sessionStore: KeyValue;
  queue: Queue;
  now: () => number;
  newId: () => string;
  /** The vault's state or contents changed: refresh badges and pages. */
  changed: () => void;
  /** Wake the background at `when` (ms since epoch) with the alarm `name` (browser.alarms). */
  wakeAt: (name: string, when: number) => void;
  /** The KDF thread (kdf-host.ts): warmed ahead of an unlock, released after. None in tests. */
  kdf?: KdfPort;
  /** Sync through storage.sync (sync.ts). None in tests that don't sync. */
  sync?: Sync;
}
