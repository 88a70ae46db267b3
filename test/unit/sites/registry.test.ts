// The one meta-test of the sites: it walks src/sites and keeps the folders, the registry, the
// adapters, the watcher, the fixtures and the README's site table in step. A folder the registry
// doesn't list, a site whose id isn't its folder's name, a page-reading site without fixtures
// (each saying what real page it models) or a site without its README row fails here, with a
// message saying the fix. The checks are pure functions (registry-checks.ts), and the last block
// shows each one fails on a broken listing, so this test cannot pass by finding nothing.
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ADAPTERS,
  PAGE_SITES,
  REGISTRY,
  SITES,
  adapterForOrigin,
  ON_REQUEST_SITES,
  contentScriptMatches,
  formatById,
  hostPermissions,
  onRequestSitesIn,
  optionalHostPermissions,
  siteById,
  siteForOrigin,
} from '../../../src/sites/index';
import type { Site } from '../../../src/sites/site';
import { OTHER_SITE_ID } from '../../../src/sites/generic/origin';
import { WATCHED, watchedMatches } from '../../../src/sites/watch';
import { genericFormat } from '../../../src/vault/formats';
import {
  checkFixtures,
  checkFolders,
  checkReadme,
  checkSiteParts,
  isSite,
  readmeSiteRows,
  type FixtureFolder,
  type FixtureTest,
  type SiteFolder,
} from './registry-checks';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SITES_DIR = path.join(ROOT, 'src', 'sites');

/** The folders directly under `dir` (files such as index.ts, types.ts and watch.ts are not sites). */
function folderNames(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

async function readFolder(name: string): Promise<SiteFolder> {
  const index = path.join(SITES_DIR, name, 'index.ts');
  if (!existsSync(index)) return { name, sites: [] };
  const exports = (await import(index)) as Record<string, unknown>;
  return { name, sites: Object.values(exports).filter(isSite) };
}

function readFixtures(id: string): FixtureFolder {
  const dir = path.join(ROOT, 'test', 'fixtures', id);
  if (!existsSync(dir)) return { site: id, files: [], manifest: undefined };
  const manifest = path.join(dir, 'fixtures.json');
  return {
    site: id,
    files: readdirSync(dir),
    manifest: existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as unknown) : undefined,
  };
}

function readFixtureTest(id: string): FixtureTest[] {
  const file = path.join(ROOT, 'test', 'unit', 'sites', id, 'fixtures.test.ts');
  return existsSync(file) ? [{ site: id, text: readFileSync(file, 'utf8') }] : [];
}

/**
 * Folders under src/sites that are not sites. `generic` is the recovery-code detector for every
 * site outside the registry (issue 13, item 3): it has no Site to register, no README row and no
 * adapter; its fixtures and test live in test/fixtures/generic and test/unit/sites/generic.
 */
const NOT_SITES: readonly string[] = ['generic'];

const FOLDERS = await Promise.all(folderNames(SITES_DIR).filter((n) => !NOT_SITES.includes(n)).map(readFolder));
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const PAGE_IDS = PAGE_SITES.map((s) => s.id);

describe('the sites in the tree', () => {
  it('are one folder each under src/sites, named by the site id, each listed once in the registry', () => {
    // Not vacuous: the walk found every site's folder.
    expect(FOLDERS.map((f) => f.name)).toEqual([...SITES.map((s) => s.id)].sort());
    expect(checkFolders(FOLDERS, REGISTRY)).toEqual([]);
  });

  it('include the folders that are not sites only as what they are: generic defines no site, and no site is called generic', async () => {
    for (const name of NOT_SITES) {
      expect(folderNames(SITES_DIR), name).toContain(name);
      expect((await readFolder(name)).sites, `src/sites/${name}/ must export no Site`).toEqual([]);
      expect(SITES.map((s) => s.id)).not.toContain(name);
    }
  });

  it('use one id throughout (record, format, import parser), with a content script only for sites with detectors', () => {
    expect(checkSiteParts(REGISTRY)).toEqual([]);
  });

  it('that read pages have fixtures, each saying which real page it models, and a test running every detector on them', () => {
    expect(PAGE_IDS.length).toBeGreaterThan(0);
    expect(checkFixtures(PAGE_IDS, PAGE_IDS.map(readFixtures), PAGE_IDS.flatMap(readFixtureTest))).toEqual([]);
  });

  it('each have their row in the README, with every origin', () => {
    // Then one row for every other site (its accounts are named by origin: src/sites/generic).
    expect([...readmeSiteRows(README).keys()]).toEqual([...SITES.map((s) => s.id), OTHER_SITE_ID]);
    expect(checkReadme(REGISTRY, README)).toEqual([]);
  });
});

