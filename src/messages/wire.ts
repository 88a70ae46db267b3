// How a protocol reply crosses runtime messaging. Firefox structured-clones an object reply
// field by field through its parent process: 100 account summaries took 7–9 ms more than the same
// data as one string (measured from an extension page, Firefox ESR 153), which was most of the
// popup's wait for its list. So our own senders ask for the reply as JSON text. Replies are plain
// data (no undefined that matters, no bytes), so the text loses nothing. A sender that does not
// ask (another extension probing us, a test's raw message) still gets the object.
import type { Result } from './protocol';

export const AS_TEXT = 'json' as const;

/** The envelope our own senders put on runtime messaging. */
export function envelope(type: string, body: unknown): { type: string; body: unknown; reply: typeof AS_TEXT } {
  return { type, body, reply: AS_TEXT };
}

/** The reply as the sender asked for it. */
export function encodeReply(message: unknown, reply: Result<unknown>): Result<unknown> | string {
  const asText = typeof message === 'object' && message !== null && (message as { reply?: unknown }).reply === AS_TEXT;
  return asText ? JSON.stringify(reply) : reply;
}

/** A reply read back: a Result, or undefined when the answer is not one (nothing, or garbage). */
export function decodeReply(raw: unknown): Result<unknown> | undefined {
  let reply = raw;
  if (typeof raw === 'string') {
    try {
      reply = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  return reply && typeof reply === 'object' && 'ok' in reply ? (reply as Result<unknown>) : undefined;
}
