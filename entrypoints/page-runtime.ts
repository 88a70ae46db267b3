// The page runtime, loaded by the background (scripting.executeScript) into a tab's top frame on
// pages that could show a 2FA step or backup codes; see src/content/watch.ts. Not web-accessible.
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startContent } from '../src/content/main';

export default defineUnlistedScript(() => {
  startContent(new ContentScriptContext('page-runtime'));
});
