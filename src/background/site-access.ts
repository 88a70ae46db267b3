// Host access for the sites Sparekey reads only once the person allows it (SiteInfo.access
// 'on-request'; GitHub first). The manifest lists their origins as optional_host_permissions; the
// popup asks for them with permissions.request inside a person's click (the one place a browser
// lets an extension ask), and this module keeps the browser's registered content scripts in step
// with what was granted: the watcher (entrypoints/granted-sites.content.ts) is registered for a
// site's origins while they are granted and unregistered when they are not. It runs at every
// start of the background (a grant or revocation made while it slept, a browser that dropped
// persisted scripts), on permissions.onAdded/onRemoved, and when the popup asks (sites/access),
// so the popup's "Allowed" is only said once the script is there.
import type { SiteInfo } from '../sites/types';

/** The file WXT builds from entrypoints/granted-sites.content.ts (registration: 'runtime'). */
export const GRANTED_SCRIPT = '/content-scripts/granted-sites.js';

/** The registered script's id for a site: one script per site, so each can come and go alone. */
export const scriptIdOf = (site: SiteInfo) => `sparekey-site-${site.id}`;

export interface RegisteredScript {
  id: string;
  matches?: string[];
  js?: string[];
}

/** permissions and scripting, as this module needs them (main.ts: the browser's; tests: fakes). */
export interface SiteAccessPort {
  /** Whether every one of these origins' patterns is granted (permissions.contains). */
  granted(matches: readonly string[]): Promise<boolean>;
  registered(): Promise<RegisteredScript[]>;
  register(scripts: { id: string; matches: string[]; js: string[] }[]): Promise<void>;
  unregister(ids: string[]): Promise<void>;
}

/** What the popup is told, per on-request site: allowed, and whether its watcher is registered. */
export type SiteAccessState = { site: string; granted: boolean; registered: boolean }[];

const sameList = (a: readonly string[] = [], b: readonly string[] = []) =>
  a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);

/** One sync at a time per port: permissions.onAdded and the popup's sites/access come together. */
const running = new WeakMap<SiteAccessPort, Promise<unknown>>();

/**
 * Registers the watcher for each granted site, unregisters it for each site no longer granted,
 * and replaces a registration whose matches or file are not this build's. Scripts with other ids
 * are left alone. Calls on one port run one after another, each reading the state afresh (two at
 * once would both see no script and register it twice, which the browser refuses).
 */
export function syncSiteScripts(port: SiteAccessPort, sites: readonly SiteInfo[]): Promise<SiteAccessState> {
  const next = (running.get(port) ?? Promise.resolve()).catch(() => undefined).then(() => syncOnce(port, sites));
  running.set(port, next);
  return next;
}

async function syncOnce(port: SiteAccessPort, sites: readonly SiteInfo[]): Promise<SiteAccessState> {
  const registered = new Map((await port.registered()).map((s) => [s.id, s]));
  const state: SiteAccessState = [];
  for (const site of sites) {
    const id = scriptIdOf(site);
    const granted = await port.granted(site.matches);
    const current = registered.get(id);
    // Firefox lists a registered file without its leading slash: the same file, not another build's.
    const files = current?.js?.map((f) => (f.startsWith('/') ? f : `/${f}`));
    const fits = current !== undefined && sameList(current.matches, site.matches) && sameList(files, [GRANTED_SCRIPT]);
    if (current && (!granted || !fits)) await port.unregister([id]);
    if (granted && !fits) await port.register([{ id, matches: [...site.matches], js: [GRANTED_SCRIPT] }]);
    state.push({ site: site.id, granted, registered: granted });
  }
  return state;
}
