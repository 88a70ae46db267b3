// The offscreen document's side of Chrome's KDF thread: the service worker connects on a runtime
// port (KDF_PORT); requests go to a dedicated Worker (entrypoints/kdf-worker.ts) and replies come
// back on the port. The Worker outlives a port, so a service worker restarted between the popup's
// status (which warms it) and the unlock finds it ready; it is let go on the background's
// release or after `idleMs` without a request, and then the document may close.
import type { Browser } from 'wxt/browser';
import { KDF_PORT, isKdfRequest, type KdfChannel } from '../kdf-thread/protocol';

export interface KdfRelayOptions {
  /** Only our own background may ask (a content script can open runtime ports too). */
  trusted(sender: Browser.runtime.MessageSender | undefined): boolean;
  openWorker(): Promise<KdfChannel>;
  /** The relay needs the document (a request came), or no longer does (released or idle). */
  busy(): void;
  idle(): void;
  idleMs: number;
}

export function kdfRelay(options: KdfRelayOptions): (port: Browser.runtime.Port) => void {
  let worker: Promise<KdfChannel> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const letGo = () => {
    clearTimeout(timer);
    const w = worker;
    worker = undefined;
    void w?.then((c) => c.close(), () => undefined);
    options.idle();
  };
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(letGo, options.idleMs);
  };
  arm();

  return (port) => {
    if (port.name !== KDF_PORT || !options.trusted(port.sender)) return;
    port.onMessage.addListener((message: unknown) => {
      if ((message as { op?: unknown } | null)?.op === 'release') return letGo();
      if (!isKdfRequest(message)) return;
      options.busy();
      clearTimeout(timer);
      const reply = (worker ??= options.openWorker()).then((w) => w.request(message));
      void reply
        .catch(() => {
          worker = undefined;
          return { id: message.id, ok: false as const, error: 'WorkerFailed' };
        })
        .then((answer) => {
          arm();
          try {
            port.postMessage(answer);
          } catch {
            // The service worker went away meanwhile; its successor asks again.
          }
        });
    });
  };
}
