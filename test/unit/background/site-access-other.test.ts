// The watcher on other sites' origins follows the person's grants: one registration per granted
// exact origin (https://pypi.org/*) that no page-reading site owns, gone once the grant is.
import { describe, expect, it } from 'vitest';
import { GRANTED_SCRIPT, OTHER_SCRIPT_PREFIX, syncSiteScripts, type RegisteredScript, type SiteAccessPort } from '../../../src/background/site-access';
import { ON_REQUEST_SITES } from '../../../src/sites/index';

function fakePort(granted: Set<string>, scripts: RegisteredScript[] = []) {
  const calls: string[] = [];
  const port: SiteAccessPort = {
    granted: async (matches) => matches.every((m) => granted.has(m)),
    grantedPatterns: async () => [...granted],
    registered: async () => scripts.map((s) => ({ ...s })),
    register: async (list) => {
      for (const s of list) {
        if (scripts.some((x) => x.id === s.id)) throw new Error(`duplicate script id ${s.id}`);
        scripts.push(s);
        calls.push(`register ${s.id} ${s.matches.join(',')}`);
      }
    },
    unregister: async (ids) => {
      for (const id of ids) scripts.splice(scripts.findIndex((s) => s.id === id), 1);
      calls.push(`unregister ${ids.join(',')}`);
    },
  };
  return { port, calls, scripts };
}

const others = (state: Awaited<ReturnType<typeof syncSiteScripts>>) => state.filter((s) => s.site.startsWith('https://'));

describe("syncSiteScripts on other sites' origins", () => {
  it('registers the watcher for each granted exact origin, for that origin only, and says so', async () => {
    const { port, calls } = fakePort(new Set(['https://pypi.org/*', 'https://discord.com/*']));
    expect(others(await syncSiteScripts(port, ON_REQUEST_SITES))).toEqual([
      { site: 'https://pypi.org', granted: true, registered: true },
      { site: 'https://discord.com', granted: true, registered: true },
    ]);
    expect(calls).toEqual([`register ${OTHER_SCRIPT_PREFIX}pypi.org https://pypi.org/*`, `register ${OTHER_SCRIPT_PREFIX}discord.com https://discord.com/*`]);
  });

  it('registers nothing for a pattern that is no one exact https origin, nor for a page-reading site (it has its own watcher)', async () => {
    const granted = ['https://*/*', 'https://*.pypi.org/*', 'http://pypi.org/*', 'https://localhost/*', 'https://127.0.0.1/*', 'https://x.com/*', 'https://github.com/*', '<all_urls>'];
    const { port, calls } = fakePort(new Set(granted));
    expect(others(await syncSiteScripts(port, ON_REQUEST_SITES))).toEqual([]);
    expect(calls).toEqual(['register sparekey-site-github https://github.com/*']);
  });

  it('keeps a fitting registration, unregisters it once the grant is gone, and replaces a stale one', async () => {
    const granted = new Set(['https://pypi.org/*']);
    const { port, calls, scripts } = fakePort(granted, [{ id: `${OTHER_SCRIPT_PREFIX}npmjs.com`, matches: ['https://www.npmjs.com/*'], js: [GRANTED_SCRIPT] }]);
    await syncSiteScripts(port, ON_REQUEST_SITES);
    await syncSiteScripts(port, ON_REQUEST_SITES);
    expect(calls).toEqual([`unregister ${OTHER_SCRIPT_PREFIX}npmjs.com`, `register ${OTHER_SCRIPT_PREFIX}pypi.org https://pypi.org/*`]);
    // Another build's file under the same id: replaced (Firefox's slash-less listing is the same file).
    scripts[0]!.js = ['content-scripts/old.js'];
    await syncSiteScripts(port, ON_REQUEST_SITES);
    expect(calls.slice(2)).toEqual([`unregister ${OTHER_SCRIPT_PREFIX}pypi.org`, `register ${OTHER_SCRIPT_PREFIX}pypi.org https://pypi.org/*`]);
    scripts[0]!.js = [GRANTED_SCRIPT.slice(1)];
    await syncSiteScripts(port, ON_REQUEST_SITES);
    expect(calls).toHaveLength(4);
    granted.clear();
    expect(others(await syncSiteScripts(port, ON_REQUEST_SITES))).toEqual([]);
    expect(calls.at(-1)).toBe(`unregister ${OTHER_SCRIPT_PREFIX}pypi.org`);
    expect(scripts).toEqual([]);
  });

  it('runs one sync at a time: a grant event and the popup together register the origin once', async () => {
    const { port, calls } = fakePort(new Set(['https://pypi.org/*']));
    await Promise.all([syncSiteScripts(port, ON_REQUEST_SITES), syncSiteScripts(port, ON_REQUEST_SITES)]);
    expect(calls).toEqual([`register ${OTHER_SCRIPT_PREFIX}pypi.org https://pypi.org/*`]);
  });
});
