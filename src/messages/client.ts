// Sending a protocol message from an extension page or a content script. Always resolves to a
// Result: a missing or dead background becomes a typed error, not an exception.
import { browser } from 'wxt/browser';
import { msg } from '../i18n';
import type { MessageName, Req, Res, Result } from './protocol';

export async function send<N extends MessageName>(type: N, body: Req<N>): Promise<Result<Res<N>>> {
  try {
    const reply = (await browser.runtime.sendMessage({ type, body })) as Result<Res<N>> | undefined;
    if (reply && typeof reply === 'object' && 'ok' in reply) return reply;
    return { ok: false, error: { code: 'internal', message: msg('clientNoAnswer') } };
  } catch {
    return { ok: false, error: { code: 'internal', message: msg('clientUnreachable') } };
  }
}
