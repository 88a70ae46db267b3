// The same watcher as sites.content.ts, for the sites Sparekey reads only once the person allowed
// them (GitHub), and for the origins of other sites' accounts the person granted (the generic
// recovery step). Not in the manifest: the background registers it for each granted site's or
// origin's pages with scripting.registerContentScripts (src/background/site-access.ts).
import { send } from '../src/messages/client';
import { startWatch } from '../src/content/watch';

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  runAt: 'document_idle',
  main(ctx) {
    startWatch(ctx, () => send('content/load-runtime', {}), window, { otherSites: true });
  },
});
