// The popup's first questions, asked before its script runs (src/ui/early-asks.ts) or as it
// starts, instead of as each screen commits: the replies travel while the script loads, and the
// accounts list no longer waits for the status's round trip. A prefetched reply answers the first
// matching ask only, and only while nothing else was sent: any other message may change the vault
// (unlock, lock, save), so after it every ask goes to the background again.
import type { MessageName, Result } from '../messages/protocol';
import type { Send } from './api';
import { OPENING_ASKS } from './early-asks';

export interface Prefetch {
  send: Send;
  /**
   * Resolves when every early reply is in, or after `ms`, whichever is first. The popup draws its
   * first screen then: drawn before, "Loading…" got its own style, layout and frame (about 7 ms
   * in Chromium) only to be replaced a few ms later. A background that is slow to answer (a
   * stopped service worker starting) still gets "Loading…" after `ms`.
   */
  answered: (ms: number) => Promise<void>;
}

/**
 * `sent`: the replies of questions already on their way (the early asks, src/ui/early-asks.ts),
 * as Results; the rest of `asks` are sent now.
 */
export function prefetching(
  send: Send,
  asks: readonly MessageName[] = OPENING_ASKS,
  sent?: ReadonlyMap<MessageName, Promise<Result<unknown>>>,
): Prefetch {
  const replies = asks.map((type) => [type, sent?.get(type) ?? (send(type, {} as never) as Promise<Result<unknown>>)] as const);
  let early: Map<MessageName, Promise<Result<unknown>>> | null = new Map(replies);
  const all = Promise.all(replies.map(([, reply]) => reply));
  return {
    send: (async (type: MessageName, body: unknown) => {
      const reply = isEmpty(body) ? early?.get(type) : undefined;
      if (reply) {
        early!.delete(type);
        return reply;
      }
      early = null;
      return send(type, body as never);
    }) as Send,
    answered: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        all.then(done, done);
      }),
  };
}

function isEmpty(body: unknown): boolean {
  return typeof body === 'object' && body !== null && Object.keys(body).length === 0;
}
