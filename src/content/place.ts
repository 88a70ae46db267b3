// Where our inline UI goes, as pure geometry (viewport coordinates, CSS pixels), and the two
// readers of the page that feed it.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/**
 * Which way a box's text runs: its inline start is the left edge in 'ltr', the right edge in
 * 'rtl'. Placement follows the page's element (X's code field, X's dialog), not our UI's
 * language: where the typed code sits is decided by the field's direction.
 */
export type Direction = 'ltr' | 'rtl';

const MARGIN = 8;

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, Math.max(lo, hi)));

export function isVisibleRect(r: Rect, viewport: Size): boolean {
  return r.width > 0 && r.height > 0 && r.x + r.width > 0 && r.y + r.height > 0 && r.x < viewport.width && r.y < viewport.height;
}

/** Room the chip leaves at the field's inline start for the typed code (12–16 characters at 17px). */
export const CODE_ROOM = 140;

/** The widest the chip may be in this field: what is left beside the code, within 200–340px. */
export function chipMaxWidth(field: Rect): number {
  return Math.round(Math.max(200, Math.min(340, field.width - CODE_ROOM - MARGIN)));
}

/**
 * The chip sits inside the input's field, at its inline end (right in a left-to-right field, left
 * in a right-to-left one), vertically centred: X's code field is wide and a code is short and
 * starts at the inline start, so nothing of X's is covered (not even the links under the field).
 * When the field is too narrow for both, the chip goes right under it, aligned with that end.
 */
export function placeChip(field: Rect, chip: Size, viewport: Size, dir: Direction = 'ltr'): Point {
  const inside = field.width >= chip.width + CODE_ROOM + MARGIN && field.height >= chip.height;
  const inset = inside ? MARGIN : 0;
  const x = dir === 'rtl' ? field.x + inset : field.x + field.width - chip.width - inset;
  const y = inside ? field.y + (field.height - chip.height) / 2 : field.y + field.height + 4;
  return {
    x: Math.round(clamp(x, MARGIN, viewport.width - chip.width - MARGIN)),
    y: Math.round(clamp(y, MARGIN, viewport.height - chip.height - MARGIN)),
  };
}

/**
 * The banner sits beside the screen showing the code, after it in reading order (right of it in a
 * left-to-right page, left of it in a right-to-left one; the other side when there is no room),
 * level with the code, so it hides nothing of X's; when neither side has room, under the code.
 */
export function placeBanner(container: Rect, anchor: Rect, banner: Size, viewport: Size, dir: Direction = 'ltr'): Point {
  const centredOnAnchor = anchor.y + anchor.height / 2 - banner.height / 2;
  const y = Math.round(clamp(centredOnAnchor, MARGIN, viewport.height - banner.height - MARGIN));
  const right = container.x + container.width + 12;
  const left = container.x - 12 - banner.width;
  const sides = [
    { x: right, fits: right + banner.width <= viewport.width - MARGIN },
    { x: left, fits: left >= MARGIN },
  ];
  const side = (dir === 'rtl' ? sides.reverse() : sides).find((s) => s.fits);
  if (side) return { x: Math.round(side.x), y };
  return {
    x: Math.round(clamp(anchor.x + anchor.width / 2 - banner.width / 2, MARGIN, viewport.width - banner.width - MARGIN)),
    y: Math.round(clamp(anchor.y + anchor.height + 8, MARGIN, viewport.height - banner.height - MARGIN)),
  };
}

// ---- reading the page's geometry -----------------------------------------------------------

export function rectOf(el: Element): Rect {
  const r = el.getBoundingClientRect();
  return { x: r.left, y: r.top, width: r.width, height: r.height };
}

export function viewportOf(doc: Document): Size {
  const win = doc.defaultView;
  return { width: win?.innerWidth ?? 0, height: win?.innerHeight ?? 0 };
}

/** The direction the element's text runs, as the page laid it out (dir attribute, CSS, inherited). */
export function directionOf(el: Element): Direction {
  return el.ownerDocument.defaultView?.getComputedStyle(el).direction === 'rtl' ? 'rtl' : 'ltr';
}
