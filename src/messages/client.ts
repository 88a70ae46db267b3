// Sending a protocol message from an extension page or a content script. Always resolves to a
// Result: a missing or dead background becomes a typed error, not an exception.
import { browser } from 'wxt/browser';
import { msg } from '../i18n';
import type { MessageName, Req, Res, Result } from './protocol';
import { decodeReply, envelope } from './wire';

export function send<N extends MessageName>(type: N, body: Req<N>): Promise<Result<Res<N>>> {
  // Sent now, not a microtask later: the page runtime asks for an automatic fill right before it
  // draws the chip, so the question travels while the chip is drawn.
  let raw: Promise<unknown>;
  try {
    raw = browser.runtime.sendMessage(envelope(type, body));
  } catch (error) {
    raw = Promise.reject(error);
  }
  return settle<Res<N>>(raw);
}

/** A raw runtime reply (sent here, or by the popup's early asks) as a Result. */
export async function settle<T>(raw: Promise<unknown>): Promise<Result<T>> {
  try {
    const reply = decodeReply(await raw);
    if (reply) return reply as Result<T>;
    return { ok: false, error: { code: 'internal', message: msg('clientNoAnswer') } };
  } catch {
    return { ok: false, error: { code: 'internal', message: msg('clientUnreachable') } };
  }
}

export interface Patience {
  /** The waits before each further attempt, in ms: one more attempt per entry. */
  delays: readonly number[];
  /** How to wait: a content script passes its own timers, which stop when it is torn down. */
  sleep?: (ms: number) => Promise<void>;
  /** No further attempt once this aborts. */
  signal?: AbortSignal;
}

const sleepMs = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * `attempt` again while it fails with 'internal': MV3 service workers and Firefox's event pages
 * stop when idle, and a message wakes them, but the first one can fail while they start. Any
 * other answer (an ok, a refusal) is final; after the last delay the 'internal' error is returned.
 */
export async function patiently<T>(attempt: () => Promise<Result<T>>, patience: Patience): Promise<Result<T>> {
  const sleep = patience.sleep ?? sleepMs;
  let reply = await attempt();
  for (const ms of patience.delays) {
    if (reply.ok || reply.error.code !== 'internal' || patience.signal?.aborted) break;
    await sleep(ms);
    reply = await attempt();
  }
  return reply;
}

