// Import files, generated: for each parser, 10,000 files shaped like the site's download (any
// number of codes, any line ends, a byte-order mark, blank lines, stray spaces, upper case where
// the format ignores case), half of them with ONE line broken. A whole file gives exactly its
// codes, in order, with the account and used count it names; a file with one broken line gives
// nothing at all, and the error names that line's number and never its text. Both through the
// parser and through detectImport with the site's file name.
// (test/unit/vault/import/fuzz.test.ts feeds the same parsers arbitrary text.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMATS, IMPORTS, IMPORT_PARSERS, formatById, type KnownImportId as ImportId } from '../../../src/sites/index';
import { VaultError, detectImport, type DetectedImport, type ImportResult } from '../../../src/vault/index';
import { stripListMarker } from '../../../src/vault/import/text';
import { property } from '../property';

const RUNS = 10_000;

/** A file as lines, what a correct reading of it gives, and which lines hold codes. */
interface Model {
  lines: string[];
  expected: ImportResult;
  /** Indexes into `lines` of lines a corruption may replace. */
  codeLines: number[];
}

// Cheap character-level generators: there are hundreds of thousands of codes to make.
const chars = (alphabet: string) => fc.constantFrom(...alphabet);
const HEX = chars('0123456789abcdef');
const ALNUM = chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
const DIGIT = chars('0123456789');
const CROCKFORD = chars('0123456789abcdefghjkmnpqrstvwxyz');
const hex = (n: number) => fc.string({ unit: HEX, minLength: n, maxLength: n });
const alnum = (n: number, max = n) => fc.string({ unit: ALNUM, minLength: n, maxLength: max });
const email = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,10}[a-z0-9]$/), fc.stringMatching(/^[a-z]{2,10}$/), fc.constantFrom('com', 'org', 'dev'))
  .filter(([local]) => !local.includes('..'))
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);
/** Upper-cases a value where the format ignores case. */
const anyCase = (value: string, upper: boolean) => (upper ? value.toUpperCase() : value);

/** One-code-per-line files: every line is a code. */
function onePerLine(code: fc.Arbitrary<{ raw: string; value: string }>, format: ImportResult['format'], max = 20): fc.Arbitrary<Model> {
  return fc.array(code, { minLength: 1, maxLength: max }).map((codes) => ({
    lines: codes.map((c) => c.raw),
    expected: { codes: codes.map((c) => c.value), format },
    codeLines: codes.map((_, i) => i),
  }));
}

