import type { CodeFormat } from './format';
import { splitLines, unique } from './scan';

// Any other site: one code per line, trimmed, 4–64 printable characters. Inner spaces are kept
// because the site may expect them.
const MIN = 4;
const MAX = 64;
// \p{C}: control, format (zero-width), private-use, unassigned and lone surrogate code points.
const UNPRINTABLE = /\p{C}/u;
const LIST_MARKER = /^(?:[-*•·–]|\(?\d{1,3}[.)])\s+/u;

function normalize(raw: string): string | null {
  const value = raw.trim();
  const length = [...value].length;
  if (length < MIN || length > MAX || UNPRINTABLE.test(value)) return null;
  return value;
}

/** Each line is a candidate; a list marker ("1. ", "- ") in front of it is not part of the code. */
function findAll(text: string): string[] {
  const found: string[] = [];
  for (const line of splitLines(text)) {
    const value = normalize(line.trim().replace(LIST_MARKER, ''));
    if (value !== null) found.push(value);
  }
  return unique(found);
}

export const genericFormat: CodeFormat = {
  id: 'generic',
  normalize,
  display: (value) => value,
  findAll,
};
