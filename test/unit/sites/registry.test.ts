// Keeps the site registry, the adapters, their fixtures and their tests in step: a site added to
// SITES without its detectors, fixtures or fixture test fails here, saying what is missing.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, PAGE_SITES, SITES, adapterForOrigin, contentScriptMatches } from '../../../src/sites/index';
import { formatById } from '../../../src/vault/formats';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('site adapters', () => {
  it('exist for every site that names pages to run on, sharing its data and its format', () => {
    expect(ADAPTERS.map((a) => a.site)).toEqual(SITES.filter((s) => s.matches.length > 0));
    for (const adapter of ADAPTERS) expect(adapter.format).toBe(formatById(adapter.site.format));
  });

  it('give vault-only sites no content script and no host access', () => {
    const vaultOnly = SITES.filter((s) => !PAGE_SITES.includes(s));
    expect(vaultOnly.map((s) => s.id)).toEqual(['github', 'google', 'gitlab', 'discord', 'proton']);
    for (const s of vaultOnly) {
      expect(s.matches).toEqual([]);
      for (const origin of s.origins) expect(contentScriptMatches().join(' ')).not.toContain(new URL(origin).host);
    }
  });

  it('have unique ids, each with the code format of the same name', () => {
    expect(new Set(SITES.map((s) => s.id)).size).toBe(SITES.length);
    for (const s of SITES) expect(s.format).toBe(s.id);
  });

  it.each(PAGE_SITES.map((s) => s.id))('%s has fixtures with a manifest and a test that runs every detector on them', (id) => {
    const dir = path.join(ROOT, 'test', 'fixtures', id);
    expect(existsSync(path.join(dir, 'fixtures.json')), `add test/fixtures/${id}/fixtures.json`).toBe(true);
    const test = path.join(ROOT, 'test', 'unit', 'sites', `${id}-fixtures.test.ts`);
    expect(existsSync(test), `add test/unit/sites/${id}-fixtures.test.ts`).toBe(true);
    expect(readFileSync(test, 'utf8')).toContain(`fixtures/${id}`);
  });

  it.each(SITES.map((s) => s.id))('%s is listed in the README with every origin', (id) => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const row = readme.split('\n').find((line) => line.startsWith(`| ${id} |`));
    expect(row, `add a row for ${id} to the README's "Supported sites" table`).toBeDefined();
    for (const origin of SITES.find((s) => s.id === id)!.origins) expect(row).toContain(origin);
  });

  it('are found by exact origin only', () => {
    expect(adapterForOrigin('https://x.com')?.site.id).toBe('x');
    expect(adapterForOrigin('https://mobile.twitter.com')?.site.id).toBe('x');
    for (const o of ['https://x.com.evil.test', 'http://x.com', 'https://www.x.com', 'https://x.com:8443', 'null'])
      expect(adapterForOrigin(o), o).toBeUndefined();
  });

  it('can be imported in Node with no DOM (the build imports the registry)', () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    expect(ADAPTERS.length).toBeGreaterThan(0);
  });
});
