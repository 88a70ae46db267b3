import { send } from '../src/messages/client';
import { watchedMatches } from '../src/sites/watch';
import { startWatch } from '../src/content/watch';

export default defineContentScript({
  matches: watchedMatches(),
  runAt: 'document_idle',
  main(ctx) {
    startWatch(ctx, () => send('content/load-runtime', {}));
  },
});
