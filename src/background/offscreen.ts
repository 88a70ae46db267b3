// Chrome's one offscreen document (entrypoints/offscreen), shared by the clipboard clearing and
// the KDF Worker: a service worker has neither a clipboard nor the Worker constructor. Only one
// may exist per extension, so both go through here, and it is made with both reasons.
export const OFFSCREEN_PATH = '/offscreen.html';

export interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?: () => Promise<boolean>;
}

export function chromeOffscreen(): OffscreenApi | undefined {
  return (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
}

let creating: Promise<void> | undefined;

/** Resolves once the document exists (made now, or already there). */
export async function ensureOffscreenDocument(api: OffscreenApi): Promise<void> {
  if (await api.hasDocument?.().catch(() => false)) return;
  creating ??= api
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['CLIPBOARD', 'WORKERS'],
      justification:
        'Clear a copied backup code from the clipboard after the chosen delay, and derive the vault key (Argon2id) in a Worker so the service worker stays responsive.',
    })
    .catch((error: unknown) => {
      // Only one offscreen document may exist: one made meanwhile is as good as ours.
      if (!/single offscreen/i.test(error instanceof Error ? error.message : String(error))) throw error;
    })
    .finally(() => {
      creating = undefined;
    });
  await creating;
}
