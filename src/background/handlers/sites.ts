// Host access for the sites read on request: the popup asks after its permissions.request (or
// permissions.remove) so that the content scripts follow before it says "Allowed".
import { ON_REQUEST_HERE } from '../../sites/here';
import { browserSiteAccess } from '../site-access-port';
import { syncSiteScripts, type SiteAccessPort } from '../site-access';
import type { Handlers } from '../router';

export function siteHandlers(port: SiteAccessPort = browserSiteAccess()) {
  return {
    'sites/access': () => syncSiteScripts(port, ON_REQUEST_HERE),
  } satisfies Partial<Handlers>;
}
