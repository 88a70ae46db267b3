// Messages between the background and the thread that runs Argon2id (entrypoints/kdf-worker.ts,
// reached directly in Firefox and through the offscreen document in Chrome). JSON-safe, since
// Chrome's runtime ports serialise as JSON: bytes travel as base64. They carry a passphrase and a
// key, so they only ever go through a Worker handle or a runtime port between our own contexts;
// nothing here is logged or stored.
import type { KdfParams } from '../crypto';

/** The runtime port name the background opens to the offscreen document (Chrome). */
export const KDF_PORT = 'sparekey-kdf';
/** The worker script, built from entrypoints/kdf-worker.ts. */
export const KDF_WORKER_PATH = '/kdf-worker.js';

export type KdfRequest =
  | { id: number; op: 'warm' }
  | { id: number; op: 'derive'; passphrase: string; salt: string; params: KdfParams };

export type KdfReply = { id: number; ok: true; key?: string } | { id: number; ok: false; error: string };

export function isKdfRequest(raw: unknown): raw is KdfRequest {
  if (typeof raw !== 'object' || raw === null) return false;
  const r = raw as Record<string, unknown>;
  if (!Number.isSafeInteger(r.id)) return false;
  if (r.op === 'warm') return true;
  return r.op === 'derive' && typeof r.passphrase === 'string' && typeof r.salt === 'string' && typeof r.params === 'object' && r.params !== null;
}

export function isKdfReply(raw: unknown): raw is KdfReply {
  if (typeof raw !== 'object' || raw === null) return false;
  const r = raw as Record<string, unknown>;
  if (!Number.isSafeInteger(r.id)) return false;
  return r.ok === true ? r.key === undefined || typeof r.key === 'string' : r.ok === false && typeof r.error === 'string';
}

/** Chrome: the background asks the offscreen document to let its Worker go (port only). */
export interface KdfRelease {
  op: 'release';
}

/** One open connection to a KDF thread. */
export interface KdfChannel {
  /** Rejects when the thread fails or goes away before it answers. */
  request(request: KdfRequest): Promise<KdfReply>;
  close(): void;
}

/** Requests waiting for their reply, by id: what every channel keeps. */
export function pendingReplies() {
  const waiting = new Map<number, { resolve(reply: KdfReply): void; reject(error: Error): void }>();
  let failure: Error | undefined;
  return {
    wait(id: number): Promise<KdfReply> {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
    },
    settle(raw: unknown): void {
      if (!isKdfReply(raw)) return;
      waiting.get(raw.id)?.resolve(raw);
      waiting.delete(raw.id);
    },
    /** The thread is gone: every waiting request and every later one fails. */
    fail(error: Error): void {
      failure ??= error;
      for (const w of waiting.values()) w.reject(failure);
      waiting.clear();
    },
  };
}
