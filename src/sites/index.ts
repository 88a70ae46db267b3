import type { SiteAdapter, SiteInfo } from './types';
import { x, xAdapter } from './x';
import { discord } from './discord';
import { github } from './github';
import { gitlab } from './gitlab';
import { google } from './google';
import { proton } from './proton';

/** Every site whose codes Sparekey keeps, one file each. Importing this has no side effects. */
export const SITES: readonly SiteInfo[] = [x, github, google, gitlab, discord, proton];

/** Each page-reading site's detectors (the content script's half of the adapter). */
export const ADAPTERS: readonly SiteAdapter[] = [xAdapter];

/**
 * Sites whose pages Sparekey reads and fills: only these get a content script, host access, and
 * content-script messages. The others are vault only (stored, shown, imported, exported).
 */
export const PAGE_SITES: readonly SiteInfo[] = ADAPTERS.map((a) => a.site);

export function siteById(id: string): SiteInfo | undefined {
  return SITES.find((s) => s.id === id);
}

/** The page-reading site that owns this exact origin, or undefined. `origin` must come from the browser. */
export function siteForOrigin(origin: string): SiteInfo | undefined {
  return PAGE_SITES.find((s) => s.origins.includes(origin));
}

/** The adapter for this exact origin, or undefined. */
export function adapterForOrigin(origin: string): SiteAdapter | undefined {
  return ADAPTERS.find((a) => a.site.origins.includes(origin));
}

export function contentScriptMatches(): string[] {
  return PAGE_SITES.flatMap((s) => s.matches);
}

export function hostPermissions(): string[] {
  return contentScriptMatches();
}
