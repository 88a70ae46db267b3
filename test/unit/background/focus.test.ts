// The last-focused window as auto-fill's focus check reads it (focus.ts): asked once, then
// followed by windows.onFocusChanged, with the meaning of tabs.query({ lastFocusedWindow: true }).
import { describe, expect, it } from 'vitest';
import { trackFocus, type WindowsApi } from '../../../src/background/focus';

const NONE = -1;

function fakeWindows(lastFocused: number | undefined) {
  const listeners: ((id: number) => void)[] = [];
  const w = {
    asked: 0,
    lastFocused,
    WINDOW_ID_NONE: NONE,
    async getLastFocused() {
      w.asked++;
      if (w.lastFocused === undefined) throw new Error('no window');
      return { id: w.lastFocused };
    },
    onFocusChanged: { addListener: (l: (id: number) => void) => void listeners.push(l) },
    focus(id: number) {
      for (const l of listeners) l(id);
    },
  };
  return w satisfies WindowsApi;
}

describe('the last-focused window', () => {
  it('is asked once, then known', async () => {
    const w = fakeWindows(7);
    const focus = trackFocus(w);
    expect(await focus.windowId()).toBe(7);
    expect(await focus.windowId()).toBe(7);
    expect(w.asked).toBe(1);
  });

  it('follows focus changes without asking again', async () => {
    const w = fakeWindows(7);
    const focus = trackFocus(w);
    await focus.windowId();
    w.focus(9);
    expect(await focus.windowId()).toBe(9);
    expect(w.asked).toBe(1);
  });

  it('stays the last focused window when the browser loses focus to another application', async () => {
    const w = fakeWindows(7);
    const focus = trackFocus(w);
    w.focus(9);
    w.focus(NONE);
    expect(await focus.windowId()).toBe(9);
    expect(w.asked).toBe(0);
  });

  it('takes a focus change over an answer still on its way', async () => {
    const w = fakeWindows(7);
    const focus = trackFocus(w);
    const first = focus.windowId();
    w.focus(9);
    expect(await first).toBe(7);
    expect(await focus.windowId()).toBe(9);
  });

  it('is unknown (no tab counts as focused) while the browser has no window, and asked again later', async () => {
    const w = fakeWindows(undefined);
    const focus = trackFocus(w);
    expect(await focus.windowId()).toBeUndefined();
    w.lastFocused = 3;
    expect(await focus.windowId()).toBe(3);
  });
});
