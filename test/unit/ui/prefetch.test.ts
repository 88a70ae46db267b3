import { afterEach, describe, expect, it, vi } from 'vitest';
import { prefetching } from '../../../src/ui/prefetch';
import { fakeBackground } from './helpers';

describe('the popup\'s first questions, asked as it starts', () => {
  const status = { state: 'locked' } as never;

  it('are sent at once, in parallel, before any screen asks', () => {
    const bg = fakeBackground({ 'vault/status': status, 'accounts/list': [] });
    prefetching(bg.send, ['vault/status', 'accounts/list']);
    expect(bg.calls.map((c) => c.type)).toEqual(['vault/status', 'accounts/list']);
  });

  it('answer the first matching ask without a second message', async () => {
    const bg = fakeBackground({ 'vault/status': status, 'accounts/list': [] });
    const { send } = prefetching(bg.send, ['vault/status', 'accounts/list']);
    expect(await send('vault/status', {})).toEqual({ ok: true, value: status });
    expect(await send('accounts/list', {})).toEqual({ ok: true, value: [] });
    expect(bg.calls).toHaveLength(2);
  });

  it('answer once: the next ask of the same question goes to the background', async () => {
    const bg = fakeBackground({ 'vault/status': status });
    const { send } = prefetching(bg.send, ['vault/status']);
    await send('vault/status', {});
    await send('vault/status', {});
    expect(bg.sent('vault/status')).toHaveLength(2);
  });

  it('are dropped once anything else was sent, since that may change the vault (an unlock)', async () => {
    const bg = fakeBackground({
      'vault/status': status,
      'accounts/list': { code: 'locked', message: 'locked' },
      'vault/unlock': { state: 'unlocked' } as never,
    });
    const { send } = prefetching(bg.send, ['vault/status', 'accounts/list']);
    await send('vault/status', {});
    await send('vault/unlock', { passphrase: 'x' } as never);
    bg.script['accounts/list'] = [];
    expect(await send('accounts/list', {})).toEqual({ ok: true, value: [] });
    expect(bg.sent('accounts/list')).toHaveLength(2);
  });

  it('never answer an ask that carries a body', async () => {
    const bg = fakeBackground({ 'accounts/get': (b) => ({ id: b.accountId }) as never });
    const { send } = prefetching(bg.send, ['accounts/get']);
    expect(await send('accounts/get', { accountId: 'a1' })).toEqual({ ok: true, value: { id: 'a1' } });
  });

  describe('answered', () => {
    afterEach(() => vi.useRealTimers());

    it('resolves once every early reply is in, before the wait is over', async () => {
      vi.useFakeTimers();
      let answer!: (r: never) => void;
      const slow = new Promise<never>((resolve) => (answer = resolve));
      const bg = fakeBackground({ 'vault/status': status });
      const send = ((type: string, body: never) => (type === 'accounts/list' ? slow : bg.send(type as never, body))) as typeof bg.send;
      let done = false;
      void prefetching(send, ['vault/status', 'accounts/list']).answered(100).then(() => (done = true));
      await vi.advanceTimersByTimeAsync(50);
      expect(done).toBe(false);
      answer({ ok: true, value: [] } as never);
      await vi.advanceTimersByTimeAsync(0);
      expect(done).toBe(true);
    });

    it('resolves after the wait when a reply is slow (a starting background), or failed', async () => {
      vi.useFakeTimers();
      const never = new Promise<never>(() => undefined);
      let done = false;
      void prefetching((() => never) as never, ['vault/status']).answered(100).then(() => (done = true));
      await vi.advanceTimersByTimeAsync(99);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(done).toBe(true);
      const failing = prefetching((() => Promise.reject(new Error('gone'))) as never, ['vault/status']);
      await expect(failing.answered(10_000)).resolves.toBeUndefined();
    });
  });
});
