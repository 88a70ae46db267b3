// The KDF thread's side: one request in, one reply out. Pure apart from what src/crypto uses, so
// the unit tests run it in Node exactly as the worker does.
import { deriveKey, fromBase64, toBase64, warmKdf } from '../crypto';
import type { KdfRequest, KdfReply } from './protocol';

export async function serveKdf(request: KdfRequest): Promise<KdfReply> {
  try {
    if (request.op === 'warm') {
      await warmKdf();
      return { id: request.id, ok: true };
    }
    const key = await deriveKey(request.passphrase, fromBase64(request.salt), request.params);
    try {
      return { id: request.id, ok: true, key: toBase64(key) };
    } finally {
      key.fill(0);
    }
  } catch (error) {
    // The error's name only: our errors carry no secret, but nothing else's is known to.
    return { id: request.id, ok: false, error: error instanceof Error ? error.name : 'Error' };
  }
}