describe('site adapters', () => {
  it('exist for every site that names pages to run on, sharing its data and its format', () => {
    expect(ADAPTERS.map((a) => a.site)).toEqual(SITES.filter((s) => s.matches.length > 0));
    for (const adapter of ADAPTERS) expect(adapter.format).toBe(formatById(adapter.site.format));
  });

  it('give vault-only sites no content script and no host access', () => {
    const vaultOnly = SITES.filter((s) => !PAGE_SITES.includes(s));
    expect(vaultOnly.map((s) => s.id)).toEqual(['discord']);
    for (const s of vaultOnly) {
      expect(s.matches).toEqual([]);
      for (const origin of s.origins) expect(contentScriptMatches().join(' ')).not.toContain(new URL(origin).host);
    }
  });

  it('have unique ids, each with the code format of the same name', () => {
    expect(new Set(SITES.map((s) => s.id)).size).toBe(SITES.length);
    for (const s of SITES) expect(s.format).toBe(s.id);
    for (const s of SITES) expect(formatById(s.format).id).toBe(s.id);
  });

  it('ask for X at install and for every other page-reading site only on request (optional host permissions)', () => {
    expect(hostPermissions()).toEqual([...siteById('x')!.matches]);
    expect(ON_REQUEST_SITES.map((s) => s.id)).toEqual(['github', 'google', 'gitlab', 'proton', 'mozilla']);
    expect(optionalHostPermissions('chrome')).toEqual(['https://github.com/*', 'https://accounts.google.com/*', 'https://myaccount.google.com/*', 'https://gitlab.com/*', 'https://account.proton.me/*', 'https://accounts.firefox.com/*']);
    // Firefox keeps every extension off accounts.firefox.com: it is not asked for there.
    expect(optionalHostPermissions('firefox')).toEqual(['https://github.com/*', 'https://accounts.google.com/*', 'https://myaccount.google.com/*', 'https://gitlab.com/*', 'https://account.proton.me/*']);
    expect(onRequestSitesIn('firefox').map((s) => s.id)).toEqual(['github', 'google', 'gitlab', 'proton']);
    for (const m of optionalHostPermissions('chrome')) expect(hostPermissions()).not.toContain(m);
  });

  it("give every page-reading site's origin a content-script match and no other", () => {
    for (const site of PAGE_SITES) {
      expect([...site.matches].sort()).toEqual(site.origins.map((o) => `${o}/*`).sort());
    }
    expect(contentScriptMatches().every((m) => m.startsWith('https://'))).toBe(true);
  });

  it('map each exact origin to its site and nothing else', () => {
    expect(siteForOrigin('https://x.com')?.id).toBe('x');
    expect(siteForOrigin('https://x.com.evil.test')).toBeUndefined();
    expect(siteForOrigin('http://x.com')).toBeUndefined();
    expect(siteForOrigin('https://github.com')?.id).toBe('github');
    expect(siteForOrigin('https://github.com.evil.test')).toBeUndefined();
    expect(siteForOrigin('https://accounts.google.com')?.id).toBe('google');
    expect(siteForOrigin('https://myaccount.google.com')?.id).toBe('google');
    expect(siteForOrigin('https://mail.google.com')).toBeUndefined();
    expect(siteForOrigin('https://accounts.firefox.com')?.id).toBe('mozilla');
    expect(siteForOrigin('https://accounts.firefox.com.evil.test')).toBeUndefined();
    expect(siteForOrigin('https://firefox.com')).toBeUndefined();
    expect(siteForOrigin('https://gitlab.com')?.id).toBe('gitlab');
    expect(siteForOrigin('https://gitlab.com.evil.test')).toBeUndefined();
    expect(siteForOrigin('https://about.gitlab.com')).toBeUndefined();
    expect(siteForOrigin('https://account.proton.me')?.id).toBe('proton');
    expect(siteForOrigin('https://account.proton.me.evil.test')).toBeUndefined();
    expect(siteForOrigin('https://mail.proton.me')).toBeUndefined();
    // Vault-only sites are not sites we act on in a page.
    expect(siteForOrigin('https://discord.com')).toBeUndefined();
  });

  it('are found by exact origin only', () => {
    expect(adapterForOrigin('https://x.com')?.site.id).toBe('x');
    expect(adapterForOrigin('https://mobile.twitter.com')?.site.id).toBe('x');
    for (const o of ['https://x.com.evil.test', 'http://x.com', 'https://www.x.com', 'https://x.com:8443', 'null'])
      expect(adapterForOrigin(o), o).toBeUndefined();
  });

  it('are watched exactly as the adapters would: the same sites, and the same answer on which URLs could show something', () => {
    expect(WATCHED.map((w) => w.site)).toEqual(ADAPTERS.map((a) => a.site));
    // The manifest's watcher runs on the sites read from install on; the others' is registered on grant.
    expect(watchedMatches().sort()).toEqual(hostPermissions().sort());
    expect([...watchedMatches(), ...optionalHostPermissions('chrome')].sort()).toEqual(contentScriptMatches().sort());
    for (const [i, watched] of WATCHED.entries()) {
      const adapter = ADAPTERS[i]!;
      const paths = ['/', '/home', '/login', '/i/flow/login', '/i/flow/login/', '/i/flow/signup', '/settings/account/login_verification',
        '/settings/account/login_verification/backup_code', '/settings/account/login_verification/backup_code/x',
        '/sessions/two-factor', '/sessions/two-factor/app', '/sessions/two-factor/recovery', '/sessions/two-factor/webauthn',
        '/settings/auth/recovery-codes', '/settings/auth/recovery-codes/x',
        '/signin_recovery_code', '/signin_totp_code', '/settings/two_step_authentication', '/settings/two_step_authentication/replace_codes',
        '/users/sign_in', '/-/profile/two_factor_auth', '/-/profile/two_factor_auth/codes', '/-/profile/account',
        '/u/0/mail/account-password', '/u/0/mail/dashboard'];
      for (const origin of [...watched.site.origins, 'https://x.com.evil.test', 'http://x.com', 'https://github.com.evil.test', 'http://github.com', 'https://accounts.firefox.com.evil.test', 'https://gitlab.com.evil.test', 'https://account.proton.me.evil.test'])
        for (const p of paths) {
          const url = new URL(p, origin);
          expect(watched.isCandidate(url), url.href).toBe(adapter.isCandidate(url));
        }
    }
  });

  it('leave the vault free of site code: src/vault imports nothing from src/sites', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
      );
    const vaultFiles = files(path.join(ROOT, 'src', 'vault'));
    expect(vaultFiles.length).toBeGreaterThan(10);
    const offenders = vaultFiles.filter((f) => /from\s+'[^']*\/sites\//.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it("keep the watcher small: src/sites/watch.ts imports only the sites' records and URL detectors", () => {
    const imports = [...readFileSync(path.join(SITES_DIR, 'watch.ts'), 'utf8').matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
    expect(imports.filter((i) => i !== './types' && !/^\.\/[a-z0-9-]+\/site$/.test(i!))).toEqual([]);
  });

  it('can be imported in Node with no DOM (the build imports the registry)', () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    expect(ADAPTERS.length).toBeGreaterThan(0);
  });
});

