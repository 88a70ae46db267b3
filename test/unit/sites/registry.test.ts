// Keeps the site registry, the adapters, their fixtures and their tests in step: a site added to
// SITES without its detectors, fixtures or fixture test fails here, saying what is missing.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, SITES, adapterForOrigin } from '../../../src/sites/index';
import { formatById } from '../../../src/vault/formats';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('site adapters', () => {
  it('exist for every site, in the same order, sharing its data and its format', () => {
    expect(ADAPTERS.map((a) => a.site)).toEqual(SITES);
    for (const adapter of ADAPTERS) expect(adapter.format).toBe(formatById(adapter.site.format));
  });

  it.each(SITES.map((s) => s.id))('%s has fixtures with a manifest and a test that runs every detector on them', (id) => {
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
