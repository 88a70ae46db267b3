// What the e2e tests know about the extension's internals, in one place. The message protocol
// (src/messages) and the content script's mark will change; update them here only.
import { WATCHER_MARK } from '../../../src/content/watch';
import type { BrowserUnderTest, TestPage, WaitOptions } from './types';
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

/**
 * The watcher (src/content/watch.ts) marks its own isolated world, never the page's DOM: a page
 * must not learn that Sparekey is installed. Only the extension can look there, with
 * scripting.executeScript (the default, isolated world is the one content scripts share).
 */
const PROBE_ATTR = 'data-e2e-probe';

/** One frame of a tab, as the extension sees it. */
export interface WatcherFrame {
  frameId: number;
  href: string;
  /** Our content script ran in this frame. */
  present: boolean;
}

/**
 * Every frame of `page`'s tab that the extension can script, and whether our content script ran
 * in it. Frames on hosts the extension has no access to are absent: no content script of ours
 * can run there either (the manifest's matches are its host permissions). Runs in an extension
 * page: an open one if there is one, else a temporary popup tab.
 */
export async function watcherFrames(browser: BrowserUnderTest, page: TestPage): Promise<WatcherFrame[]> {
  const token = `p${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  await page.evaluate((attr: string, t: string) => document.documentElement.setAttribute(attr, t), PROBE_ATTR, token);
  const open = await Promise.all(browser.pages().map(async (p) => ((await p.url().catch(() => '')).startsWith(`${browser.extensionOrigin}/`) ? p : null)));
  const existing = open.find((p): p is TestPage => p !== null);
  const ext = existing ?? (await browser.openPopup());
  try {
    return await ext.evaluate(
      async (attr: string, t: string, mark: string) => {
        type Result = { frameId: number; result?: { probe: string | null; href: string; present: boolean } };
        type Api = {
          tabs: { query(q: object): Promise<Array<{ id?: number }>> };
          scripting: { executeScript(o: object): Promise<Result[]> };
        };
        const g = globalThis as unknown as { browser?: Api; chrome?: Api };
        const api = (g.browser ?? g.chrome)!;
        for (const tab of await api.tabs.query({})) {
          if (tab.id === undefined) continue;
          let results: Result[];
          try {
            results = await api.scripting.executeScript({
              target: { tabId: tab.id, allFrames: true },
              func: (a: string, m: string) => ({
                probe: document.documentElement?.getAttribute(a) ?? null,
                href: location.href,
                present: (globalThis as unknown as Record<string, unknown>)[m] === 'present',
              }),
              args: [attr, mark],
            });
          } catch {
            continue; // a tab we have no access to
          }
          if (results.some((r) => r.frameId === 0 && r.result?.probe === t))
            return results.filter((r) => r.result).map((r) => ({ frameId: r.frameId, href: r.result!.href, present: r.result!.present }));
        }
        return [];
      },
      PROBE_ATTR,
      token,
      WATCHER_MARK,
    );
  } finally {
    if (!existing) await ext.close();
  }
}

/** Whether our content script has run in this page's top frame. */
export async function contentScriptPresent(browser: BrowserUnderTest, page: TestPage): Promise<boolean> {
  return (await watcherFrames(browser, page)).some((f) => f.frameId === 0 && f.present);
}

/** Waits for the content script in the page's top frame; returns how long it took in ms. */
export async function waitForContentScript(browser: BrowserUnderTest, page: TestPage, options: WaitOptions = {}): Promise<number> {
  const started = Date.now();
  await waitUntil(() => contentScriptPresent(browser, page), { timeout: 10_000, message: 'the content script to run', ...options });
  return Date.now() - started;
}
