// The settings and auto-fill's choices, kept in memory for the fill path (remembered.ts): read from
// storage once, replaced by our own writes, and read again after any change behind our back.
import { describe, expect, it } from 'vitest';
import { remembered } from '../../../src/background/remembered';

/** A stored value that counts its reads and can hold a read until the test lets it finish. */
function storage<T>(value: T) {
  const s = {
    value,
    reads: 0,
    hold: undefined as Promise<void> | undefined,
    async get() {
      s.reads++;
      const v = s.value;
      await s.hold;
      return v;
    },
    async set(next: T) {
      s.value = next;
    },
  };
  return s;
}

describe('a remembered stored value', () => {
  it('reads storage once, then answers from memory', async () => {
    const s = storage({ on: false });
    const r = remembered(s);
    expect(await r.get()).toEqual({ on: false });
    expect(await r.get()).toEqual({ on: false });
    expect(s.reads).toBe(1);
  });

  it('answers what was just set, without reading storage', async () => {
    const s = storage({ on: false });
    const r = remembered(s);
    await r.get();
    await r.set({ on: true });
    expect(await r.get()).toEqual({ on: true });
    expect(s.value).toEqual({ on: true });
    expect(s.reads).toBe(1);
  });

  it('reads storage again after a change behind its back (storage.onChanged → drop)', async () => {
    const s = storage({ on: false });
    const r = remembered(s);
    await r.get();
    s.value = { on: true };
    r.drop();
    expect(await r.get()).toEqual({ on: true });
    expect(s.reads).toBe(2);
  });

  it('does not keep a read that a change overtook: the next get reads storage again', async () => {
    const s = storage({ on: false });
    const r = remembered(s);
    let release!: () => void;
    s.hold = new Promise((resolve) => (release = resolve));
    const stale = r.get();
    s.value = { on: true };
    r.drop();
    release();
    expect(await stale).toEqual({ on: false }); // that caller asked before the change
    s.hold = undefined;
    expect(await r.get()).toEqual({ on: true });
  });

  it('does not remember a write that a change overtook', async () => {
    const s = storage({ on: false });
    const r = remembered({
      get: () => s.get(),
      set: async (v: { on: boolean }) => {
        await s.set(v);
        s.value = { on: false }; // another page wrote after us...
        r.drop(); // ...and storage.onChanged said so before our write's promise settled
      },
    });
    await r.set({ on: true });
    expect(await r.get()).toEqual({ on: false });
  });

  it('does not remember a failed read', async () => {
    let fail = true;
    const r = remembered({
      get: async () => {
        if (fail) throw new Error('storage unavailable');
        return 1;
      },
      set: async () => undefined,
    });
    await expect(r.get()).rejects.toThrow('storage unavailable');
    fail = false;
    expect(await r.get()).toBe(1);
  });
});
