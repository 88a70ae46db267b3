// The popup lays out right to left in Arabic (entrypoints/popup/main.tsx sets dir from the
// messages' language): its stylesheet must only use sides that flip with dir.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PHYSICAL_SIDES } from '../physical-sides';

const CSS = readFileSync(new URL('../../../src/ui/styles.css', import.meta.url), 'utf8');

describe('the popup’s stylesheet', () => {
  it('names no physical side, so every margin and padding mirrors in a right-to-left language', () => {
    const offending = CSS.split('\n').filter((line) => PHYSICAL_SIDES.test(line));
    expect(offending).toEqual([]);
  });

  it('the check catches a physical side (a four-value margin, margin-left, text-align: right)', () => {
    for (const rule of ['.a { margin: 2px 0 0 calc(2.4em + 8px); }', '.a { margin-left: 4px; }', '.a { text-align: right; }'])
      expect(rule).toMatch(PHYSICAL_SIDES);
    for (const rule of ['.a { margin: 0 6px; }', '.a { margin-inline: 6px 2px; }', '.a { padding: 6px 10px 0; }', '.a { text-align: start; }'])
      expect(rule).not.toMatch(PHYSICAL_SIDES);
  });
});
