// A dedicated Worker that runs Argon2id, so the background's own thread (Firefox's event page, or
// Chrome's offscreen document that relays for the service worker) keeps answering messages while
// a key is derived. Started by src/background/kdf-host.ts or entrypoints/offscreen/main.ts.
import { isKdfRequest } from '../src/kdf-thread/protocol';
import { serveKdf } from '../src/kdf-thread/serve';

export default defineUnlistedScript(() => {
  const scope = self as unknown as { onmessage: ((e: MessageEvent) => void) | null; postMessage(m: unknown): void };
  scope.onmessage = (event) => {
    if (!isKdfRequest(event.data)) return;
    void serveKdf(event.data).then((reply) => scope.postMessage(reply));
  };
});
