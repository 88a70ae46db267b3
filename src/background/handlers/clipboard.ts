// The popup's "clear the clipboard later" (the clearing itself: ../clipboard.ts).
import { browserClipboard, type ClipboardPort } from '../clipboard';
import type { Handlers } from '../router';

/**
 * Built with the other handlers when the background starts (createHandlers in main()), so in
 * Firefox the alarm listener is registered during the event page's first run, as it must be for
 * the alarm to wake a page that was unloaded since.
 */
export function clipboardHandlers(port: ClipboardPort = browserClipboard()) {
  return {
    'clipboard/clear-after': async ({ seconds }) => ({ scheduled: await port.clearAfter(seconds) }),
  } satisfies Partial<Handlers>;
}
