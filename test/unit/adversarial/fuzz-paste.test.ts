// The paste box meets anything a person (or a page they copied from) puts on the clipboard.
// For every code format, 10,000 generated texts — noise of every kind with real codes planted on
// their own lines — and findCodes must: never throw; return each code once, normalised; invent
// nothing (every result is spelled out in the text); and find every planted code. Long
// pathological texts finish quickly (no regex backtracking blow-up).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMATS, FORMAT_IDS, type KnownFormatId as FormatId } from '../../../src/sites/index';
import { findCodes } from '../../../src/vault/index';
import { isStopWord } from '../../../src/vault/formats/scan';
import { property } from '../property';

const RUNS = 10_000;

/** One real code of each format, as the site shows it, with at least one letter and one digit. */
const mixed = (re: RegExp) => fc.stringMatching(re).filter((s) => /[0-9]/.test(s) && /[A-Za-z]/.test(s));
const REAL: Record<FormatId, fc.Arbitrary<string>> = {
  // X shows twelve characters in groups of four. A code with a common word as a group
  // ("0aa0 were 0a0a", about 1 X code in 12,000) is not found in pasted text: findCodes reads such
  // a group as prose (src/sites/x/format.ts). A known limit, left out of the planted codes.
  x: mixed(/^[a-z0-9]{12}$/)
    .filter((v) => !(v.match(/.{4}/g) ?? []).some(isStopWord))
    .map((v) => FORMATS.x.display(v)),
  github: mixed(/^[0-9a-f]{5}-[0-9a-f]{5}$/),
  google: fc.stringMatching(/^\d{4} \d{4}$/),
  gitlab: mixed(/^[0-9a-f]{16}$/),
  discord: mixed(/^[a-z0-9]{4}-[a-z0-9]{4}$/),
  proton: mixed(/^[A-Za-z0-9]{6,32}$/),
  mozilla: mixed(/^[0-9a-hjkmnp-tv-z]{10}$/),
  generic: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{3,40}$/),
};

/** Words that fill backup-code pages and e-mails, codes of every format, and their near misses. */
const word = fc.oneof(
  fc.constantFrom('code', 'your', 'backup', 'Call', 'this', 'verification', '1.', '-', '•', '(1)', 'x', 'OK', '2024-01-05', '+1 555 0100'),
  ...FORMAT_IDS.map((id) => REAL[id]),
  fc.stringMatching(/^[A-Za-z0-9]{1,20}$/),
  fc.stringMatching(/^[0-9a-fA-F]{4,6}[- ][0-9a-fA-F]{4,6}$/),
  fc.tuple(fc.constantFrom('(', '"', '«', '<', ''), fc.stringMatching(/^[a-z0-9]{4}$/), fc.constantFrom(')', '.', ',', ':', '!', '»', '')).map((p) => p.join('')),
);
const sentence = fc
  .tuple(fc.array(word, { maxLength: 8 }), fc.constantFrom(' ', '  ', '\t', '\u00a0', ' - '))
  .map(([words, gap]) => words.join(gap));
const noiseLine = fc.oneof(
  { weight: 4, arbitrary: sentence },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 120 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', '1', ' ', '.', '-', '(', ')', '\u00a0'), maxLength: 200 }) },
);
const lineBreak = fc.constantFrom('\n', '\r\n', '\r', '\u2028', '\n\n');

/** Noise lines and planted codes (each alone on its line), joined by any line break. */
function pasted(id: FormatId) {
  return fc
    .tuple(fc.array(noiseLine, { maxLength: 5 }), fc.array(REAL[id], { maxLength: 3 }), fc.array(lineBreak, { minLength: 8, maxLength: 8 }), fc.nat())
    .map(([noise, planted, breaks, seed]) => {
      const lines = [...noise];
      planted.forEach((code, i) => lines.splice((seed + i * 7) % (lines.length + 1), 0, code));
      return { text: lines.map((l, i) => l + (breaks[i % breaks.length] ?? '\n')).join(''), planted };
    });
}

const alnum = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

describe.each(FORMAT_IDS.map((id) => [id] as const))('findCodes for the %s format', (id) => {
  const format = FORMATS[id];

  property(`never throws, invents nothing, and finds every planted code (${RUNS.toLocaleString('en')} texts)`, RUNS, (runs) => {
    const bad: string[] = [];
    fc.assert(
      fc.property(pasted(id), ({ text, planted }) => {
        const found = findCodes(text, FORMATS[id]);
        const problems: string[] = [];
        if (new Set(found).size !== found.length) problems.push('a code twice');
        for (const v of found) {
          if (format.normalize(v) !== v) problems.push(`not normalised: ${JSON.stringify(v)}`);
          // Generic codes are taken as written; the others may lose spaces, hyphens and case.
          const spelled = id === 'generic' ? text.includes(v) : alnum(text).includes(alnum(v));
          if (!spelled) problems.push(`invented: ${JSON.stringify(v)}`);
        }
        for (const p of planted) if (!found.includes(format.normalize(p)!)) problems.push(`missed planted ${JSON.stringify(p)}`);
        if (problems.length) bad.push(`${problems.join('; ')} in ${JSON.stringify(text)}`);
        return problems.length === 0;
      }),
      runs,
    );
    expect(bad).toEqual([]);
  });

  it('reads long pathological texts in linear time', () => {
    const long = [
      'a '.repeat(50_000),
      'abcd '.repeat(25_000),
      'ab12 '.repeat(25_000),
      '1234 5678 '.repeat(12_000),
      '12345-'.repeat(20_000),
      '('.repeat(100_000) + 'x',
      '.'.repeat(100_000) + 'x',
      'x' + '.'.repeat(100_000),
      '- '.repeat(50_000),
      'a'.repeat(100_000),
      '\n'.repeat(100_000),
      '\u00a0'.repeat(100_000) + '1',
    ];
    for (const text of long) {
      const started = performance.now();
      findCodes(text, FORMATS[id]);
      // Linear work on 100 KB is a few ms; this bound is loose for a loaded 2-core machine, and
      // a backtracking blow-up is seconds to hours.
      expect(performance.now() - started, JSON.stringify(text.slice(0, 12))).toBeLessThan(1_500);
    }
  });
});
