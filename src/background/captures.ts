// Codes seen on a site's backup-code page wait here until the person confirms — in the page's
// banner or in the popup. They live in storage.session (memory-only, trusted contexts) so a worker
// restart doesn't lose them, and never reach IndexedDB unconfirmed. They hold raw codes, so they
// do not outlive the unlocked session they were seen in: locking an unlocked vault (by hand or
// auto-lock, vault-state.ts lockVault) clears them all. One seen while the vault is locked
// waits for the unlock (the page's banner then offers Save), at most MAX_AGE_MS.
import type { SiteInfo } from '../sites/types';
import type { KeyValue } from './browser-storage';
import { storedIn, type Stored } from './storage-item';
import { STORED } from './stored';

export const MAX_AGE_MS = 60 * 60_000;
/** The alarm that deletes pending captures once they expire (raw codes must not linger). */
export const CAPTURE_EXPIRY_ALARM = 'sparekey-capture-expiry';

export interface Capture {
  id: string;
  tabId: number;
  origin: string;
  site: SiteInfo['id'];
  handle?: string;
  codes: string[];
  seenAt: number;
  /** Bumped whenever its codes change, so Save acts only on what the person was shown. */
  revision: number;
}

export class CaptureBox {
  private readonly stored: Stored<Capture[]>;

  constructor(
    /** storage.session */
    store: KeyValue,
    private readonly now: () => number,
    /** Asks to be woken at `when` (an alarm) so expired captures are deleted, not just hidden. */
    private readonly wakeAt: (name: string, when: number) => void = () => undefined,
  ) {
    this.stored = storedIn(STORED.pendingCaptures, store);
  }

  /** The live captures. Expired ones are deleted from storage on the way, not merely skipped. */
  async all(): Promise<Capture[]> {
    const list = await this.stored.get();
    const live = list.filter((c) => this.now() - c.seenAt < MAX_AGE_MS);
    if (live.length !== list.length) await this.write(live);
    return live;
  }

  private async write(list: Capture[]): Promise<void> {
    if (list.length === 0) {
      await this.stored.remove();
      return;
    }
    await this.stored.set(list);
    this.wakeAt(CAPTURE_EXPIRY_ALARM, Math.min(...list.map((c) => c.seenAt)) + MAX_AGE_MS);
  }

  /**
   * One pending capture per tab. Codes seen later in the same tab for the same account (X shows
   * one code at a time; "Generate a new code" shows the next) join it in the order they appeared,
   * since X keeps up to five codes valid and generation order is what its rule depends on. Only
   * the newest `kept` stay: the site no longer accepts older ones, and a page that keeps showing
   * "new codes" must not fill the vault (or, saved, invalidate the real ones).
   */
  async put(capture: Omit<Capture, 'revision'>, kept = Infinity): Promise<Capture> {
    const list = await this.all();
    const same = list.find(
      (c) => c.tabId === capture.tabId && c.origin === capture.origin && c.handle === capture.handle,
    );
    const codes = [...new Set([...(same?.codes ?? []), ...capture.codes])].slice(-kept);
    const changed = !same || codes.join() !== same.codes.join();
    const merged: Capture = same
      ? { ...capture, id: same.id, codes, revision: changed ? same.revision + 1 : same.revision }
      : { ...capture, codes, revision: 1 };
    await this.write([...list.filter((c) => c.tabId !== capture.tabId), merged]);
    return merged;
  }

  async get(id: string): Promise<Capture | undefined> {
    return (await this.all()).find((c) => c.id === id);
  }

  async remove(id: string): Promise<void> {
    await this.write((await this.all()).filter((c) => c.id !== id));
  }

  async clear(): Promise<void> {
    await this.stored.remove();
  }
}
