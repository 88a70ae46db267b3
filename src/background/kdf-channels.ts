// The KDF thread each browser can give the background (see kdf-host.ts): Firefox's event page
// starts a Worker itself; Chrome's service worker has no Worker constructor, so its offscreen
// document starts one and relays over a runtime port. Elsewhere: none (derive in-thread).
import { browser, type Browser } from 'wxt/browser';
import { KDF_PORT, KDF_WORKER_PATH, pendingReplies, type KdfChannel, type KdfRelease } from '../kdf-thread/protocol';
import { workerChannel } from '../kdf-thread/worker-channel';
import { chromeOffscreen, ensureOffscreenDocument, type OffscreenApi } from './offscreen';

export function kdfChannelOpener(): (() => Promise<KdfChannel>) | undefined {
  if (typeof Worker === 'function') return () => workerChannel(browser.runtime.getURL(KDF_WORKER_PATH));
  const offscreen = chromeOffscreen();
  if (offscreen) return () => offscreenChannel(offscreen);
  return undefined;
}

async function offscreenChannel(offscreen: OffscreenApi): Promise<KdfChannel> {
  await ensureOffscreenDocument(offscreen);
  const port: Browser.runtime.Port = browser.runtime.connect({ name: KDF_PORT });
  const replies = pendingReplies();
  port.onMessage.addListener((message: unknown) => replies.settle(message));
  // No listener there (the document was closing), or it went away: this unlock derives in-thread.
  port.onDisconnect.addListener(() => replies.fail(new Error('KDF document went away')));
  return {
    request(request) {
      const reply = replies.wait(request.id);
      port.postMessage(request);
      return reply;
    },
    close() {
      try {
        port.postMessage({ op: 'release' } satisfies KdfRelease);
        port.disconnect();
      } catch {
        // Already disconnected.
      }
      replies.fail(new Error('KDF channel closed'));
    },
  };
}
