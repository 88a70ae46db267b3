// Another site's account (issue 13, item 3): which content-script origins the generic detector
// serves and which accounts it may fill. Its pages are read only on origins the person granted
// (site-access.ts registers the watcher there), and a code goes only to an account's exact origin.
import { OTHER_SITE_ID } from '../sites/generic/origin';
import { PAGE_SITES } from '../sites/index';
import type { SiteInfo } from '../sites/types';
import type { Account } from '../vault/types';

import { otherSiteFor } from '../sites/generic/gate';

export { otherSiteFor };

/**
 * The router's `other`: another site's record for a content script's origin, only while the
 * person grants that exact origin (`granted`: permissions.contains). A lookalike or a sibling the
 * person never named is refused like any origin no site lists, even if a script of ours ran there.
 */
export function grantedOtherSite(granted: (patterns: string[]) => Promise<boolean>) {
  return async (origin: string): Promise<SiteInfo | undefined> => {
    const site = otherSiteFor(origin);
    return site && (await granted([...site.matches]).catch(() => false)) ? site : undefined;
  };
}

export const isOtherSite = (site: SiteInfo) => site.id === OTHER_SITE_ID;

/**
 * The accounts the generic detector fills: those of "another site", and those of a site Sparekey
 * keeps codes for but whose pages it does not read (Discord): their origins come from the registry.
 */
export function readByGeneric(account: Account): boolean {
  return !PAGE_SITES.some((s) => s.id === account.site);
}
