// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLIPBOARD_ALARM, browserClipboard } from '../../../src/background/clipboard';
import { clipboardHandlers } from '../../../src/background/handlers/clipboard';
import { ClearTimer, OFFSCREEN_TARGET, clearClipboard } from '../../../src/ui/clipboard-clear';
import { browser } from './browser';

vi.mock('wxt/browser', () => import('./browser'));

let writeText: ReturnType<typeof vi.fn>;
beforeEach(() => {
  writeText = vi.fn(async (_t: string) => undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  browser.runtime.sendMessage.mockClear();
  browser.alarms.create.mockClear();
  browser.alarms.onAlarm.addListener.mockClear();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  delete (globalThis as { chrome?: unknown }).chrome;
});

describe('clearing the clipboard', () => {
  /** A copy command that runs our copy handler, as browsers do; returns what it put on the clipboard. */
  function fakeCopyCommand(): { copied: () => string | undefined } {
    let copied: string | undefined;
    document.execCommand = vi.fn((command: string) => {
      const event = new Event('copy', { cancelable: true }) as ClipboardEvent;
      Object.defineProperty(event, 'clipboardData', { value: { setData: (_type: string, text: string) => (copied = text) } });
      document.dispatchEvent(event);
      return command === 'copy';
    });
    return { copied: () => copied };
  }

  it('writes an empty string through navigator.clipboard when the page has focus', async () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    expect(await clearClipboard(document)).toBe(true);
    expect(writeText).toHaveBeenCalledWith('');
  });

  it('uses the copy command with an empty string when unfocused (offscreen document, event page)', async () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    const command = fakeCopyCommand();
    expect(await clearClipboard(document)).toBe(true);
    expect(command.copied()).toBe('');
    expect(writeText).not.toHaveBeenCalled();
    expect(document.querySelector('textarea')).toBeNull();
  });

  it('falls back to the copy command when navigator.clipboard refuses or never answers', async () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    const command = fakeCopyCommand();
    writeText.mockRejectedValueOnce(new DOMException('Document is not focused.', 'NotAllowedError'));
    expect(await clearClipboard(document)).toBe(true);
    expect(command.copied()).toBe('');
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    writeText.mockReturnValueOnce(new Promise(() => undefined));
    const pending = clearClipboard(document);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await pending).toBe(true);
    expect(document.execCommand).toHaveBeenCalledTimes(2);
  });

  it('keeps one deadline: a later copy moves it', () => {
    vi.useFakeTimers();
    const clear = vi.fn(async () => true);
    const done = vi.fn();
    const timer = new ClearTimer(clear, done);
    timer.schedule(30_000);
    vi.advanceTimersByTime(20_000);
    timer.schedule(30_000);
    vi.advanceTimersByTime(29_000);
    expect(clear).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(clear).toHaveBeenCalledTimes(1);
  });

  it('closes only a while after clearing (the write is still on its way), and not when a copy came meanwhile', async () => {
    vi.useFakeTimers();
    const clear = vi.fn(async () => true);
    const done = vi.fn();
    const timer = new ClearTimer(clear, done, 1_000);
    timer.schedule(10_000);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(clear).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(done).not.toHaveBeenCalled();
    // A new copy during the linger keeps the document for its own clear.
    timer.schedule(5_000);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(done).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(clear).toHaveBeenCalledTimes(2);
    expect(done).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(done).toHaveBeenCalledTimes(1);
  });

  it('does not close under a copy scheduled while a clear was still running', async () => {
    vi.useFakeTimers();
    let finish: () => void = () => undefined;
    const clear = vi.fn(() => new Promise<boolean>((resolve) => (finish = () => resolve(true))));
    const done = vi.fn();
    const timer = new ClearTimer(clear, done, 1_000);
    timer.schedule(1_000);
    await vi.advanceTimersByTimeAsync(1_000);
    timer.schedule(30_000);
    finish();
    await vi.advanceTimersByTimeAsync(29_000);
    expect(done).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(clear).toHaveBeenCalledTimes(2);
    finish();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(done).toHaveBeenCalledTimes(1);
  });
});

describe('clipboard/clear-after in the background', () => {
  it('answers through the port it was given', async () => {
    const port = { clearAfter: vi.fn(async () => true) };
    const handlers = clipboardHandlers(port);
    expect(await handlers['clipboard/clear-after']({ seconds: 30 })).toEqual({ scheduled: true });
    expect(port.clearAfter).toHaveBeenCalledWith(30);
  });

  it('in Firefox, listens for its alarm from the moment the handlers are built (the page may be unloaded later)', () => {
    clipboardHandlers();
    expect(browser.alarms.onAlarm.addListener).toHaveBeenCalledTimes(1);
  });

  it('in Chrome, opens the offscreen document (reasons CLIPBOARD and WORKERS, shared with the KDF) and hands it the delay', async () => {
    const createDocument = vi.fn(async () => undefined);
    (globalThis as { chrome?: unknown }).chrome = { offscreen: { createDocument } };
    const port = browserClipboard();
    await port.clearAfter(30);
    // A second copy finds the document already open: the browser refuses a second one.
    createDocument.mockRejectedValueOnce(new Error('Only a single offscreen document may be created.'));
    await port.clearAfter(10);
    expect(createDocument).toHaveBeenCalledWith(expect.objectContaining({ url: '/offscreen.html', reasons: ['CLIPBOARD', 'WORKERS'] }));
    expect(browser.runtime.sendMessage.mock.calls.map((c) => c[0])).toEqual([
      { target: OFFSCREEN_TARGET, type: 'clear-after', delayMs: 30_000 },
      { target: OFFSCREEN_TARGET, type: 'clear-after', delayMs: 10_000 },
    ]);
    expect(browser.alarms.create).not.toHaveBeenCalled();
  });

  it('in Firefox, clears from the event page on a timer, with an alarm in case the page was unloaded', async () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const port = browserClipboard();
    const onAlarm = browser.alarms.onAlarm.addListener.mock.calls[0]![0];
    await port.clearAfter(20);
    expect(browser.alarms.create).toHaveBeenCalledWith(CLIPBOARD_ALARM, { when: Date.now() + 20_000 });
    vi.advanceTimersByTime(20_000);
    expect(writeText).toHaveBeenCalledWith('');
    writeText.mockClear();
    onAlarm({ name: 'sparekey-autolock' });
    expect(writeText).not.toHaveBeenCalled();
    onAlarm({ name: CLIPBOARD_ALARM });
    expect(writeText).toHaveBeenCalledWith('');
  });
});