const MODELS: Record<ImportId, fc.Arbitrary<Model>> = {
  github: onePerLine(
    fc.tuple(hex(5), hex(5), fc.boolean(), fc.boolean()).map(([a, b, upper, hyphen]) => ({
      raw: anyCase(hyphen ? `${a}-${b}` : `${a}${b}`, upper),
      value: `${a}-${b}`,
    })),
    'github',
  ),
  gitlab: onePerLine(
    fc.tuple(hex(16), fc.boolean()).map(([v, upper]) => ({ raw: anyCase(v, upper), value: v })),
    'gitlab',
  ),
  mozilla: onePerLine(
    fc.tuple(fc.string({ unit: CROCKFORD, minLength: 10, maxLength: 10 }), fc.boolean()).map(([v, upper]) => ({ raw: anyCase(v, upper), value: v })),
    'mozilla',
    8,
  ),
  proton: onePerLine(
    alnum(6, 32).map((v) => ({ raw: v, value: v })),
    'proton',
  ),
  plain: onePerLine(
    fc
      .tuple(fc.constantFrom('', '- ', '* ', '• ', '1. ', '12) ', '(3) '), fc.tuple(chars('abcXYZ'), fc.string({ unit: chars('Ab9 _.-'), minLength: 2, maxLength: 40 }), ALNUM).map((p) => p.join('')))
      .map(([marker, v]) => ({ raw: `${marker}${v}`, value: v })),
    'generic',
    30,
  ),
  discord: fc
    .tuple(
      fc.option(email, { nil: undefined }),
      fc.array(fc.tuple(alnum(4), alnum(4), fc.boolean(), fc.option(fc.constantFrom('(used)', '(utilisé)', '(usado)', '(使用済み)'), { nil: undefined })), {
        minLength: 1,
        maxLength: 12,
      }),
    )
    .map(([account, codes]) => {
      const header = `These are your Discord backup codes for account ${account ?? 'you'}. Keep them safe!`;
      const lines = [header, '', ...codes.map(([a, b, hyphen, note]) => `* ${a}${hyphen ? '-' : ''}${b} ${note ?? ''}`)];
      const expected: ImportResult = {
        codes: codes.filter(([, , , note]) => note === undefined).map(([a, b]) => `${a}${b}`.toLowerCase()),
        format: 'discord',
        alreadyUsed: codes.filter(([, , , note]) => note !== undefined).length,
      };
      if (account) expected.account = account;
      return { lines, expected, codeLines: codes.map((_, i) => i + 2) };
    }),
  google: fc
    .tuple(
      fc.option(email, { nil: undefined }),
      fc.boolean(),
      fc.uniqueArray(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 10 }),
      fc.array(fc.string({ unit: DIGIT, minLength: 8, maxLength: 8 }), { minLength: 10, maxLength: 10 }),
      fc.constantFrom('\t\t', '  ', '\t'),
      fc.constantFrom(' ', '\u00a0', ''),
    )
    .map(([account, accountOnTop, numbers, digits, columnGap, groupGap]) => {
      const entry = (i: number) => `${numbers[i]}. ${digits[i]!.slice(0, 4)}${groupGap}${digits[i]!.slice(4)}`;
      const rows: string[] = [];
      const half = Math.ceil(numbers.length / 2);
      for (let i = 0; i < half; i++) rows.push(i + half < numbers.length ? `${entry(i)}${columnGap}${entry(i + half)}` : entry(i));
      const head = ['SAVE YOUR BACKUP CODES', ...(account && accountOnTop ? [account] : []), 'Keep these backup codes somewhere safe but accessible.', ''];
      const tail = ['', ...(account && !accountOnTop ? [`(${account})`] : []), ' * You can only use each backup code once.', ' * Generated: Jan 5, 2024'];
      const expected: ImportResult = {
        codes: numbers.map((n, i) => [n, digits[i]!] as const).sort(([a], [b]) => a - b).map(([, d]) => d),
        format: 'google',
      };
      if (account) expected.account = account;
      return { lines: [...head, ...rows, ...tail], expected, codeLines: rows.map((_, i) => head.length + i) };
    }),
};

/**
 * A line the parser must refuse where a code line was, built to fail for that parser, as a
 * function of the line it replaces. (Built once: making a stringMatching arbitrary costs ~15 ms.)
 */
const fixed = (arb: fc.Arbitrary<string>) => arb.map((line) => (_original: string) => line);
const BROKEN: Record<ImportId, fc.Arbitrary<(original: string) => string>> = {
  github: fixed(fc.oneof(hex(9), hex(5).map((a) => `${a}-${a}0`), fc.constant('my secret note'), fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }))),
  gitlab: fixed(fc.oneof(hex(15), hex(17), fc.stringMatching(/^[0-9a-f]{8} [0-9a-f]{8}$/), fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }))),
  mozilla: fixed(fc.oneof(fc.string({ unit: CROCKFORD, minLength: 9, maxLength: 9 }), fc.stringMatching(/^[0-9a-z]{4}[ilou][0-9a-z]{5}$/), fc.constant('my secret note'), fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }))),
  proton: fixed(fc.oneof(alnum(5), fc.stringMatching(/^[A-Za-z0-9]{33,40}$/), fc.stringMatching(/^[a-z0-9]{3} [a-z0-9]{4}$/), fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }))),
  plain: fixed(fc.oneof(fc.stringMatching(/^[A-Za-z0-9]{1,3}$/), fc.stringMatching(/^[a-z]{65,70}$/), fc.constant('ab\u0007cd'), fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }))),
  discord: fixed(
    fc.oneof(
      alnum(3).map((a) => `* ${a}`),
      fc.tuple(alnum(4), alnum(5)).map(([a, b]) => `* ${a}-${b}`),
      fc.tuple(alnum(4), alnum(4)).map(([a, b]) => `* ${a}_${b}`),
      fc.tuple(alnum(4), alnum(4)).map(([a, b]) => `* ${a}-${b} and more`),
    ),
  ),
  // A numbered row with text after it, a digit short, or a half entry.
  google: fc.constantFrom(
    (original: string) => `${original} oops`,
    (original: string) => original.replace(/\d(?=\D*$)/u, ''),
    (original: string) => `${original}\t7. 1234`,
  ),
};

