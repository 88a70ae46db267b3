// The background's KDF host: derivations go to the KDF thread and come back; when the thread
// can't start, fails, answers with an error or goes away, this thread derives instead.
import { describe, expect, it, vi } from 'vitest';
import { KdfHost } from '../../../src/background/kdf-host';
import { deriveKey, toBase64, utf8Encode, type Derive } from '../../../src/crypto';
import type { KdfChannel, KdfReply, KdfRequest } from '../../../src/kdf-thread/protocol';
import { serveKdf } from '../../../src/kdf-thread/serve';
import { FAST_KDF, hex } from '../crypto/helpers';

const salt = utf8Encode('sixteen byte slt');

/** A channel whose thread is serveKdf in this process, as the worker runs it. */
function servingChannel(requests: KdfRequest[] = []): KdfChannel & { closed: boolean } {
  return {
    closed: false,
    request(request) {
      requests.push(request);
      return serveKdf(JSON.parse(JSON.stringify(request)));
    },
    close() {
      this.closed = true;
    },
  };
}

function host(open: (() => Promise<KdfChannel>) | undefined, fallback: Derive = vi.fn(deriveKey)) {
  return { host: new KdfHost({ open, fallback, idleMs: 60_000 }), fallback };
}

describe('KdfHost', () => {
  it('derives on the KDF thread, the same key as this thread would', async () => {
    const requests: KdfRequest[] = [];
    const { host: h, fallback } = host(async () => servingChannel(requests));
    const key = await h.derive('plum kettle orbit', salt, FAST_KDF);
    expect(hex(key)).toBe(hex(await deriveKey('plum kettle orbit', salt, FAST_KDF)));
    expect(fallback).not.toHaveBeenCalled();
    expect(requests).toEqual([{ id: 1, op: 'derive', passphrase: 'plum kettle orbit', salt: toBase64(salt), params: FAST_KDF }]);
  });

  it('lets the thread answer while it derives: nothing here waits on it', async () => {
    let answer: (reply: KdfReply) => void = () => undefined;
    const { host: h } = host(async () => ({ request: () => new Promise<KdfReply>((r) => (answer = r)), close() {} }));
    const derived = h.derive('plum kettle orbit', salt, FAST_KDF);
    let done = false;
    void derived.then(() => (done = true));
    // Other work runs on this thread meanwhile (a status, say); the derivation is still out.
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    answer({ id: 1, ok: true, key: toBase64(new Uint8Array(32).fill(9)) });
    expect(await derived).toEqual(new Uint8Array(32).fill(9));
  });

  it.each([
    ['no KDF thread here', undefined],
    ['the thread cannot start', () => Promise.reject(new Error('Worker is not defined'))],
    ['the thread goes away', async () => ({ request: () => Promise.reject(new Error('gone')), close() {} })],
    ['the thread answers with a failure', async () => ({ request: async (r: KdfRequest) => ({ id: r.id, ok: false as const, error: 'CompileError' }), close() {} })],
  ])('falls back to this thread when %s', async (_, open) => {
    const { host: h, fallback } = host(open as (() => Promise<KdfChannel>) | undefined);
    const key = await h.derive('plum kettle orbit', salt, FAST_KDF);
    expect(fallback).toHaveBeenCalledOnce();
    expect(hex(key)).toBe(hex(await deriveKey('plum kettle orbit', salt, FAST_KDF)));
  });

  it('falls back when the thread does not answer in time', async () => {
    const fallback = vi.fn(deriveKey);
    const h = new KdfHost({ open: async () => ({ request: () => new Promise<KdfReply>(() => undefined), close() {} }), fallback, timeoutMs: 10 });
    await h.derive('plum kettle orbit', salt, FAST_KDF);
    expect(fallback).toHaveBeenCalledOnce();
  });

  it('warms one channel, reuses it for the derivation, and closes it on release', async () => {
    const channels: Array<ReturnType<typeof servingChannel>> = [];
    const requests: KdfRequest[] = [];
    const { host: h } = host(async () => {
      channels.push(servingChannel(requests));
      return channels.at(-1)!;
    });
    h.warm();
    await h.derive('plum kettle orbit', salt, FAST_KDF);
    expect(channels).toHaveLength(1);
    expect(requests.map((r) => r.op)).toEqual(['warm', 'derive']);
    h.release();
    await Promise.resolve();
    await Promise.resolve();
    expect(channels[0]!.closed).toBe(true);
    await h.derive('plum kettle orbit', salt, FAST_KDF);
    expect(channels).toHaveLength(2);
  });

  it('lets a warmed thread go after the idle time', async () => {
    vi.useFakeTimers();
    try {
      const channel = servingChannel();
      const h = new KdfHost({ open: async () => channel, fallback: deriveKey, idleMs: 1_000 });
      h.warm();
      await vi.advanceTimersByTimeAsync(999);
      expect(channel.closed).toBe(false);
      await vi.advanceTimersByTimeAsync(2);
      expect(channel.closed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('serveKdf (the worker side)', () => {
  it('answers a failure by its error name only', async () => {
    const reply = await serveKdf({ id: 7, op: 'derive', passphrase: 'secret words', salt: toBase64(new Uint8Array(2)), params: FAST_KDF });
    expect(reply).toEqual({ id: 7, ok: false, error: 'RangeError' });
    expect(JSON.stringify(reply)).not.toContain('secret');
  });
});
