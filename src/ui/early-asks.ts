// The popup's first questions, sent by a tiny classic script (entrypoints/popup-early.ts) that
// popup.html runs before its modules: the popup's own script is about 115 KB in several files,
// and fetching and running them took 25 ms in both browsers, all of which the replies had to wait
// for when the questions were asked from it. Now they travel meanwhile. The script imports no
// library (no polyfill): both browsers' runtime.sendMessage return a promise. It leaves the raw
// reply promises on its own page's window, where src/ui/prefetch.ts takes them, once.
import type { MessageName } from '../messages/protocol';
import { envelope } from '../messages/wire';

/** What the accounts screen of an unlocked popup asks first (App, then Accounts). */
export const OPENING_ASKS = ['vault/status', 'accounts/list', 'captures/list'] as const satisfies readonly MessageName[];

const KEY = '__sparekeyEarlyAsks';

type Runtime = { sendMessage(message: unknown): Promise<unknown> };
type Scope = { [KEY]?: Map<MessageName, Promise<unknown>>; browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime } };

/** Sends the opening asks (not for popup.html#sheet, which asks other things). */
export function askEarly(scope: Scope = globalThis as Scope, hash = location.hash): void {
  const runtime = scope.browser?.runtime ?? scope.chrome?.runtime;
  if (hash === '#sheet' || !runtime) return;
  scope[KEY] = new Map(
    OPENING_ASKS.map((type) => {
      const reply = runtime.sendMessage(envelope(type, {}));
      // Taken (and its failure turned into a Result) by the popup's script; never unhandled meanwhile.
      reply.catch(() => undefined);
      return [type, reply];
    }),
  );
}

/** The early asks' raw replies, handed over once (undefined when the early script did not run). */
export function takeEarly(scope: Scope = globalThis as Scope): Map<MessageName, Promise<unknown>> | undefined {
  const early = scope[KEY];
  delete scope[KEY];
  return early;
}
