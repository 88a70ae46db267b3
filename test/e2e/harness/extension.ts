// What the e2e tests know about the extension's internals, in one place. The message protocol
// (src/messages) and the content script's markers will change; update them here only.
import type { TestPage, WaitOptions } from './types';
import { waitUntil } from './util';

/**
 * Asks the background for its status from an extension page (popup): the protocol's
 * `vault/status` message (src/messages/protocol.ts), which any healthy background answers.
 */
export async function pingBackground(page: TestPage): Promise<unknown> {
  return page.evaluate(() => {
    type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    const g = globalThis as unknown as { browser?: Runtime; chrome?: Runtime };
    const api = g.browser ?? g.chrome;
    if (!api) throw new Error('no extension API in this page: is it an extension page?');
    return api.runtime.sendMessage({ type: 'vault/status', body: {} });
  });
}

/** Whether `reply` is what a healthy background answers to pingBackground: a Result with a vault state. */
export function isHealthyAnswer(reply: unknown): boolean {
  const r = reply as { ok?: unknown; value?: { state?: unknown } } | null;
  return r?.ok === true && ['no-vault', 'locked', 'unlocked'].includes(String(r.value?.state));
}

/** Whether our content script has run in this page (today it marks <html data-sparekey="present">). */
export async function contentScriptPresent(page: TestPage): Promise<boolean> {
  return page.evaluate(() => document.documentElement.dataset.sparekey === 'present');
}

/** Waits for the content script's mark; returns how long it took in ms. */
export async function waitForContentScript(page: TestPage, options: WaitOptions = {}): Promise<number> {
  const started = Date.now();
  await waitUntil(() => contentScriptPresent(page), { timeout: 10_000, message: 'the content script to run', ...options });
  return Date.now() - started;
}
