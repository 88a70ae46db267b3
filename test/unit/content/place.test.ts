import { describe, expect, it } from 'vitest';
import { CODE_ROOM, chipMaxWidth, isVisibleRect, placeBanner, placeChip } from '../../../src/content/place';

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

describe('isVisibleRect', () => {
  it('is false for empty or off-screen boxes', () => {
    expect(isVisibleRect({ x: 0, y: 0, width: 0, height: 10 }, viewport)).toBe(false);
    expect(isVisibleRect({ x: -500, y: 0, width: 100, height: 10 }, viewport)).toBe(false);
    expect(isVisibleRect({ x: 10, y: 900, width: 100, height: 10 }, viewport)).toBe(false);
    expect(isVisibleRect({ x: 10, y: 10, width: 100, height: 10 }, viewport)).toBe(true);
  });
});