/** Whether `line` is surely refused by the parser (the generators above aim at that; this checks). */
function refused(id: ImportId, line: string): boolean {
  const t = line.trim();
  if (t === '' || /[\r\n\u2028\u2029]/u.test(line)) return false;
  switch (id) {
    case 'github':
    case 'gitlab':
    case 'mozilla':
    case 'proton':
      return FORMATS[id].normalize(t) === null;
    case 'plain':
      return FORMATS.generic.normalize(stripListMarker(t)) === null;
    default:
      return true; // built to fail, by construction
  }
}

const FILE_NAMES: Record<ImportId, string> = {
  github: 'github-recovery-codes.txt',
  gitlab: 'gitlab-recovery-codes (1).txt',
  proton: 'proton_recovery_codes.txt',
  mozilla: 'alex@example.com Backup authentication codes.txt',
  plain: 'my codes.txt',
  discord: 'discord_backup_codes.txt',
  google: 'Backup-codes-alex.txt',
};

interface Rendered {
  text: string;
  /** 1-based line number of the broken line, if one was broken. */
  brokenAt?: number;
}

function file(id: ImportId) {
  return MODELS[id].chain((model) =>
    fc
      .record({
        eol: fc.constantFrom('\n', '\r\n', '\r'),
        bom: fc.boolean(),
        blankBefore: fc.nat({ max: 2 }),
        blankAfter: fc.nat({ max: 2 }),
        pad: fc.constantFrom('', ' ', '\t', '  '),
        broken: fc.oneof(fc.constant(undefined), fc.nat({ max: model.codeLines.length - 1 })),
      })
      .chain((r) => {
        const at = r.broken === undefined ? undefined : model.codeLines[r.broken]!;
        const replacement =
          at === undefined ? fc.constant(undefined) : BROKEN[id].map((f) => f(model.lines[at]!)).filter((l) => refused(id, l));
        return replacement.map((bad): { model: Model; rendered: Rendered } => {
          const lines = model.lines.map((l, i) => (i === at ? bad! : l === '' ? '' : `${r.pad}${l}${r.pad}`));
          const all = [...Array<string>(r.blankBefore).fill(''), ...lines, ...Array<string>(r.blankAfter).fill('')];
          const text = (r.bom ? '\uFEFF' : '') + all.join(r.eol);
          return { model, rendered: at === undefined ? { text } : { text, brokenAt: r.blankBefore + at + 1 } };
        });
      }),
  );
}

type Reading = ImportResult | VaultError;

function read<T extends ImportResult>(run: () => T): T | VaultError {
  try {
    return run();
  } catch (e) {
    if (e instanceof VaultError && e.code === 'invalid-format') return e;
    throw e;
  }
}

/** `text` as a regular expression matching exactly it. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every wording a parser labelled `label` has for refusing line `n`: the line's number and the
 * parser's label, nothing of the line's text (Google's also names the entry number it repeats).
 */
function refusals(label: string, n: number): RegExp {
  const l = literal(label);
  return new RegExp(`^Line ${n} (?:is not one of the ${l}|is not a list of ${l}|repeats backup code number \\d{1,2})\\.$`, 'u');
}

/** What is wrong with a reading by the parser labelled `label`, or null. */
function judge(got: Reading, model: Model, rendered: Rendered, label: string): string | null {
  if (rendered.brokenAt === undefined) {
    if (got instanceof VaultError) return `refused a whole file: ${got.message}`;
    const { parser: _parser, ...result } = got as ImportResult & { parser?: string };
    return JSON.stringify(result) === JSON.stringify(model.expected) ? null : `read ${JSON.stringify(result)}, expected ${JSON.stringify(model.expected)}`;
  }
  if (!(got instanceof VaultError)) return `half-imported a file broken at line ${rendered.brokenAt}: ${JSON.stringify(got.codes)}`;
  if (got.detail.line !== rendered.brokenAt || !got.message.startsWith(`Line ${rendered.brokenAt} `))
    return `named line ${String(got.detail.line)} (${got.message}), broken at ${rendered.brokenAt}`;
  // The line's text may be a word of the wording itself ("ine" is in "Line", "not" in "is not"):
  // what matters is that the message says nothing beyond the wording.
  if (refusals(label, rendered.brokenAt).test(got.message)) return null;
  const brokenText = rendered.text.split(/\r\n|\r|\n/u)[rendered.brokenAt - 1]!.trim();
  const rest = got.message.slice(`Line ${rendered.brokenAt} `.length);
  return rest.includes(brokenText) ? `the message quotes the line: ${got.message}` : `the message is not a known wording: ${got.message}`;
}

