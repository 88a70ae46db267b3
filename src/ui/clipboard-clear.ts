// Clearing the clipboard from a page with no user gesture: the offscreen document in Chrome, the
// event page in Firefox (both unfocused), or the popup itself when it is still open.

export { OFFSCREEN_TARGET } from '../messages/protocol';

export async function clearClipboard(doc: Document): Promise<boolean> {
  // Unfocused (the offscreen document, an event page), navigator.clipboard may refuse or, as seen
  // in Chromium's offscreen document, never settle: the copy command goes first there.
  if (!doc.hasFocus() && copyEmpty(doc)) return true;
  try {
    await Promise.race([
      navigator.clipboard.writeText(''),
      new Promise((_, reject) => setTimeout(() => reject(new Error('clipboard write timed out')), 1_000)),
    ]);
    return true;
  } catch {
    return copyEmpty(doc);
  }
}

/**
 * The copy command with our own handler putting an empty string on the clipboard; should a
 * browser skip the event with nothing selected, the selected single space is copied instead.
 */
function copyEmpty(doc: Document): boolean {
  const onCopy = (e: ClipboardEvent) => {
    e.clipboardData?.setData('text/plain', '');
    e.preventDefault();
  };
  const area = doc.createElement('textarea');
  area.value = ' ';
  doc.body.append(area);
  area.select();
  doc.addEventListener('copy', onCopy);
  try {
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    doc.removeEventListener('copy', onCopy);
    area.remove();
  }
}

/**
 * One pending clear at a time: a later copy moves the deadline to its own. `done` (closing the
 * offscreen document) waits `lingerMs` after the clear: the copy command hands its write to the
 * browser asynchronously, and closing the document at once dropped that write in about one clear
 * in five in Chromium 156. A copy scheduled meanwhile keeps the document open.
 */
export class ClearTimer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  constructor(
    private readonly clear: () => Promise<unknown>,
    private readonly done: () => void,
    private readonly lingerMs = 1_000,
  ) {}

  schedule(delayMs: number): void {
    clearTimeout(this.timer);
    const generation = ++this.generation;
    this.timer = setTimeout(() => {
      void this.clear().finally(() => {
        // A copy scheduled while this clear ran owns the document now.
        if (generation === this.generation) this.timer = setTimeout(this.done, this.lingerMs);
      });
    }, delayMs);
  }
}
