// Clearing a copied code from the clipboard after the chosen delay, even once the popup is gone.
// Chrome MV3: a service worker has no clipboard, so the offscreen document (reason CLIPBOARD) keeps
// the timer and clears; it closes itself once neither this nor the KDF Worker holds it. Firefox: the event page has a DOM and, with
// the clipboardWrite permission, writes the clipboard itself; an alarm backs up its timer because
// the event page may be unloaded while idle. Nothing reads the clipboard first (that would need
// clipboardRead), so whatever is on it at the deadline is cleared.
import { browser } from 'wxt/browser';
import { OFFSCREEN_TARGET, clearClipboard } from '../ui/clipboard-clear';
import { chromeOffscreen, ensureOffscreenDocument } from './offscreen';

export interface ClipboardPort {
  clearAfter(seconds: number): Promise<boolean>;
}

export const CLIPBOARD_ALARM = 'sparekey-clipboard-clear';

/** The real clipboard, per browser. Touches nothing until it is first used, except Firefox's alarm listener. */
export function browserClipboard(): ClipboardPort {
  const offscreen = chromeOffscreen();
  if (!offscreen) {
    // Registered at startup (createHandlers runs in the background's main()), so the alarm wakes
    // an event page that was unloaded in the meantime.
    browser.alarms?.onAlarm.addListener((alarm) => {
      if (alarm.name === CLIPBOARD_ALARM) void clearClipboard(document);
    });
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    async clearAfter(seconds) {
      const delayMs = seconds * 1000;
      if (offscreen) {
        // The one offscreen document, shared with the KDF Worker (offscreen.ts).
        await ensureOffscreenDocument(offscreen);
        await browser.runtime.sendMessage({ target: OFFSCREEN_TARGET, type: 'clear-after', delayMs });
        return true;
      }
      clearTimeout(timer);
      timer = setTimeout(() => void clearClipboard(document), delayMs);
      await browser.alarms.create(CLIPBOARD_ALARM, { when: Date.now() + delayMs });
      return true;
    },
  };
}
