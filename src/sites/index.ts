import type { SiteInfo } from './types';
import { x } from './x';

/** Every supported site, one file each. Importing this has no side effects. */
export const SITES: readonly SiteInfo[] = [x];

export function siteById(id: string): SiteInfo | undefined {
  return SITES.find((s) => s.id === id);
}

/** The site that owns this exact origin, or undefined. `origin` must come from the browser. */
export function siteForOrigin(origin: string): SiteInfo | undefined {
  return SITES.find((s) => s.origins.includes(origin));
}

export function contentScriptMatches(): string[] {
  return SITES.flatMap((s) => s.matches);
}

export function hostPermissions(): string[] {
  return contentScriptMatches();
}
