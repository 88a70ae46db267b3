// Adding a vault-only site is one new folder and one registry line. This writes such a folder
// (record, code format, import parser: what src/sites/discord/ holds) to a temp directory, loads
// it, derives the registry from the real list plus that one entry, and shows the site flows
// through everything that reads the registry: lookups, code formats, imports by file name and by
// content, merging codes, the popup's words, and the meta-test's checks.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { deriveRegistry } from '../../../src/sites/derive';
import { REGISTRY } from '../../../src/sites/index';
import type { Site } from '../../../src/sites/site';
import { detectImport, findCodes, formatOf, mergeCodes } from '../../../src/vault/index';
import { makeAccount, testClock } from '../vault/helpers';
import { checkFolders, checkReadme, checkSiteParts, isSite } from './registry-checks';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const vault = (file: string) => JSON.stringify(path.join(ROOT, 'src', 'vault', file));
const sites = (file: string) => JSON.stringify(path.join(ROOT, 'src', 'sites', file));

// The folder, as a contributor would write it (imports point at the real tree).
const FOLDER: Record<string, string> = {
  'format.ts': `
import type { CodeFormat } from ${vault('formats/format.ts')};
import { unique } from ${vault('formats/scan.ts')};
// Example codes: EX- and six digits.
const VALUE = /^EX-?(\\d{6})$/i;
export const exampleFormat: CodeFormat = {
  id: 'example',
  normalize: (raw) => { const m = VALUE.exec(raw.trim()); return m ? 'EX-' + m[1] : null; },
  display: (value) => value,
  findAll: (text) => unique([...text.matchAll(/\\bEX-(\\d{6})\\b/gi)].map((m) => 'EX-' + m[1])),
};`,
  'import.ts': `
import { parseOnePerLine } from ${vault('import/one-per-line.ts')};
import type { ImportParser } from ${vault('import/types.ts')};
import { exampleFormat } from './format';
export const exampleImport: ImportParser = {
  id: 'example',
  label: 'Example recovery codes',
  fileName: /^example-codes(?: ?\\(\\d+\\))?\\.txt$/i,
  knownByContent: true,
  parse: (text) => parseOnePerLine(text, exampleFormat, 'Example recovery codes'),
};`,
  'index.ts': `
import type { Site } from ${sites('site.ts')};
import type { SiteInfo } from ${sites('types.ts')};
import { exampleFormat } from './format';
import { exampleImport } from './import';
const info = {
  id: 'example',
  name: 'Example',
  origins: ['https://example.com'],
  matches: [],
  policy: { kind: 'any-order' },
  format: 'example',
  backupCodesUrl: 'https://example.com/settings/2fa',
} as const satisfies SiteInfo;
// Words already in messages.json stand in for the two a real site adds there.
export const exampleSite = {
  info,
  format: exampleFormat,
  formatWords: 'formatGeneric',
  download: { parser: exampleImport, words: 'importKindPlain' },
} as const satisfies Site;`,
};

const DIR = mkdtempSync(path.join(tmpdir(), 'sparekey-new-site-'));
mkdirSync(path.join(DIR, 'example'));
for (const [file, text] of Object.entries(FOLDER)) writeFileSync(path.join(DIR, 'example', file), text.trimStart());
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const loaded = Object.values((await import(path.join(DIR, 'example', 'index.ts'))) as Record<string, unknown>).filter(isSite);
const example: Site = loaded[0]!;
// The one registry line.
const registry = deriveRegistry([...REGISTRY, example]);

const FILE = 'EX-000001\r\nEX-000002\r\nex-000003\r\n';

describe('a vault-only site added as one folder and one registry line', () => {
  it('is one site, found in the registry by id, with no pages to read', () => {
    expect(loaded).toHaveLength(1);
    expect(registry.siteById('example')).toBe(example.info);
    expect(registry.sites.map((s) => s.id)).toEqual([...REGISTRY.map((s) => s.info.id), 'example']);
    expect(registry.pageSites.map((s) => s.id)).toEqual(['x', 'github', 'google', 'gitlab', 'proton', 'mozilla']);
    expect(registry.adapters).toHaveLength(6);
  });

  it('brings its code format, found by id and by an account of the site', () => {
    expect(registry.formats.example).toBe(example.format);
    expect(registry.formatById('example')).toBe(example.format);
    expect(formatOf({ site: 'example' }, registry.formats)).toBe(example.format);
    expect(findCodes('Your codes: EX-123456 and ex-654321.', registry.formatById('example'))).toEqual(['EX-123456', 'EX-654321']);
  });

  it('merges codes into an account of the site in its format', () => {
    const account = makeAccount({ kind: 'any-order' }, { site: 'example', origins: ['https://example.com'] });
    const r = mergeCodes(account, [], ['ex123456', 'EX-123456', 'hello'], { ...testClock().merge(), formats: registry.formats });
    expect(r.added.map((c) => c.value)).toEqual(['EX-123456']);
    expect([r.duplicates, r.invalid]).toEqual([1, 1]);
  });

  it("imports the site's download by its file name, and by its content when renamed", () => {
    const byName = detectImport('Downloads/example-codes (1).txt', FILE, registry.imports);
    expect(byName).toMatchObject({ parser: 'example', format: 'example', codes: ['EX-000001', 'EX-000002', 'EX-000003'] });
    expect(detectImport('codes.txt', FILE, registry.imports).parser).toBe('example');
    expect(registry.importParsers.example).toBe(example.download!.parser);
    // Every site the real registry knows still reads its own files first.
    expect(registry.imports.slice(0, -1)).toEqual(deriveRegistry(REGISTRY).imports);
  });

  it('names its format and its download with the words its folder lists', () => {
    expect(registry.siteOfFormat('example')?.formatWords).toBe('formatGeneric');
    expect(registry.siteOfImport('example')?.download?.words).toBe('importKindPlain');
  });

  it('passes the meta-test once its README row is written, and fails without the registry line', () => {
    // The real folders (registry.test.ts walks them) and the new one.
    const folders = [...REGISTRY.map((s) => ({ name: s.info.id, sites: [s] })), { name: 'example', sites: [example] }];
    expect(checkFolders(folders, registry.list)).toEqual([]);
    expect(checkSiteParts(registry.list)).toEqual([]);
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(checkReadme(registry.list, readme)).toEqual([
      'add a row for example to the README\'s "Supported sites" table: | example | https://example.com | <the rule Sparekey enforces> |',
    ]);
    const row = '| example | https://example.com | any order, each once; vault only (import example-codes.txt, paste) |';
    expect(checkReadme(registry.list, readme.replace(/^(\| proton \|.*)$/m, `$1\n${row}`))).toEqual([]);
    expect(checkFolders(folders, REGISTRY)).toEqual([
      'src/sites/example/ is not in the registry: add exampleSite to the list in src/sites/index.ts',
    ]);
  });
});
