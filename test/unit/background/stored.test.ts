// What the background keeps in browser.storage: declared once (src/background/stored.ts), under the
// keys and shapes earlier releases wrote, and able to move a stored shape on with a migration.
import { describe, expect, it, vi } from 'vitest';
import { defineStored, storedIn, versionKey } from '../../../src/background/storage-item';
import { STORED } from '../../../src/background/stored';
import { DEFAULT_SETTINGS } from '../../../src/background/settings';
import { NO_FAILURES } from '../../../src/background/throttle';
import { memoryKv } from './rig';

describe('stored items', () => {
  it('keep the areas and keys that existing users already have, all at version 1', () => {
    const declared = Object.entries(STORED).map(([name, item]) => [name, item.area, item.key, item.version]);
    expect(declared).toEqual([
      ['settings', 'local', 'settings', 1],
      ['vaultKey', 'session', 'vaultKey', 1],
      ['unlockFailures', 'local', 'unlockFailures', 1],
      ['pendingCaptures', 'session', 'pendingCaptures', 1],
      ['sync', 'local', 'sync', 1],
      ['autoFill', 'local', 'autoFill', 1],
    ]);
  });

  it('read their defaults when nothing is stored', async () => {
    const kv = memoryKv();
    expect(await storedIn(STORED.settings, kv).get()).toEqual(DEFAULT_SETTINGS);
    expect(await storedIn(STORED.vaultKey, kv).get()).toBeUndefined();
    expect(await storedIn(STORED.unlockFailures, kv).get()).toEqual(NO_FAILURES);
    expect(await storedIn(STORED.pendingCaptures, kv).get()).toEqual([]);
    expect(await storedIn(STORED.sync, kv).get()).toEqual({ enabled: false, knownSlots: [], flushes: [], skipped: 0 });
    expect(await storedIn(STORED.autoFill, kv).get()).toEqual({ sites: {}, accounts: {} });
  });

  it('load settings stored by an earlier release as they are, and bound what is out of range', async () => {
    const kv = memoryKv();
    kv.data.set('settings', { autoLockMinutes: 5, autoSubmit: true, clipboardClearSeconds: 9999 });
    expect(await storedIn(STORED.settings, kv).get()).toEqual({ autoLockMinutes: 5, autoSubmit: true, clipboardClearSeconds: 600 });
  });

  it('write a version-1 item under its own key alone, in the shape it had', async () => {
    const kv = memoryKv();
    await storedIn(STORED.unlockFailures, kv).set({ failures: 3, lastFailureAt: 7 });
    await storedIn(STORED.vaultKey, kv).set('a2V5');
    expect([...kv.data.entries()]).toEqual([
      ['unlockFailures', { failures: 3, lastFailureAt: 7 }],
      ['vaultKey', 'a2V5'],
    ]);
    await storedIn(STORED.vaultKey, kv).remove();
    expect(kv.data.has('vaultKey')).toBe(false);
  });

  it('refuses a version below 1 (unmarked data is version 1, as in WXT)', () => {
    expect(() => defineStored({ area: 'local', key: 'x', version: 0, fallback: () => 0 })).toThrow(/from 1/);
  });
});

describe('stored item migrations', () => {
  // A fake next version of the settings: autoLockMinutes becomes autoLock: { minutes }.
  type V2 = { autoLock: { minutes: number } };
  const toV2 = vi.fn((old: unknown) => ({ autoLock: { minutes: (old as { autoLockMinutes: number }).autoLockMinutes } }));
  const v2 = defineStored<V2>({
    area: 'local',
    key: 'fake-settings',
    version: 2,
    migrations: { 2: toV2 },
    fallback: () => ({ autoLock: { minutes: 15 } }),
  });

  it('moves a value stored before the item had versions (unmarked: v1) to v2, once, and marks it', async () => {
    toV2.mockClear();
    const kv = memoryKv();
    kv.data.set('fake-settings', { autoLockMinutes: 5 });
    expect(await storedIn(v2, kv).get()).toEqual({ autoLock: { minutes: 5 } });
    expect(kv.data.get('fake-settings')).toEqual({ autoLock: { minutes: 5 } });
    expect(kv.data.get(versionKey('fake-settings'))).toEqual({ v: 2 });
    // A restarted worker finds it marked: nothing runs again.
    expect(await storedIn(v2, kv).get()).toEqual({ autoLock: { minutes: 5 } });
    expect(toV2).toHaveBeenCalledTimes(1);
  });

  it('marks a value first written at v2, so a later start does not take it for v1', async () => {
    toV2.mockClear();
    const kv = memoryKv();
    await storedIn(v2, kv).set({ autoLock: { minutes: 30 } });
    expect(kv.data.get(versionKey('fake-settings'))).toEqual({ v: 2 });
    expect(await storedIn(v2, kv).get()).toEqual({ autoLock: { minutes: 30 } });
    expect(toV2).not.toHaveBeenCalled();
  });

  it('runs every step in order from the stored version, and none when nothing is stored', async () => {
    const steps: number[] = [];
    const v3 = defineStored<number>({
      area: 'local',
      key: 'n',
      version: 3,
      migrations: { 2: (n) => (steps.push(2), (n as number) * 10), 3: (n) => (steps.push(3), (n as number) + 1) },
      fallback: () => 0,
    });
    const kv = memoryKv();
    kv.data.set('n', 4);
    expect(await storedIn(v3, kv).get()).toBe(41);
    expect(steps).toEqual([2, 3]);
    const empty = memoryKv();
    expect(await storedIn(v3, empty).get()).toBe(0);
    expect([...empty.data.keys()]).toEqual([]);
    expect(steps).toEqual([2, 3]);
  });

  it('writes the migrated value and its mark in one change where the area can', async () => {
    const kv = memoryKv();
    kv.data.set('fake-settings', { autoLockMinutes: 5 });
    const many = vi.fn(async (entries: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(entries)) kv.data.set(k, v);
    });
    await storedIn(v2, { ...kv, setMany: many }).get();
    expect(many).toHaveBeenCalledWith({ 'fake-settings': { autoLock: { minutes: 5 } }, 'fake-settings$': { v: 2 } });
  });

  it('leaves a value from a newer version (a downgrade) as it is', async () => {
    const kv = memoryKv();
    kv.data.set('fake-settings', { autoLock: { minutes: 5 }, extra: 1 });
    kv.data.set(versionKey('fake-settings'), { v: 3 });
    expect(await storedIn(v2, kv).get()).toEqual({ autoLock: { minutes: 5 }, extra: 1 });
    expect(kv.data.get(versionKey('fake-settings'))).toEqual({ v: 3 });
  });

  it('keeps what is stored when a migration fails, and logs no value', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = defineStored<string>({
      area: 'session',
      key: 'b',
      version: 2,
      migrations: { 2: () => { throw new Error('secret-value-123'); } },
      fallback: () => '',
    });
    const kv = memoryKv();
    kv.data.set('b', 'secret-value-123');
    expect(await storedIn(broken, kv).get()).toBe('secret-value-123');
    expect(kv.data.has(versionKey('b'))).toBe(false);
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0])).not.toContain('secret-value-123');
    error.mockRestore();
  });
});
