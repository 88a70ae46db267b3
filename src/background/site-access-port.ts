// The browser's permissions and scripting APIs as site-access.ts needs them.
import { browser } from 'wxt/browser';
import type { SiteAccessPort } from './site-access';

let port: SiteAccessPort | undefined;

/** One port for the whole background, so its syncs run one at a time (site-access.ts). */
export function browserSiteAccess(): SiteAccessPort {
  port ??= {
    granted: (matches) => browser.permissions.contains({ origins: [...matches] }),
    registered: async () => (await browser.scripting.getRegisteredContentScripts()).map((s) => ({ id: s.id, matches: s.matches ?? [], js: s.js ?? [] })),
    register: async (scripts) => {
      // Top frame only, as the manifest's watcher (a frame on the site could be anyone's embed);
      // kept across browser restarts, and re-checked at every start anyway (main.ts).
      await browser.scripting.registerContentScripts(
        scripts.map((s) => ({ ...s, runAt: 'document_idle' as const, allFrames: false, persistAcrossSessions: true })),
      );
    },
    unregister: async (ids) => {
      await browser.scripting.unregisterContentScripts({ ids });
    },
    grantedPatterns: async () => (await browser.permissions.getAll()).origins ?? [],
  };
  return port;
}
