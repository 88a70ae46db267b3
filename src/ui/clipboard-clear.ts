// Clearing the clipboard from a page with no user gesture: the offscreen document in Chrome, the
// event page in Firefox. navigator.clipboard needs focus, which neither has, so the fallback is
// the copy command with our own copy handler putting an empty string on the clipboard.

export const OFFSCREEN_TARGET = 'sparekey-offscreen';

export async function clearClipboard(doc: Document): Promise<boolean> {
  try {
    await navigator.clipboard.writeText('');
    return true;
  } catch {
    // Not focused (offscreen document): fall through to the copy command.
  }
  // The copy event puts an empty string on the clipboard; should a browser skip the event with
  // nothing selected, the selected single space is what gets copied instead.
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
  } finally {
    doc.removeEventListener('copy', onCopy);
    area.remove();
  }
}

/** One pending clear at a time: a later copy moves the deadline to its own. */
export class ClearTimer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  constructor(
    private readonly clear: () => Promise<unknown>,
    private readonly done: () => void,
  ) {}

  schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.clear().finally(this.done);
    }, delayMs);
  }
}
