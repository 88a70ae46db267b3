// Thin glue over browser.storage areas, so the session logic can be tested with any key-value map.
// What is stored where, and in what shape: stored.ts.
import { browser } from 'wxt/browser';

export interface KeyValue {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  /** Several keys in one change, where the area can (storage-item.ts's migrations). */
  setMany?(entries: Record<string, unknown>): Promise<void>;
}

export type Area = 'local' | 'session';

export function storageArea(area: Area): KeyValue {
  const s = () => browser.storage[area];
  return {
    async get<T>(key: string) {
      const got = await s().get(key);
      return got[key] as T | undefined;
    },
    set: (key, value) => s().set({ [key]: value }),
    remove: (key) => s().remove(key),
    setMany: (entries) => s().set(entries),
  };
}

/**
 * storage.session is memory-only and cleared when the browser quits: the right home for the
 * unlocked vault key so a killed worker comes back unlocked. Chrome lets content scripts read it
 * if asked; we pin it to trusted contexts explicitly. Firefox never exposes it to content scripts
 * and has no setAccessLevel.
 */
export async function restrictSessionStorage(): Promise<void> {
  const session = browser.storage.session as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
  if (typeof session.setAccessLevel === 'function')
    await session.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
}
