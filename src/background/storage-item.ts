// A stored item declared once: its area, key, default, version and migrations, after WXT's
// storage.defineItem (wxt/utils/storage), whose conventions it keeps: versions count from 1, the
// version lives beside the value under `<key>$` as { v }, and a value with no such mark is v1.
// Why not WXT's own: it binds to the global browser.storage and runs migrations when the item is
// defined (at import time), while the background's tests run it over injected key-value maps (a
// worker that dies at any write: test/unit/adversarial/mortal.ts) and entrypoints do no work at
// import time; and it marks a versioned item's first write with `<key>$` even at v1, where ours
// leave the keys users already have exactly as they are.
import type { Area, KeyValue } from './browser-storage';

export type Migration = (old: unknown) => unknown;

export interface StoredItem<T> {
  readonly area: Area;
  readonly key: string;
  /** From 1. Raise it with a migration to it when the stored shape changes. */
  readonly version: number;
  /** `migrations[n]` turns a version n-1 value into version n. */
  readonly migrations: Readonly<Record<number, Migration>>;
  /** What reading gives when nothing is stored. */
  fallback(): T;
  /** What a stored value reads as (validation of what another build or version wrote). */
  read(stored: unknown): T;
}

export function defineStored<T>(item: {
  area: Area;
  key: string;
  version: number;
  migrations?: Record<number, Migration>;
  fallback: () => T;
  read?: (stored: unknown) => T;
}): StoredItem<T> {
  if (!Number.isInteger(item.version) || item.version < 1) throw new Error(`stored item ${item.key}: versions count from 1`);
  return { migrations: {}, read: (stored) => stored as T, ...item };
}

/** The key that holds an item's version, as WXT names it. */
export const versionKey = (key: string) => `${key}$`;

export interface Stored<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
}

/**
 * The item in `kv` (its own area's storage). The first access migrates what is stored, once, if
 * the item declares migrations; an item with none reads and writes its key alone.
 */
export function storedIn<T>(item: StoredItem<T>, kv: KeyValue): Stored<T> {
  let migrated: Promise<void> | undefined;
  const ready = () => (migrated ??= Object.keys(item.migrations).length ? migrate(item, kv) : Promise.resolve());
  const mark = { v: item.version };
  return {
    async get() {
      await ready();
      const stored = await kv.get<unknown>(item.key);
      return stored == null ? item.fallback() : item.read(stored);
    },
    async set(value) {
      await ready();
      // v1 needs no mark (unmarked is v1); a later version marks every write, so a value written
      // fresh is never taken for an old one at the next start.
      if (item.version === 1) await kv.set(item.key, value);
      else await setBoth(kv, item.key, value, mark);
    },
    async remove() {
      await ready();
      await kv.remove(item.key);
    },
  };
}

async function setBoth(kv: KeyValue, key: string, value: unknown, mark: { v: number }): Promise<void> {
  // One write where the area has it (browser.storage's set of several keys is one change), so a
  // worker killed halfway never leaves a migrated value under its old version.
  if (kv.setMany) await kv.setMany({ [key]: value, [versionKey(key)]: mark });
  else {
    await kv.set(key, value);
    await kv.set(versionKey(key), mark);
  }
}

async function migrate<T>(item: StoredItem<T>, kv: KeyValue): Promise<void> {
  const value = await kv.get<unknown>(item.key);
  if (value == null) return;
  const from = (await kv.get<{ v?: number }>(versionKey(item.key)))?.v ?? 1;
  // Newer than this build (a downgrade): left as it is, read() makes what it can of it.
  if (from >= item.version) return;
  let next = value;
  try {
    for (let v = from + 1; v <= item.version; v++) next = item.migrations[v]?.(next) ?? next;
  } catch (e) {
    // As WXT does: the failure is logged (never the value), and the item reads what is stored.
    console.error(`[sparekey] migrating stored ${item.key} to v${item.version} failed: ${e instanceof Error ? e.name : typeof e}`);
    return;
  }
  await setBoth(kv, item.key, next, { v: item.version });
}
