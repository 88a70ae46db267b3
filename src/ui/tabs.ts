// The active tab's origin, to offer "Fill on this tab" only where it can work. With the site's
// host permission the browser shows us the URL of matching tabs only; anything else reads as none.
import { browser } from 'wxt/browser';

export async function activeTabOrigin(): Promise<string | undefined> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.url ? new URL(tab.url).origin : undefined;
  } catch {
    return undefined;
  }
}