describe('the checks themselves fail, saying the fix', () => {
  const github = REGISTRY.find((s) => s.info.id === 'github')!;
  const x = REGISTRY.find((s) => s.info.id === 'x')!;
  const folders = (extra: SiteFolder[] = []) => [...FOLDERS, ...extra];
  const GOOD_FIXTURES: FixtureFolder = {
    site: 'x',
    files: ['fixtures.json', 'login.html'],
    manifest: [{ file: 'login.html', url: 'https://x.com/i/flow/login', models: 'X login, first step' }],
  };
  const GOOD_TEST: FixtureTest = { site: 'x', text: "path.resolve(here, '../../../fixtures/x')" };

  it('lists folders: directories only, so a new folder is seen and loose files are not', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sparekey-sites-'));
    try {
      mkdirSync(path.join(dir, 'example'));
      writeFileSync(path.join(dir, 'example', 'index.ts'), 'export {};\n');
      writeFileSync(path.join(dir, 'index.ts'), 'export {};\n');
      expect(folderNames(dir)).toEqual(['example']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('on a folder the registry does not list', () => {
    const stray: Site = { ...github, info: { ...github.info, id: 'example', format: 'example' } };
    expect(checkFolders(folders([{ name: 'example', sites: [stray] }]), REGISTRY)).toEqual([
      'src/sites/example/ is not in the registry: add exampleSite to the list in src/sites/index.ts',
    ]);
  });

  it('on a folder that defines no site', () => {
    expect(checkFolders(folders([{ name: 'notes', sites: [] }]), REGISTRY)).toEqual([
      expect.stringMatching(/^src\/sites\/notes\/ defines no site: export one from src\/sites\/notes\/index\.ts/),
    ]);
  });

  it('on a site whose id differs from its folder name', () => {
    const renamed = FOLDERS.map((f) => (f.name === 'github' ? { ...f, name: 'git-hub' } : f));
    expect(checkFolders(renamed, REGISTRY)).toEqual([
      "src/sites/git-hub/ holds the site 'github': a site's id is its folder's name, so rename the folder to src/sites/github/ or the id to 'git-hub'",
    ]);
  });

  it('on a registry site with no folder, and on one listed twice', () => {
    const withoutGithub = FOLDERS.filter((f) => f.name !== 'github');
    expect(checkFolders(withoutGithub, [...REGISTRY, github])).toEqual([
      "the registry's site 'github' has no folder: move its definition to src/sites/github/index.ts",
      "the registry lists 'github' twice: list each site once in src/sites/index.ts",
      "the registry's site 'github' has no folder: move its definition to src/sites/github/index.ts",
    ]);
  });

  it("on a site whose format or parser has another site's id, or a vault-only site asking for pages", () => {
    const discord = REGISTRY.find((s) => s.info.id === 'discord')!;
    const mixed: Site = { ...discord, format: formatById('google') };
    expect(checkSiteParts([mixed])).toEqual([
      "src/sites/discord/: its format's id is 'google' and its record names 'discord': both must be 'discord'",
    ]);
    const greedy: Site = { ...discord, info: { ...discord.info, matches: ['https://discord.com/*'] } };
    expect(checkSiteParts([greedy])).toEqual([
      'src/sites/discord/: a vault-only site gets no content script or host access: set matches to [] (or add its adapter)',
    ]);
    const parser = github.download!.parser;
    const misnamed: Site = { ...github, download: { ...github.download!, parser: { ...parser, id: 'gh' } } };
    expect(checkSiteParts([misnamed])).toEqual(["src/sites/github/: its import parser's id is 'gh': make it 'github'"]);
    const wide: Site = { ...x, info: { ...x.info, matches: ['https://*/*'] } };
    expect(checkSiteParts([wide])[0]).toMatch(/^src\/sites\/x\/: (its adapter must carry|matches must be exactly its origins)/);
    const generic: Site = { ...x, format: genericFormat };
    expect(checkSiteParts([generic])).toContain(
      "src/sites/x/: its format's id is 'generic' and its record names 'x': both must be 'x'",
    );
  });

  it('on a page-reading site without fixtures or without their test', () => {
    expect(checkFixtures(['x'], [GOOD_FIXTURES], [GOOD_TEST])).toEqual([]);
    expect(checkFixtures(['x'], [], [GOOD_TEST])).toEqual([
      'x reads pages but test/fixtures/x/fixtures.json is missing: save its pages in test/fixtures/x/ and list each in ' +
        'fixtures.json with its "file", "url" and "models" (which real page it models)',
    ]);
    expect(checkFixtures(['x'], [GOOD_FIXTURES], [])).toEqual([
      'add test/unit/sites/x/fixtures.test.ts running every x detector on test/fixtures/x/',
    ]);
    expect(checkFixtures(['x'], [GOOD_FIXTURES], [{ site: 'x', text: 'no fixtures read here' }])).toEqual([
      'test/unit/sites/x/fixtures.test.ts must read its fixtures from test/fixtures/x/',
    ]);
  });

  it('on a fixture that does not say what real page it models, or is not listed', () => {
    const unsaid = { ...GOOD_FIXTURES, manifest: [{ file: 'login.html', url: 'https://x.com/i/flow/login' }] };
    expect(checkFixtures(['x'], [unsaid], [GOOD_TEST])).toEqual([
      'test/fixtures/x/fixtures.json: login.html does not say which real page it models: add "models"',
    ]);
    const unlisted = { ...GOOD_FIXTURES, files: [...GOOD_FIXTURES.files, 'home.html'] };
    expect(checkFixtures(['x'], [unlisted], [GOOD_TEST])).toEqual([
      'test/fixtures/x/home.html is not in test/fixtures/x/fixtures.json: list it with the real page it models',
    ]);
    const missing = { ...GOOD_FIXTURES, files: ['fixtures.json'] };
    expect(checkFixtures(['x'], [missing], [GOOD_TEST])).toEqual([
      'test/fixtures/x/fixtures.json lists "login.html", which is not in test/fixtures/x/: save it or drop the entry',
    ]);
  });

  it('on a site without its README row, a row missing an origin, or a row for no site', () => {
    const rows = README.split('\n');
    const withoutGithub = rows.filter((l) => !l.startsWith('| github |')).join('\n');
    expect(checkReadme(REGISTRY, withoutGithub)).toEqual([
      'add a row for github to the README\'s "Supported sites" table: | github | https://github.com | <the rule Sparekey enforces> |',
    ]);
    const shortX = rows.map((l) => (l.startsWith('| x |') ? l.replace('https://mobile.twitter.com', '') : l)).join('\n');
    expect(checkReadme(REGISTRY, shortX)).toEqual([
      "the README's row for x does not name https://mobile.twitter.com: list every origin",
    ]);
    const extra = README.replace('| github |', '| myspace | https://myspace.com | any order |\n| github |');
    expect(checkReadme(REGISTRY, extra)).toEqual([
      'the README\'s "Supported sites" table has a row for \'myspace\', which is not in the registry: remove it',
    ]);
  });
});
