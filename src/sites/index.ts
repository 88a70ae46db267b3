// The site registry. Each site Sparekey knows lives in its own folder, src/sites/<id>/ (its record,
// code format, import parser and, for a site whose pages Sparekey reads, its detectors), and is
// listed once below; every other list of sites, formats and parsers is derived from that line
// (derive.ts). test/unit/sites/registry.test.ts fails, saying the fix, when a folder, its id, its
// fixtures or its README row is out of step. Importing this has no side effects.
import { formatIn, type CodeFormat } from '../vault/formats';
import type { ImportParser } from '../vault/import/types';
import { deriveRegistry } from './derive';
import type { Site } from './site';
import type { BrowserFamily, SiteAdapter, SiteInfo } from './types';
import { discordSite } from './discord';
import { githubSite } from './github';
import { gitlabSite } from './gitlab';
import { googleSite } from './google';
import { mozillaSite } from './mozilla';
import { protonSite } from './proton';
import { xSite } from './x';

/**
 * Every site, once. The order shows in the popup's lists, and an imported file whose name says
 * nothing is tried against each site's parser in it (Google's before Discord's: a contrived
 * file can read as both, and it has always gone to Google).
 */
const LIST = [xSite, githubSite, googleSite, gitlabSite, discordSite, protonSite, mozillaSite] as const satisfies readonly Site[];

const registry = deriveRegistry(LIST);

/** The ids of the sites in the registry (stored data holds plain strings: see siteById). */
export type KnownSiteId = (typeof LIST)[number]['info']['id'];
export type KnownFormatId = KnownSiteId | 'generic';
export type KnownImportId = Extract<(typeof LIST)[number], { download: unknown }>['info']['id'] | 'plain';

export const REGISTRY: readonly Site[] = registry.list;
export const SITES: readonly SiteInfo[] = registry.sites;
export const ADAPTERS: readonly SiteAdapter[] = registry.adapters;
export const PAGE_SITES: readonly SiteInfo[] = registry.pageSites;
export const FORMATS = registry.formats as Readonly<Record<KnownFormatId, CodeFormat>>;
export const FORMAT_IDS = Object.keys(FORMATS) as readonly KnownFormatId[];
export const IMPORTS: readonly ImportParser[] = registry.imports;
export const IMPORT_PARSERS = registry.importParsers as Readonly<Record<KnownImportId, ImportParser>>;
export const { siteById, formatById, siteOfFormat, siteOfImport } = registry;

export function isFormatId(id: string): id is KnownFormatId {
  return formatIn(FORMATS, id) !== undefined;
}

/** The page-reading site that owns this exact origin, or undefined. `origin` must come from the browser. */
export function siteForOrigin(origin: string): SiteInfo | undefined {
  return PAGE_SITES.find((s) => s.origins.includes(origin));
}

/** The adapter for this exact origin, or undefined. */
export function adapterForOrigin(origin: string): SiteAdapter | undefined {
  return ADAPTERS.find((a) => a.site.origins.includes(origin));
}

/** Every page-reading site's match patterns, granted or not (menus, tab queries: the browser filters by access). */
export function contentScriptMatches(): string[] {
  return PAGE_SITES.flatMap((s) => s.matches);
}

/** Page-reading sites whose host access is asked for when used (SiteInfo.access). */
export const ON_REQUEST_SITES: readonly SiteInfo[] = PAGE_SITES.filter((s) => s.access === 'on-request');

/** The manifest's host_permissions: the sites read from install on (X). */
export function hostPermissions(): string[] {
  return PAGE_SITES.filter((s) => s.access !== 'on-request').flatMap((s) => s.matches);
}

/** The on-request sites a browser lets an extension read (SiteInfo.closedIn). */
export function onRequestSitesIn(browser: BrowserFamily): readonly SiteInfo[] {
  return ON_REQUEST_SITES.filter((s) => !s.closedIn?.includes(browser));
}

/** The manifest's optional_host_permissions: every other page-reading site the browser lets us read, asked for by a click. */
export function optionalHostPermissions(browser: BrowserFamily): string[] {
  return onRequestSitesIn(browser).flatMap((s) => s.matches);
}
