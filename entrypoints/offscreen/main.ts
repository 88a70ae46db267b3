// Chrome's offscreen document (reason CLIPBOARD): waits for the background's "clear after" and
// clears the clipboard, then closes itself. Ignores every other runtime message.
import { browser } from 'wxt/browser';
import { ClearTimer, OFFSCREEN_TARGET, clearClipboard } from '../../src/ui/clipboard-clear';

const timer = new ClearTimer(
  () => clearClipboard(document),
  () => window.close(),
);

browser.runtime.onMessage.addListener((message: unknown) => {
  const m = message as { target?: unknown; type?: unknown; delayMs?: unknown } | null;
  if (m?.target !== OFFSCREEN_TARGET || m.type !== 'clear-after' || typeof m.delayMs !== 'number') return undefined;
  timer.schedule(Math.min(Math.max(m.delayMs, 0), 600_000));
  return Promise.resolve(true);
});
