import type { SiteAdapter, SiteInfo } from './types';
import { x, xAdapter } from './x';

/** Every supported site, one file each. Importing this has no side effects. */
export const SITES: readonly SiteInfo[] = [x];

/** Each site's detectors (the content script's half of the adapter), in the order of SITES. */
export const ADAPTERS: readonly SiteAdapter[] = [xAdapter];

export function siteById(id: string): SiteInfo | undefined {
  return SITES.find((s) => s.id === id);
}

/** The site that owns this exact origin, or undefined. `origin` must come from the browser. */
export function siteForOrigin(origin: string): SiteInfo | undefined {
  return SITES.find((s) => s.origins.includes(origin));
}

/** The adapter for this exact origin, or undefined. */
export function adapterForOrigin(origin: string): SiteAdapter | undefined {
  return ADAPTERS.find((a) => a.site.origins.includes(origin));
}

export function contentScriptMatches(): string[] {
  return SITES.flatMap((s) => s.matches);
}

export function hostPermissions(): string[] {
  return contentScriptMatches();
}
