// Copying a code. The popup writes the clipboard itself (the click is the user gesture), then
// asks the background to clear it after the chosen delay: the popup closes as soon as the person
// clicks into the page to paste, so its own timer rarely lives long enough. It clears too when it
// is still open at the deadline. Clearing writes an empty string without reading the clipboard
// first (that would need the clipboardRead permission), so something copied since is cleared too.
import type { Send } from './api';

export async function copyCode(value: string, clearAfterSeconds: number, send: Send): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(value);
  } catch {
    return false;
  }
  if (clearAfterSeconds > 0) {
    void send('clipboard/clear-after', { seconds: clearAfterSeconds });
    setTimeout(() => void navigator.clipboard.writeText('').catch(() => undefined), clearAfterSeconds * 1000);
  }
  return true;
}
