// `npm test` on a fresh machine: every test file that launches a browser, itself or through the
// files it imports or spawns, runs in a stage that needs the browsers, after the stage that
// provisions them (test/stages.mjs). The node:test suites once ran before the e2e stage installed
// Chromium and failed with "executable doesn't exist" on every fresh machine.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, missingPackages, type BrowserName } from '../provision.mjs';
import { STAGES, orderProblems } from '../stages.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const LAUNCHES = /\b(?:chromium|firefox)\.launch\w*\(|launchPersistentContext\(|puppeteer\w*\.launch\(|\blaunchBrowser\(/;
/** Relative references: imports, dynamic imports, and scripts spawned by URL. */
const REFERENCES = /(?:from\s+|import\(\s*|new URL\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

function testFiles(dir = path.join(root, 'test')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return ['node_modules', 'artifacts'].includes(e.name) ? [] : testFiles(full);
    return /\.test\.(?:tsx?|mjs)$/.test(e.name) ? [full] : [];
  });
}

function resolve(from: string, ref: string): string | undefined {
  const base = path.resolve(path.dirname(from), ref);
  const candidates = [base, ...['.ts', '.tsx', '.mjs', '.js', '/index.ts'].map((ext) => base.replace(/\.(?:js|mjs)$/, '') + ext)];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile() && !c.endsWith('.d.mts'));
}

/** Whether `file` or anything it reaches by relative reference launches a browser. */
function launchesBrowser(file: string, seen = new Set<string>()): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  if (LAUNCHES.test(text)) return true;
  for (const [, ref] of text.matchAll(REFERENCES)) {
    const next = resolve(file, ref!);
    if (next && launchesBrowser(next, seen)) return true;
  }
  return false;
}

describe('the stages of npm test', () => {
  it('provide every need before the stage that needs it', () => {
    expect(orderProblems()).toEqual([]);
  });

  it('fail an order where a browser stage comes before the provisioning', () => {
    const swapped = [STAGES.find((s) => s.id === 'node:test')!, ...STAGES.filter((s) => s.id !== 'node:test')];
    expect(orderProblems(swapped)).toEqual([
      'stage "node:test" needs browsers, but no stage before it provides them: move it after the stage that does',
    ]);
  });

  it('run every test file that launches a browser in a stage that needs the browsers', () => {
    const files = testFiles();
    const launching = files.filter((f) => launchesBrowser(f)).map((f) => path.relative(root, f).split(path.sep).join('/'));
    // The detector itself must see the files we know launch one, or this test proves nothing.
    expect(launching).toEqual(expect.arrayContaining(['test/replica/pages.test.mjs', 'test/replica/fixtures.test.mjs']));
    expect(launching.some((f) => f.startsWith('test/e2e/'))).toBe(true);
    const wrong = launching.flatMap((file) => {
      const owners = STAGES.filter((s) => s.owns?.(file));
      if (owners.length !== 1) return [`${file}: run by ${owners.length} stages (${owners.map((s) => s.id).join(', ')}); exactly one must own it`];
      const stage = owners[0]!;
      return stage.needs.includes('browsers')
        ? []
        : [`${file} launches a browser but its stage "${stage.id}" does not need 'browsers' in test/stages.mjs: add it (the stage then runs after provisioning)`];
    });
    expect(wrong).toEqual([]);
  });

  it('own every test file with exactly one stage', () => {
    const orphans = testFiles()
      .map((f) => path.relative(root, f).split(path.sep).join('/'))
      .filter((file) => STAGES.filter((s) => s.owns?.(file)).length !== 1);
    expect(orphans).toEqual([]);
  });
});

// The provisioning stage is the only thing that installs anything on a fresh machine: the browsers,
// the languages the localized e2e starts them in, and the commands the tests run.
describe('the provisioning of npm test', () => {
  const machine = (has: { browsers?: BrowserName[]; files?: string[]; commands?: string[] }) => ({
    browser: (name: BrowserName) => has.browsers?.includes(name) ?? false,
    file: (file: string) => has.files?.includes(file) ?? false,
    command: (name: string) => has.commands?.includes(name) ?? false,
  });
  const languageFiles = (['chromium', 'firefox'] as const).flatMap((b) => LANGUAGES[b].languages.map((l) => LANGUAGES[b].file(l)));

  it('installs on a fresh machine each browser, then its languages, then openssl and unzip', () => {
    expect(missingPackages(machine({}), {})).toEqual(['chromium', 'chromium-l10n', 'firefox-esr', 'firefox-esr-l10n-ja', 'openssl', 'unzip']);
  });

  it('installs only the languages when the browsers are there without them (Debian ships English only)', () => {
    const has = machine({ browsers: ['chromium', 'firefox'], commands: ['openssl', 'unzip'] });
    expect(missingPackages(has, {})).toEqual(['chromium-l10n', 'firefox-esr-l10n-ja']);
  });

  it('installs nothing on a machine that has it all', () => {
    expect(missingPackages(machine({ browsers: ['chromium', 'firefox'], files: languageFiles, commands: ['openssl', 'unzip'] }), {})).toEqual([]);
  });

  it('leaves the languages of a browser named by CHROMIUM_BIN / FIREFOX_BIN to its owner', () => {
    const has = machine({ browsers: ['chromium', 'firefox'], commands: ['openssl', 'unzip'] });
    expect(missingPackages(has, { CHROMIUM_BIN: '/opt/chromium/chrome' })).toEqual(['firefox-esr-l10n-ja']);
  });

  it('provides every language the localized e2e starts a browser in', () => {
    const source = readFileSync(path.join(root, 'test/e2e/localized.e2e.test.ts'), 'utf8');
    const started = [...source.matchAll(/\{ browser: '(chromium|firefox)', locale: '([a-z_A-Z]+)'/g)].map((m) => [m[1] as BrowserName, m[2]!] as const);
    expect(started.length).toBeGreaterThanOrEqual(3);
    const unprovided = started.filter(([browser, locale]) => !LANGUAGES[browser].languages.includes(locale));
    expect(unprovided.map(([b, l]) => `${b} in ${l}: add it to LANGUAGES in test/provision.mjs`)).toEqual([]);
  });
});
