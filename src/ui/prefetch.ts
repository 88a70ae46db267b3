// The popup's first questions, asked as its script starts instead of as each screen commits: the
// replies travel while Preact renders, and the accounts list no longer waits for the status's
// round trip. A prefetched reply answers the first matching ask only, and only while nothing
// else was sent: any other message may change the vault (unlock, lock, save), so after it every
// ask goes to the background again.
import type { MessageName, Result } from '../messages/protocol';
import type { Send } from './api';

/** What the accounts screen of an unlocked popup asks first (App, then Accounts). */
export const OPENING_ASKS = ['vault/status', 'accounts/list', 'captures/list'] as const satisfies readonly MessageName[];

export function prefetching(send: Send, asks: readonly MessageName[] = OPENING_ASKS): Send {
  let early: Map<MessageName, Promise<Result<unknown>>> | null = new Map(
    asks.map((type) => [type, send(type, {} as never) as Promise<Result<unknown>>]),
  );
  return (async (type: MessageName, body: unknown) => {
    const reply = isEmpty(body) ? early?.get(type) : undefined;
    if (reply) {
      early!.delete(type);
      return reply;
    }
    early = null;
    return send(type, body as never);
  }) as Send;
}

function isEmpty(body: unknown): boolean {
  return typeof body === 'object' && body !== null && Object.keys(body).length === 0;
}
