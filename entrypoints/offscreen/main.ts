// Chrome's offscreen document (reasons CLIPBOARD and WORKERS, src/background/offscreen.ts): clears
// the clipboard after the background's "clear after", and hosts the KDF Worker for the service
// worker (src/offscreen/kdf-relay.ts). Closes itself once neither job holds it.
import { browser, type Browser } from 'wxt/browser';
import { KDF_WORKER_PATH } from '../../src/kdf-thread/protocol';
import { workerChannel } from '../../src/kdf-thread/worker-channel';
import { Holds } from '../../src/offscreen/holds';
import { kdfRelay } from '../../src/offscreen/kdf-relay';
import { OFFSCREEN_SCHEMA } from '../../src/messages/schemas';
import { parse } from '../../src/messages/validate';
import { ClearTimer, clearClipboard } from '../../src/ui/clipboard-clear';

const holds = new Holds(() => window.close());
// Whoever made the document is about to use it; the relay lets go after its idle minute.
holds.acquire('kdf');

const timer = new ClearTimer(
  () => clearClipboard(document),
  () => holds.release('clipboard'),
);

// Every extension page hears runtime messages, the popup's to the background included: anything
// that is not our own message, well formed (schemas.ts), is left to its addressee.
browser.runtime.onMessage.addListener((message: unknown) => {
  const m = parse(OFFSCREEN_SCHEMA, message, 'message');
  if (!m) return undefined;
  holds.acquire('clipboard');
  timer.schedule(m.delayMs);
  return Promise.resolve(true);
});

const background = browser.runtime.getURL('/background.js');
browser.runtime.onConnect.addListener(
  kdfRelay({
    trusted: (sender?: Browser.runtime.MessageSender) => sender?.id === browser.runtime.id && !sender.tab && sender.url === background,
    openWorker: () => workerChannel(KDF_WORKER_PATH),
    busy: () => holds.acquire('kdf'),
    idle: () => holds.release('kdf'),
    idleMs: 60_000,
  }),
);
