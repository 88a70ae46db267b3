// A KDF channel to a dedicated Worker running entrypoints/kdf-worker.ts: from Firefox's event page
// directly, and from Chrome's offscreen document (a service worker cannot start Workers).
import { pendingReplies, type KdfChannel } from './protocol';

export function workerChannel(url: string): Promise<KdfChannel> {
  let worker: Worker;
  try {
    worker = new Worker(url);
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error('Worker could not start'));
  }
  const replies = pendingReplies();
  worker.onmessage = (event: MessageEvent) => replies.settle(event.data);
  // A script that fails to load or throws: the event says nothing secret, but isn't logged either.
  worker.onerror = (event: Event) => {
    event.preventDefault();
    replies.fail(new Error('KDF worker failed'));
  };
  worker.onmessageerror = () => replies.fail(new Error('KDF worker sent an unreadable message'));
  return Promise.resolve({
    request(request) {
      const reply = replies.wait(request.id);
      worker.postMessage(request);
      return reply;
    },
    close() {
      worker.terminate();
      replies.fail(new Error('KDF worker closed'));
    },
  });
}
