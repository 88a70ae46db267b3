// The content script that runs on every page of a page-reading site (today X). It only watches
// the URL: when a page could show a 2FA step or backup codes (X's login flow, its backup-code
// screen), it asks the background to load the page runtime (main.ts: the adapter's detectors and
// the inline UI) into this tab's top frame, once per document. Everywhere else, the timeline
// where people spend nearly all their time on X included, it costs one URL check per navigation,
// no DOM observer, and a fraction of the runtime's bytes.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { patiently } from '../messages/client';
import type { Result } from '../messages/protocol';
import { watchedForOrigin } from '../sites/watch';
import { documentOrigin } from './origin';
import { otherSiteAt } from '../sites/generic/origin';

/**
 * Another site's origin (registered only once the person granted it for an account): any of its
 * URLs may show the recovery step, and the background answers whether an account has the origin.
 */
function otherWatched(origin: string): { isCandidate(url: URL): boolean } | undefined {
  // No watched site owns it (asked first): the origin itself must be one a person may grant.
  return otherSiteAt(origin, () => undefined) ? { isCandidate: (url) => url.origin === origin } : undefined;
}

/** Set on the content script's own global (isolated world) once the watcher ran. */
export const WATCHER_MARK = '__sparekeyWatch';

export type LoadRuntime = () => Promise<Result<{ loaded: true }>>;

/** A background that is starting (MV3 workers and event pages stop when idle) may miss a message: ask again after these waits. */
const RETRY_MS = [500, 2_000, 5_000] as const;

type WatchContext = Pick<ContentScriptContext, 'addEventListener' | 'setTimeout'>;

/**
 * `otherSites`: an origin no site lists is another site's the person granted, since only the
 * background's runtime registration for a granted origin (src/background/site-access.ts) runs the
 * watcher there; the manifest runs it on X's pages only.
 */
export function startWatch(ctx: WatchContext, load: LoadRuntime, win: Window = window, options: { otherSites?: boolean } = {}): void {
  // In our isolated world only, never on the page's DOM: a page must not learn that Sparekey is
  // installed. The e2e harness reads it with scripting.executeScript (test/e2e/harness/extension.ts).
  (globalThis as unknown as Record<string, unknown>)[WATCHER_MARK] = 'present';
  // Top frame only (the manifest says so too): a frame on x.com could be anyone's embed.
  if (win.top !== win) return;
  const origin = documentOrigin(win);
  const watched = origin ? (watchedForOrigin(origin) ?? (options.otherSites ? otherWatched(origin) : undefined)) : undefined;
  if (!watched) return;

  let state: 'idle' | 'asking' | 'loaded' = 'idle';
  const ask = async (): Promise<void> => {
    state = 'asking';
    const sleep = (ms: number) => new Promise<void>((resolve) => ctx.setTimeout(resolve, ms));
    const reply = await patiently(load, { delays: RETRY_MS, sleep });
    // Refused (e.g. the tab moved on meanwhile), or no background: the next navigation to such a page asks again.
    state = reply.ok ? 'loaded' : 'idle';
  };
  const check = (url: URL) => {
    if (state === 'idle' && watched.isCandidate(url)) void ask();
  };
  // WXT's location watcher: the Navigation API where the browser has it, else a 1 s poll.
  ctx.addEventListener(win, 'wxt:locationchange', (event) => check(event.newUrl));
  check(new URL(win.location.href));
}
