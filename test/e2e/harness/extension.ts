// What the e2e tests know about the extension's internals, in one place. The message protocol
// (src/messages) and the content script's markers will change; update them here only.
import type { TestPage } from './types';

/**
 * Asks the background for a liveness answer from an extension page (popup). Today: the message
 * {type: 'ping'}, answered {ok: true, value: 'pong'}.
 */
export async function pingBackground(page: TestPage): Promise<unknown> {
  return page.evaluate(() => {
    type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    const g = globalThis as unknown as { browser?: Runtime; chrome?: Runtime };
    const api = g.browser ?? g.chrome;
    if (!api) throw new Error('no extension API in this page: is it an extension page?');
    return api.runtime.sendMessage({ type: 'ping' });
  });
}

/** The reply pingBackground expects from a healthy background. */
export const PONG = { ok: true, value: 'pong' } as const;

/** Whether our content script has run in this page (today it marks <html data-sparekey="present">). */
export async function contentScriptPresent(page: TestPage): Promise<boolean> {
  return page.evaluate(() => document.documentElement.dataset.sparekey === 'present');
}
