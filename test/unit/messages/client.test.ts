// send() and patiently(): a background that is starting (an MV3 service worker, a Firefox event
// page) may miss the first messages; callers that must not lose one try again, and give up with
// the typed error after the last wait.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { patiently, send } from '../../../src/messages/client';

const sendMessage = vi.hoisted(() => vi.fn<(message: unknown) => Promise<unknown>>());
vi.mock('wxt/browser', async () => {
  const { i18n } = await import('../i18n-en');
  return { browser: { i18n, runtime: { sendMessage: (m: unknown) => sendMessage(m) } } };
});

const answer = { ok: true, value: { loaded: true } } as const;
/** Fails `n` times the way a starting background does (no receiver), then answers. */
function failing(n: number, how: 'throw' | 'silent' = 'throw') {
  let left = n;
  sendMessage.mockImplementation(async () => {
    if (left-- > 0) {
      if (how === 'throw') throw new Error('Could not establish connection. Receiving end does not exist.');
      return undefined;
    }
    return answer;
  });
}
const waits: number[] = [];
const sleep = async (ms: number) => void waits.push(ms);

beforeEach(() => {
  sendMessage.mockReset();
  waits.length = 0;
});

describe('send', () => {
  it('turns an unreachable or silent background into a typed internal error, never an exception', async () => {
    failing(1, 'throw');
    expect(await send('content/load-runtime', {})).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } });
    failing(1, 'silent');
    expect(await send('content/load-runtime', {})).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } });
    expect(sendMessage).toHaveBeenLastCalledWith({ type: 'content/load-runtime', body: {}, reply: 'json' });
  });
});

describe('send, synchronously', () => {
  it('hands the message to the browser before it returns, and turns a synchronous throw into the typed error', async () => {
    sendMessage.mockResolvedValue(answer);
    const reply = send('content/load-runtime', {});
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(await reply).toEqual(answer);
    sendMessage.mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(await send('content/load-runtime', {})).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } });
  });
});

describe('patiently', () => {
  it('tries again while the background is starting, and returns its first answer', async () => {
    failing(2);
    const reply = await patiently(() => send('content/load-runtime', {}), { delays: [300, 1_000, 3_000], sleep });
    expect(reply).toEqual(answer);
    expect(sendMessage).toHaveBeenCalledTimes(3);
    expect(waits).toEqual([300, 1_000]);
  });

  it('gives up after the last wait with the typed internal error', async () => {
    failing(10, 'silent');
    const reply = await patiently(() => send('content/load-runtime', {}), { delays: [300, 1_000, 3_000], sleep });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('internal');
    expect(sendMessage).toHaveBeenCalledTimes(4);
    expect(waits).toEqual([300, 1_000, 3_000]);
  });

  it('takes a refusal as final: only an unreachable background is worth asking again', async () => {
    sendMessage.mockResolvedValue({ ok: false, error: { code: 'not-allowed', message: 'no' } });
    const reply = await patiently(() => send('content/load-runtime', {}), { delays: [300, 1_000], sleep });
    expect(!reply.ok && reply.error.code).toBe('not-allowed');
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(waits).toEqual([]);
  });

  it('asks no more once its signal aborted (the content script was torn down)', async () => {
    failing(10);
    const controller = new AbortController();
    const reply = await patiently(() => send('content/load-runtime', {}), {
      delays: [300, 1_000, 3_000],
      signal: controller.signal,
      sleep: async (ms) => {
        waits.push(ms);
        controller.abort();
      },
    });
    expect(!reply.ok && reply.error.code).toBe('internal');
    expect(sendMessage).toHaveBeenCalledTimes(2);
    expect(waits).toEqual([300]);
  });

  it('waits on real timers when given no sleep', async () => {
    vi.useFakeTimers();
    try {
      failing(1);
      const pending = patiently(() => send('content/load-runtime', {}), { delays: [500] });
      await vi.advanceTimersByTimeAsync(499);
      expect(sendMessage).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(await pending).toEqual(answer);
      expect(sendMessage).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
