// Where "Fill on this tab" can work. The popup sees only the active tab's URL (with the site's
// host permission the browser shows us the URL of matching tabs only; anything else reads as
// none), never its page. A fill lands only where the site's adapter looks for a 2FA step at all:
// its isCandidate(url), which the content script checks before detecting anything (for X: the
// login flow and the backup-code page). So x.com/home gets no Fill button. Whether the tab is at
// the 2FA step right now only the content script knows, and no message asks it that.
import { browser } from 'wxt/browser';
import { adapterForOrigin } from '../sites/index';

/** The active tab's origin when it is on a page where its site's 2FA step can appear, else undefined. */
export async function fillableTabOrigin(): Promise<string | undefined> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (!tab?.url) return undefined;
    const url = new URL(tab.url);
    return adapterForOrigin(url.origin)?.isCandidate(url) ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