/** The property: each generated file through its parser and through detectImport by its name. */
function readsEveryFile(id: ImportId, counts: { whole: number; broken: number }) {
  const parser = IMPORT_PARSERS[id];
  return fc.property(file(id), ({ model, rendered }) => {
    counts[rendered.brokenAt === undefined ? 'whole' : 'broken']++;
    const direct = judge(read(() => parser.parse(rendered.text)), model, rendered, parser.label);
    if (direct) throw new Error(`${parser.id}: ${direct}\n${JSON.stringify(rendered.text)}`);
    const detected = read(() => detectImport(FILE_NAMES[id], rendered.text, IMPORTS));
    const chosen = detected instanceof VaultError ? id : detected.parser;
    if (chosen !== id) {
      // Only a plain list's name leaves the choice to the content: a list of "* abcd1234"
      // lines is a Discord file by its shape. Whatever reads it must give codes of its format.
      if (id !== 'plain') throw new Error(`detectImport chose ${chosen} for ${FILE_NAMES[id]}`);
      const r = detected as DetectedImport;
      if (!r.codes.every((c) => formatById(r.format).normalize(c) === c)) throw new Error(`${chosen} gave codes not of its format`);
      return;
    }
    // Google's and Mozilla's downloads name the account in the file's name when the text does not.
    const fromName = id === 'google' ? 'alex' : id === 'mozilla' ? 'alex@example.com' : undefined;
    const expected = fromName && !model.expected.account ? { ...model, expected: { ...model.expected, account: fromName } } : model;
    const viaName = judge(detected, expected, rendered, parser.label);
    if (viaName) throw new Error(`detectImport: ${viaName}\n${JSON.stringify(rendered.text)}`);
  });
}

describe.each(Object.keys(MODELS).map((id) => [id as ImportId] as const))('importing generated %s files', (id) => {
  property(`reads every whole file exactly and refuses every file with one broken line, naming it (${RUNS.toLocaleString('en')} files)`, RUNS, (runs) => {
    const counts = { whole: 0, broken: 0 };
    fc.assert(readsEveryFile(id, counts), runs);
    expect(counts.whole).toBeGreaterThan(runs.numRuns / 4);
    expect(counts.broken).toBeGreaterThan(runs.numRuns / 4);
  });
});

describe('seeds that failed before', () => {
  // CI, github files: run 28 broke the last line into "ine", and the message "Line 9 is not one
  // of the GitHub recovery codes." was taken for quoting it, "ine" being inside "Line".
  it('seed -732715489: a broken line "ine" is not quoted by the word "Line" (github files)', () => {
    const counts = { whole: 0, broken: 0 };
    fc.assert(readsEveryFile('github', counts), { seed: -732715489, numRuns: RUNS });
    expect(counts.broken).toBeGreaterThan(RUNS / 4);
  });

  it('takes that run\'s refusal for what it is, and a message that does quote its line for a leak', () => {
    const text = '\r\r 527CA-507A2 \r 3f400-bc116 \r 211dc5f103 \r C08C8-36484 \r 06607FF21D \r c69fde69fc \rine\r';
    const model: Model = { lines: [], expected: { codes: [], format: 'github' }, codeLines: [] };
    const rendered = { text, brokenAt: 9 };
    const got = read(() => IMPORT_PARSERS.github.parse(text));
    expect(got).toBeInstanceOf(VaultError);
    expect((got as VaultError).message).toBe('Line 9 is not one of the GitHub recovery codes.');
    expect(judge(got, model, rendered, 'GitHub recovery codes')).toBeNull();
    const label = 'GitHub recovery codes';
    for (const [message, problem] of [
      ['Line 9 is not one of the GitHub recovery codes: ine.', 'the message quotes the line'],
      ['Line 9 “ine” is not one of the GitHub recovery codes.', 'the message quotes the line'],
      ['Line 9 is not one of the GitHub recovery codes (ine).', 'the message quotes the line'],
      ['Line 9 is not one of the Discord backup codes.', 'the message is not a known wording'],
    ] as const) {
      expect(judge(new VaultError('invalid-format', message, { line: 9 }), model, rendered, label)).toBe(`${problem}: ${message}`);
    }
  });
});
