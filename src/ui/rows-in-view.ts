// The accounts list draws the rows that can be on screen first and the rest when the browser is
// next idle: with 100 accounts, every card before the first paint was most of the popup's own
// opening time (about 10 ms of script, then the frame's style and layout). The list says it is
// still filling (aria-busy), so a screen reader waits for the whole list and counts it right;
// a click or key press that comes first is handled first, and the rest follow within 100 ms.
import { useEffect, useState } from 'preact/hooks';

/** The popup is at most 600 px tall (Chrome's and Firefox's limit); opened in a tab it may be taller. */
export const POPUP_MAX_HEIGHT_PX = 600;
/** Less than any row can be (one line of text and a button's padding), so the rows drawn first fill the view. */
export const MIN_ROW_PX = 40;
/** The latest the rest are drawn when the browser is never idle. */
export const REST_WITHIN_MS = 100;

/** How many rows to draw before the first paint, for a view this tall. */
export function firstRows(viewHeightPx: number): number {
  return Math.ceil(Math.max(viewHeightPx, POPUP_MAX_HEIGHT_PX) / MIN_ROW_PX);
}

/** Runs `task` when the browser is idle (at most `within` ms later); returns a canceller. */
export function whenIdle(task: () => void, within = REST_WITHIN_MS): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: within });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 0);
  return () => clearTimeout(id);
}

/**
 * How many of `total` rows to draw now: those that fit the view until the first paint is done
 * and the browser idle, then all of them (and all from then on, as the list changes).
 */
export function useRowsInView(total: number): number {
  const [all, setAll] = useState(false);
  const first = firstRows(typeof innerHeight === 'number' ? innerHeight : 0);
  const partial = !all && total > first;
  // An effect runs after the first paint; the rest wait for the browser to be idle after that.
  useEffect(() => (partial ? whenIdle(() => setAll(true)) : undefined), [partial]);
  return partial ? first : total;
}
