// The watcher. The manifest runs it on X's pages; the background registers the same file for the
// sites Sparekey reads once the person allowed them (GitHub, Google…) and for the origins of other
// sites' accounts the person granted (src/background/site-access.ts), one file instead of two
// copies in every install. `otherSites` matters only on an origin no site lists, which only a
// runtime registration for a granted origin can bring it to.
import { send } from '../src/messages/client';
import { watchedMatches } from '../src/sites/watch';
import { startWatch } from '../src/content/watch';

export default defineContentScript({
  matches: watchedMatches(),
  runAt: 'document_idle',
  main(ctx) {
    startWatch(ctx, () => send('content/load-runtime', {}), window, { otherSites: true });
  },
});
