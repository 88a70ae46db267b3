// Parsers meet whatever file a person picks. Whatever the bytes, each one either reads the whole
// file into valid codes or throws VaultError('invalid-format'): never another error, never a
// half-read list, never a line of the file in its message.
import fc from 'fast-check';
import { describe } from 'vitest';
import { IMPORTS, IMPORT_PARSERS, formatById } from '../../../../src/sites/index';
import { VaultError, detectImport, type ImportResult } from '../../../../src/vault/index';
import { DISCORD_FILE, GITHUB_FILE, GITLAB_FILE, GOOGLE_FILE, PLAIN_FILE, PROTON_FILE } from './samples';
import { property } from '../../property';

const RUNS = 10_000;

function outcome(run: () => ImportResult): ImportResult | VaultError {
  try {
    return run();
  } catch (e) {
    if (e instanceof VaultError && e.code === 'invalid-format') return e;
    throw e;
  }
}

/** Plain checks, not expect(): this runs over a hundred thousand times. */
function checkResult(r: ImportResult | VaultError, text: string): boolean {
  if (r instanceof VaultError) return /^(Line \d+ |This file )/.test(r.message);
  const format = formatById(r.format);
  return (
    text.length > 0 &&
    r.codes.length + (r.alreadyUsed ?? 0) > 0 &&
    r.codes.every((code) => format.normalize(code) === code)
  );
}

/** Any text: ASCII, any code point (fast-check's full Unicode), or whole graphemes. */
const anyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
);

const sampleLines = [GITHUB_FILE, GITLAB_FILE, PROTON_FILE, DISCORD_FILE, GOOGLE_FILE, PLAIN_FILE].flatMap((f) =>
  f.split(/\r?\n/),
);

/** Real lines mixed with random ones and a few code-shaped ones, joined by either line end. */
const structured = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.constantFrom(...sampleLines),
        fc.string(),
        fc.stringMatching(/^\* [a-z0-9]{4}-[a-z0-9]{4}( \([a-z]+\))?$/),
        fc.stringMatching(/^\d{1,2}\. \d{4} \d{4}$/),
        fc.stringMatching(/^[0-9a-f]{5}-[0-9a-f]{5}$/),
      ),
      { maxLength: 24 },
    ),
    fc.constantFrom('\n', '\r\n', '\r'),
  )
  .map(([lines, eol]) => lines.join(eol));

const PARSERS = Object.values(IMPORT_PARSERS);

describe.each(PARSERS.map((p) => [p.id, p] as const))('the %s parser', (_id, parser) => {
  property('never crashes on any text, ASCII or Unicode', RUNS, (runs) => {
    fc.assert(fc.property(anyText, (t) => checkResult(outcome(() => parser.parse(t)), t)), runs);
  });

  property('never crashes on real lines mixed with noise', 2_000, (runs) => {
    fc.assert(fc.property(structured, (t) => checkResult(outcome(() => parser.parse(t)), t)), runs);
  });
});

describe('detectImport', () => {
  const names = fc.oneof(
    fc.constantFrom('github-recovery-codes.txt', 'gitlab-recovery-codes.txt', 'discord_backup_codes.txt'),
    fc.constantFrom('proton_recovery_codes.txt', 'Backup-codes-sam.txt', 'codes.txt'),
    fc.string({ unit: 'binary', maxLength: 40 }),
  );

  property('never crashes on any name and any text', RUNS, (runs) => {
    fc.assert(
      fc.property(names, anyText, (name, t) =>
        checkResult(outcome(() => detectImport(name, t, IMPORTS)), t),
      ),
      runs,
    );
  });

  property('never crashes on any name and real lines mixed with noise', 2_000, (runs) => {
    fc.assert(
      fc.property(names, structured, (name, t) => checkResult(outcome(() => detectImport(name, t, IMPORTS)), t)),
      runs,
    );
  });
});
