import type { CodeFormat } from '../../vault/formats/format';
import {
  coversLine,
  isAlnum,
  isStopWord,
  letterCase,
  lineTokens,
  plausible,
  splitLines,
  unique,
  type LetterCase,
  type Token,
} from '../../vault/formats/scan';

// X shows a backup code as letters and digits in groups of four separated by spaces. Twelve
// characters is likely but unverified, so 8–16 are accepted once the spaces are gone.
const VALUE = /^[a-z0-9]{8,16}$/;
const GROUP = 4;

function normalize(raw: string): string | null {
  const value = raw.replace(/\s+/gu, '').toLowerCase();
  return VALUE.test(value) ? value : null;
}

function display(value: string): string {
  return (value.match(/.{1,4}/g) ?? []).join(' ');
}

/**
 * A 4-character word that can be part of a spaced code. A Capitalised word ("Call") or a common
 * word ("code") is text, so "Call 0800 1234 5678" is no code.
 */
function isGroup(t: Token): boolean {
  return t.clean.length === GROUP && isAlnum(t.clean) && letterCase(t.clean) !== 'mixed' && !isStopWord(t.clean);
}

/**
 * The next word continues a spaced run when one plain space (or NBSP) separates them, nothing
 * punctuates the join, and it is written in the same case (X shows codes in lowercase; a person
 * may retype one in capitals, but not half of it).
 */
function joinsRun(line: string, prev: Token, next: Token, runCase: LetterCase): boolean {
  const gap = line.slice(prev.end, next.start);
  const nextCase = letterCase(next.clean);
  const sameCase = runCase === 'none' || nextCase === 'none' || nextCase === runCase;
  return !prev.closes && !next.opens && (gap === ' ' || gap === '\u00a0') && isGroup(next) && sameCase;
}

/**
 * Splits a run of 4-char groups into codes: 2–4 groups are one code; a longer run is read as
 * 12-character codes side by side when it divides evenly, and skipped otherwise (ambiguous).
 */
function runToCodes(groups: string[]): string[][] {
  if (groups.length <= 4) return [groups];
  if (groups.length % 3 !== 0) return [];
  const codes: string[][] = [];
  for (let i = 0; i < groups.length; i += 3) codes.push(groups.slice(i, i + 3));
  return codes;
}

function findAll(text: string): string[] {
  const found: string[] = [];
  const take = (groups: string[], ownLine: boolean) => {
    const value = normalize(groups.join(''));
    if (value !== null && plausible({ groups, ownLine })) found.push(value);
  };
  for (const line of splitLines(text)) {
    const tokens = lineTokens(line);
    let i = 0;
    while (i < tokens.length) {
      const first = tokens[i]!;
      let j = i + 1;
      if (isGroup(first)) {
        let runCase = letterCase(first.clean);
        while (j < tokens.length && joinsRun(line, tokens[j - 1]!, tokens[j]!, runCase)) {
          if (runCase === 'none') runCase = letterCase(tokens[j]!.clean);
          j++;
        }
      }
      if (j - i >= 2) {
        const groups = tokens.slice(i, j).map((t) => t.clean);
        const ownLine = coversLine(line, tokens, i, j);
        for (const code of runToCodes(groups)) take(code, ownLine);
        i = j;
        continue;
      }
      if (isAlnum(first.clean)) take([first.clean], coversLine(line, tokens, i, i + 1));
      i++;
    }
  }
  return unique(found);
}

export const xFormat: CodeFormat = { id: 'x', normalize, display, findAll };
