// The registry meta-test's checks, as pure functions of what it reads from disk (the folders under
// src/sites and what each index.ts exports, the registry, the fixture folders, the README), so
// registry.test.ts can run them on the real tree AND on broken listings, showing each one fails
// with a message that says the fix. Each returns the problems found; [] means in step.
import { OTHER_SITE_ID } from '../../../src/sites/generic/origin';
import type { Site } from '../../../src/sites/site';

/** One folder under src/sites and the site definitions its index.ts exports. */
export interface SiteFolder {
  name: string;
  sites: readonly Site[];
}

/** test/fixtures/<site>/ as found: its files and its parsed fixtures.json (undefined: none). */
export interface FixtureFolder {
  site: string;
  files: readonly string[];
  manifest: unknown;
}

/** test/unit/sites/<site>/fixtures.test.ts, when it exists. */
export interface FixtureTest {
  site: string;
  text: string;
}

export const REGISTRY_FILE = 'src/sites/index.ts';

/** What an index.ts export must look like to count as a site definition. */
export function isSite(value: unknown): value is Site {
  const v = value as Partial<Site> | null;
  return typeof v === 'object' && v !== null && typeof v.info?.id === 'string' && typeof v.format?.normalize === 'function';
}

/** Every folder defines exactly one site, named like the folder, listed in the registry; and back. */
export function checkFolders(folders: readonly SiteFolder[], registry: readonly Site[]): string[] {
  const problems: string[] = [];
  for (const { name, sites } of folders) {
    if (sites.length === 0)
      problems.push(
        `src/sites/${name}/ defines no site: export one from src/sites/${name}/index.ts ` +
          `(\`export const ${name}Site = { info, format, formatWords } as const satisfies Site\`, see src/sites/github/), ` +
          'or move the folder out of src/sites',
      );
    if (sites.length > 1)
      problems.push(`src/sites/${name}/index.ts exports ${sites.length} sites: give each site its own folder`);
    for (const site of sites) {
      const id = site.info.id;
      if (id !== name)
        problems.push(
          `src/sites/${name}/ holds the site '${id}': a site's id is its folder's name, so rename the folder to ` +
            `src/sites/${id}/ or the id to '${name}'`,
        );
      if (!registry.includes(site))
        problems.push(`src/sites/${name}/ is not in the registry: add ${name}Site to the list in ${REGISTRY_FILE}`);
    }
  }
  const seen = new Set<string>();
  for (const site of registry) {
    const id = site.info.id;
    if (seen.has(id)) problems.push(`the registry lists '${id}' twice: list each site once in ${REGISTRY_FILE}`);
    seen.add(id);
    if (!folders.some((f) => f.sites.includes(site)))
      problems.push(`the registry's site '${id}' has no folder: move its definition to src/sites/${id}/index.ts`);
  }
  return problems;
}

/** Each site's parts agree with its record: one id throughout, and page access only with detectors. */
export function checkSiteParts(registry: readonly Site[]): string[] {
  const problems: string[] = [];
  for (const { info, format, download, adapter } of registry) {
    const at = `src/sites/${info.id}/`;
    if (format.id !== info.id || info.format !== info.id)
      problems.push(`${at}: its format's id is '${format.id}' and its record names '${info.format}': both must be '${info.id}'`);
    if (download && download.parser.id !== info.id)
      problems.push(`${at}: its import parser's id is '${download.parser.id}': make it '${info.id}'`);
    if (adapter && (adapter.site !== info || adapter.format !== format))
      problems.push(`${at}: its adapter must carry the site's own record and format (site: info, format)`);
    if (adapter) {
      const wanted = info.origins.map((o) => `${o}/*`).sort();
      if (JSON.stringify([...info.matches].sort()) !== JSON.stringify(wanted))
        problems.push(`${at}: matches must be exactly its origins, each as "<origin>/*": ${wanted.join(', ')}`);
    } else if (info.matches.length > 0) {
      problems.push(`${at}: a vault-only site gets no content script or host access: set matches to [] (or add its adapter)`);
    }
  }
  return problems;
}

/**
 * Each page-reading site has test/fixtures/<id>/ with a fixtures.json listing every saved page
 * and saying which real page it models, and a test running its detectors on them.
 */
export function checkFixtures(
  pageSites: readonly string[],
  fixtures: readonly FixtureFolder[],
  tests: readonly FixtureTest[],
): string[] {
  const problems: string[] = [];
  for (const id of pageSites) {
    const dir = `test/fixtures/${id}`;
    const folder = fixtures.find((f) => f.site === id);
    if (!folder || !Array.isArray(folder.manifest)) {
      problems.push(
        `${id} reads pages but ${dir}/fixtures.json is missing: save its pages in ${dir}/ and list each in fixtures.json ` +
          'with its "file", "url" and "models" (which real page it models)',
      );
    } else {
      const entries = folder.manifest as { file?: unknown; models?: unknown }[];
      const listed = entries.map((e) => e.file);
      for (const file of folder.files.filter((f) => f.endsWith('.html')))
        if (!listed.includes(file)) problems.push(`${dir}/${file} is not in ${dir}/fixtures.json: list it with the real page it models`);
      for (const e of entries) {
        if (typeof e.file !== 'string' || !folder.files.includes(e.file))
          problems.push(`${dir}/fixtures.json lists ${JSON.stringify(e.file)}, which is not in ${dir}/: save it or drop the entry`);
        if (typeof e.models !== 'string' || e.models.trim() === '')
          problems.push(`${dir}/fixtures.json: ${String(e.file)} does not say which real page it models: add "models"`);
      }
    }
    const test = tests.find((t) => t.site === id);
    if (!test) problems.push(`add test/unit/sites/${id}/fixtures.test.ts running every ${id} detector on ${dir}/`);
    else if (!test.text.includes(`fixtures/${id}`))
      problems.push(`test/unit/sites/${id}/fixtures.test.ts must read its fixtures from ${dir}/`);
  }
  return problems;
}

/** The rows of the README's "Supported sites" table, by their first cell. */
export function readmeSiteRows(readme: string): Map<string, string> {
  const section = readme.split(/^## /m).find((s) => s.startsWith('Supported sites')) ?? '';
  const rows = section.split('\n').filter((l) => l.startsWith('|')).slice(2);
  return new Map(rows.map((row) => [row.split('|')[1]?.trim() ?? '', row]));
}

/** One README row per site, naming every origin; no row for a site the registry doesn't have. */
export function checkReadme(registry: readonly Site[], readme: string): string[] {
  const problems: string[] = [];
  const rows = readmeSiteRows(readme);
  for (const { info } of registry) {
    const row = rows.get(info.id);
    if (row === undefined) {
      problems.push(
        `add a row for ${info.id} to the README's "Supported sites" table: | ${info.id} | ${info.origins.join(', ')} | <the rule Sparekey enforces> |`,
      );
      continue;
    }
    for (const origin of info.origins)
      if (!row.includes(origin)) problems.push(`the README's row for ${info.id} does not name ${origin}: list every origin`);
  }
  // 'other': another site's account, named by its origin (src/sites/generic), is no registry site.
  for (const id of rows.keys())
    if (id !== OTHER_SITE_ID && !registry.some((s) => s.info.id === id))
      problems.push(`the README's "Supported sites" table has a row for '${id}', which is not in the registry: remove it`);
  return problems;
}
