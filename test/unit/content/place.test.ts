import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_ROOM, chipMaxWidth, isVisibleRect, placeBanner, placeChip, type Rect } from '../../../src/content/place';
import { property } from '../property';

const viewport = { width: 1280, height: 800 };

describe('placeChip', () => {
  it('puts the chip inside X’s code field, at its right end, vertically centred', () => {
    const field = { x: 420, y: 236, width: 440, height: 56 };
    const chip = { width: 200, height: 38 };
    expect(placeChip(field, chip, viewport)).toEqual({ x: 420 + 440 - 200 - 8, y: 236 + 9 });
  });

  it('leaves room for the typed code, and goes under a field too narrow for both', () => {
    const field = { x: 10, y: 100, width: 300, height: 56 };
    const chip = { width: 300 - CODE_ROOM, height: 38 };
    // Under the field, right-aligned with it.
    expect(placeChip(field, chip, viewport)).toEqual({ x: 10 + 300 - chip.width, y: 160 });
  });

  it('stays inside the viewport', () => {
    const p = placeChip({ x: 1200, y: 780, width: 60, height: 30 }, { width: 200, height: 38 }, viewport);
    expect(p.x + 200).toBeLessThanOrEqual(1280 - 8);
    expect(p.y + 38).toBeLessThanOrEqual(800 - 8);
  });

  it('caps the chip width to what the field leaves beside the code', () => {
    expect(chipMaxWidth({ x: 0, y: 0, width: 440, height: 56 })).toBe(440 - CODE_ROOM - 8);
    expect(chipMaxWidth({ x: 0, y: 0, width: 2000, height: 56 })).toBe(340);
    expect(chipMaxWidth({ x: 0, y: 0, width: 100, height: 56 })).toBe(200);
  });
});

describe('placeBanner', () => {
  const dialog = { x: 340, y: 75, width: 600, height: 650 };
  const code = { x: 560, y: 210, width: 160, height: 30 };
  const banner = { width: 300, height: 120 };

  it('sits right of the dialog, level with the code, when there is room', () => {
    expect(placeBanner(dialog, code, banner, viewport)).toEqual({ x: 952, y: 165 });
  });

  it('goes left of the dialog when the right side is too narrow', () => {
    const right = { ...dialog, x: 600 };
    expect(placeBanner(right, code, banner, viewport).x).toBe(600 - 12 - 300);
  });

  it('goes under the code when neither side has room', () => {
    const narrow = { width: 640, height: 800 };
    const full = { x: 0, y: 0, width: 640, height: 800 };
    expect(placeBanner(full, { ...code, x: 200 }, banner, narrow)).toEqual({ x: 200 + 80 - 150, y: 248 });
    // …and is kept on screen when the code is near an edge.
    expect(placeBanner(full, code, banner, narrow).x).toBe(640 - 300 - 8);
  });
});

// Right to left: X in Arabic (or Hebrew, Persian, Urdu) types the code from the field's right
// edge, so the chip sits at its left end, the inline end; the banner goes after the dialog in
// reading order, on its left.
describe('placement right to left', () => {
  const mirror = (r: Rect): Rect => ({ ...r, x: viewport.width - r.x - r.width });

  it('puts the chip inside a right-to-left field at its left end, vertically centred', () => {
    const field = { x: 420, y: 236, width: 440, height: 56 };
    expect(placeChip(field, { width: 200, height: 38 }, viewport, 'rtl')).toEqual({ x: 420 + 8, y: 236 + 9 });
  });

  it('goes under a right-to-left field too narrow for both, aligned with its left end', () => {
    const field = { x: 500, y: 100, width: 300, height: 56 };
    expect(placeChip(field, { width: 300 - CODE_ROOM, height: 38 }, viewport, 'rtl')).toEqual({ x: 500, y: 160 });
  });

  it('keeps the chip inside the viewport at the left edge', () => {
    expect(placeChip({ x: 0, y: 100, width: 60, height: 30 }, { width: 200, height: 38 }, viewport, 'rtl').x).toBe(8);
  });

  it('puts the banner left of a right-to-left dialog, and right of it when the left is too narrow', () => {
    const dialog = { x: 340, y: 75, width: 600, height: 650 };
    const code = { x: 560, y: 210, width: 160, height: 30 };
    const banner = { width: 300, height: 120 };
    expect(placeBanner(dialog, code, banner, viewport, 'rtl')).toEqual({ x: 340 - 12 - 300, y: 165 });
    expect(placeBanner({ ...dialog, x: 100 }, code, banner, viewport, 'rtl')).toEqual({ x: 100 + 600 + 12, y: 165 });
  });

  const box = (maxW: number, maxH: number) =>
    fc.record({ x: fc.integer({ min: -200, max: 1400 }), y: fc.integer({ min: -200, max: 1000 }), width: fc.integer({ min: 1, max: maxW }), height: fc.integer({ min: 1, max: maxH }) });
  const size = (maxW: number, maxH: number) => fc.record({ width: fc.integer({ min: 40, max: maxW }), height: fc.integer({ min: 20, max: maxH }) });

  property('places the chip of a right-to-left field where the left-to-right chip of its mirror image goes, mirrored', 2_000, (runs) => {
    fc.assert(
      fc.property(box(1200, 120), size(340, 80), (field, chip) => {
        const ltr = placeChip(field, chip, viewport, 'ltr');
        const rtl = placeChip(mirror(field), chip, viewport, 'rtl');
        expect(rtl).toEqual({ x: viewport.width - ltr.x - chip.width, y: ltr.y });
      }),
      runs,
    );
  });

  // Even widths: a centre at x.5 rounds up on both sides, so a mirror of it would be a pixel off.
  const even = <T extends { width: number }>(arb: fc.Arbitrary<T>) => arb.map((b) => ({ ...b, width: b.width - (b.width % 2) + 2 }));

  property('places the banner of a right-to-left page where the left-to-right banner of its mirror image goes, mirrored', 2_000, (runs) => {
    fc.assert(
      fc.property(box(1200, 800), even(box(300, 60)), even(size(400, 300)), (container, anchor, banner) => {
        const ltr = placeBanner(container, anchor, banner, viewport, 'ltr');
        const rtl = placeBanner(mirror(container), mirror(anchor), banner, viewport, 'rtl');
        expect(rtl).toEqual({ x: viewport.width - ltr.x - banner.width, y: ltr.y });
      }),
      runs,
    );
  });
});

describe('isVisibleRect', () => {
  it('is false for empty or off-screen boxes', () => {
    expect(isVisibleRect({ x: 0, y: 0, width: 0, height: 10 }, viewport)).toBe(false);
    expect(isVisibleRect({ x: -500, y: 0, width: 100, height: 10 }, viewport)).toBe(false);
    expect(isVisibleRect({ x: 10, y: 900, width: 100, height: 10 }, viewport)).toBe(false);
    expect(isVisibleRect({ x: 10, y: 10, width: 100, height: 10 }, viewport)).toBe(true);
  });
});
