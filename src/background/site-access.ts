// Host access for the sites Sparekey reads only once the person allows it (SiteInfo.access
// 'on-request'; GitHub first). The manifest lists their origins as optional_host_permissions; the
// popup asks for them with permissions.request inside a person's click (the one place a browser
// lets an extension ask), and this module keeps the browser's registered content scripts in step
// with what was granted: the watcher (entrypoints/sites.content.ts) is registered for a
// site's origins while they are granted and unregistered when they are not. It runs at every
// start of the background (a grant or revocation made while it slept, a browser that dropped
// persisted scripts), on permissions.onAdded/onRemoved, and when the popup asks (sites/access),
// so the popup's "Allowed" is only said once the script is there.
import { originOfPattern, patternOf } from '../sites/generic/origin';
import { siteForOrigin } from '../sites/index';
import type { SiteInfo } from '../sites/types';

/** The watcher, the file WXT builds from entrypoints/sites.content.ts (the manifest runs it on X's pages). */
export const GRANTED_SCRIPT = '/content-scripts/sites.js';

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
  /**
   * Every host pattern granted now (permissions.getAll): the origins of other sites' accounts the
   * person allowed are found there. Absent: no such origin is registered.
   */
  grantedPatterns?(): Promise<string[]>;
}

/** The registered script's id for another site's origin (the generic detector's watcher). */
export const OTHER_SCRIPT_PREFIX = 'sparekey-origin-';
const otherScriptId = (origin: string) => `${OTHER_SCRIPT_PREFIX}${new URL(origin).host}`;

/**
 * What the popup is told, per on-request site: allowed, and whether its watcher is registered;
 * then one entry per granted origin of another site (`site` is the origin, e.g. https://pypi.org).
 */
export type SiteAccessState = { site: string; granted: boolean; registered: boolean }[];

/** Firefox lists a registered file without its leading slash: the same file, not another build's. */
const withSlash = (files: readonly string[] | undefined) => files?.map((f) => (f.startsWith('/') ? f : `/${f}`));

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
    const files = withSlash(current?.js);
    const fits = current !== undefined && sameList(current.matches, site.matches) && sameList(files, [GRANTED_SCRIPT]);
    if (current && (!granted || !fits)) await port.unregister([id]);
    if (granted && !fits) await port.register([{ id, matches: [...site.matches], js: [GRANTED_SCRIPT] }]);
    state.push({ site: site.id, granted, registered: granted });
  }
  // Other sites' origins: a granted https://host/* that no page-reading site owns (X, GitHub… have
  // their own watcher; a vault-only site's origin, Discord's, is read by the generic detector) gets
  // the same watcher; a registration whose origin is no longer granted goes.
  const others = new Map<string, string>();
  for (const pattern of (await port.grantedPatterns?.()) ?? []) {
    const origin = originOfPattern(pattern);
    if (origin && !siteForOrigin(origin)) others.set(otherScriptId(origin), origin);
  }
  for (const [id, current] of registered) {
    if (!id.startsWith(OTHER_SCRIPT_PREFIX)) continue;
    const origin = others.get(id);
    if (origin && sameList(current.matches, [patternOf(origin)]) && sameList(withSlash(current.js), [GRANTED_SCRIPT])) {
      others.delete(id);
      state.push({ site: origin, granted: true, registered: true });
    } else await port.unregister([id]);
  }
  for (const [id, origin] of others) {
    await port.register([{ id, matches: [patternOf(origin)], js: [GRANTED_SCRIPT] }]);
    state.push({ site: origin, granted: true, registered: true });
  }
  return state;
}
