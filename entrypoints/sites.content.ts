import { contentScriptMatches } from '../src/sites/index';
import { startContent } from '../src/content/main';

export default defineContentScript({
  matches: contentScriptMatches(),
  runAt: 'document_idle',
  main(ctx) {
    startContent(ctx);
  },
});
