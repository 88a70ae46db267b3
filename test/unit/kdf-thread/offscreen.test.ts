// Chrome's offscreen document: its two jobs hold it open, and the KDF relay answers only our
// background, through one Worker it keeps until released or idle.
import { describe, expect, it, vi } from 'vitest';
import { Holds } from '../../../src/offscreen/holds';
import { kdfRelay } from '../../../src/offscreen/kdf-relay';
import { KDF_PORT, type KdfChannel, type KdfReply, type KdfRequest } from '../../../src/kdf-thread/protocol';

describe('Holds', () => {
  it('closes when the last job lets go, and only then', () => {
    const onEmpty = vi.fn();
    const holds = new Holds(onEmpty);
    holds.acquire('kdf');
    holds.acquire('clipboard');
    holds.release('kdf');
    expect(onEmpty).not.toHaveBeenCalled();
    holds.release('kdf');
    holds.release('clipboard');
    expect(onEmpty).toHaveBeenCalledOnce();
  });
});

function fakePort(name: string, sender: object) {
  const listeners: Array<(m: unknown) => void> = [];
  const posted: unknown[] = [];
  return {
    port: { name, sender, onMessage: { addListener: (l: (m: unknown) => void) => listeners.push(l) }, postMessage: (m: unknown) => posted.push(m) },
    send: (m: unknown) => listeners.forEach((l) => l(m)),
    posted,
  };
}

describe('kdfRelay', () => {
  const setup = () => {
    const requests: KdfRequest[] = [];
    const workers: Array<{ closed: boolean }> = [];
    const events: string[] = [];
    const accept = kdfRelay({
      trusted: (sender) => (sender as { url?: string } | undefined)?.url === 'chrome-extension://id/background.js',
      openWorker: async (): Promise<KdfChannel> => {
        const w = { closed: false };
        workers.push(w);
        return { request: async (r): Promise<KdfReply> => (requests.push(r), { id: r.id, ok: true }), close: () => (w.closed = true) };
      },
      busy: () => events.push('busy'),
      idle: () => events.push('idle'),
      idleMs: 60_000,
    });
    return { accept, requests, workers, events };
  };

  it('relays our background’s requests to one Worker and lets it go on release', async () => {
    const { accept, requests, workers, events } = setup();
    const bg = fakePort(KDF_PORT, { url: 'chrome-extension://id/background.js' });
    accept(bg.port as never);
    bg.send({ id: 1, op: 'warm' });
    bg.send({ id: 2, op: 'warm' });
    await vi.waitFor(() => expect(bg.posted).toHaveLength(2));
    expect(bg.posted).toEqual([{ id: 1, ok: true }, { id: 2, ok: true }]);
    expect(requests.map((r) => r.id)).toEqual([1, 2]);
    expect(workers).toHaveLength(1);
    bg.send({ op: 'release' });
    await vi.waitFor(() => expect(workers[0]!.closed).toBe(true));
    expect(events).toEqual(['busy', 'busy', 'idle']);
  });

  it('ignores a port from anyone else (a content script can open runtime ports too)', async () => {
    const { accept, requests } = setup();
    const page = fakePort(KDF_PORT, { url: 'https://x.com/', tab: { id: 1 } });
    accept(page.port as never);
    page.send({ id: 1, op: 'derive', passphrase: 'p', salt: 'AAAAAAAAAAAAAAAAAAAAAA==', params: {} });
    await new Promise((r) => setTimeout(r, 10));
    expect(requests).toEqual([]);
    expect(page.posted).toEqual([]);
  });
});
