// The last-focused window, kept in memory from windows.onFocusChanged, so auto-fill's "the tab is
// the active tab of the focused window" is one tabs.get (which also re-reads its URL) rather than
// a tabs.query beside it. Same meaning as tabs.query({ lastFocusedWindow: true }): when the browser
// loses focus to another application (WINDOW_ID_NONE) the last focused window stays the answer.
// Started on the worker's start, so a restarted worker asks windows.getLastFocused() once.
export interface WindowsApi {
  /** -1 in both browsers. */
  WINDOW_ID_NONE?: number;
  getLastFocused(): Promise<{ id?: number }>;
  onFocusChanged: { addListener(listener: (windowId: number) => void): void };
}

export interface FocusTracker {
  /** The last-focused window's id, undefined when the browser has none. */
  windowId(): Promise<number | undefined>;
}

export function trackFocus(windows: WindowsApi): FocusTracker {
  let known: Promise<number | undefined> | undefined;
  windows.onFocusChanged.addListener((windowId) => {
    // A focus event beats a getLastFocused() still in flight: it is the newer answer.
    if (windowId !== (windows.WINDOW_ID_NONE ?? -1)) known = Promise.resolve(windowId);
  });
  return {
    windowId() {
      if (known) return known;
      const asked = windows.getLastFocused().then(
        (w) => w.id,
        () => undefined,
      );
      known = asked;
      // Not remembered when there was no answer: ask again next time.
      void asked.then((id) => {
        if (id === undefined && known === asked) known = undefined;
      });
      return asked;
    },
  };
}
