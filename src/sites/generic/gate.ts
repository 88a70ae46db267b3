// Where the generic detector may run at all: an https origin parseSiteOrigin accepts that no
// page-reading site owns (X, GitHub, Google, the Mozilla account keep their own adapters). Whether
// an account has the origin is the background's question (content/load-runtime); this is the
// same answer on both sides for what the origin itself allows.
import { siteForOrigin } from '../index';
import type { SiteAdapter, SiteInfo } from '../types';
import { genericAdapter } from './adapter';
import { otherSiteAt } from './origin';

/** The generic site record for `origin`, or undefined where the generic detector never runs. */
export function otherSiteFor(origin: string): SiteInfo | undefined {
  return otherSiteAt(origin, (o) => siteForOrigin(o)?.name);
}

/** The adapter the page runtime uses on `origin` when no site's own adapter does, or undefined. */
export function genericAdapterFor(origin: string): SiteAdapter | undefined {
  return otherSiteFor(origin) ? genericAdapter(origin) : undefined;
}
