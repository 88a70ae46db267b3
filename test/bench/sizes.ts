// 5. Sizes of what ships: gzip of the content script (the always-on watcher, on every page of X),
// of the page runtime the background loads into X's login and backup-code pages only, of the
// background and of the popup (each with every chunk it imports, as the browser loads them), and
// each zip `wxt zip` makes.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserName } from '../e2e/harness/config';
import { zipsOf } from './builds';
import { zipEntryCostsOf } from './zip-entries';
import { REPO_ROOT } from '../e2e/harness/config';
import { BUDGETS, buildDir, verdict } from './lib';

/** The hook's port name, read from its source (importing it here would load wxt/browser in Node). */
function benchPortName(): string {
  const source = readFileSync(path.join(REPO_ROOT, 'test', 'bench', 'hook', 'background.ts'), 'utf8');
  const name = /export const BENCH_PORT = '([^']+)'/.exec(source)?.[1];
  if (!name) throw new Error('test/bench/hook/background.ts no longer declares BENCH_PORT');
  return name;
}

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** A JS file and every file it imports statically (relative specifiers), transitively. */
function closure(root: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+|\/[^"']+)["']/g)) {
      const spec = m[1]!;
      visit(spec.startsWith('/') ? path.join(root, spec) : path.resolve(path.dirname(file), spec));
    }
  };
  visit(entry);
  return [...seen];
}

/** The popup's JS: the module script popup.html loads, and all it imports. */
function popupEntry(root: string): string {
  const html = readFileSync(path.join(root, 'popup.html'), 'utf8');
  const src = /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(html)?.[1];
  if (!src) throw new Error('popup.html has no module script');
  return path.join(root, src);
}

function measure(root: string, files: string[]) {
  return {
    gzip_bytes: files.reduce((n, f) => n + gz(f), 0),
    raw_bytes: files.reduce((n, f) => n + statSync(f).size, 0),
    files: files.map((f) => path.relative(root, f)),
  };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? allFiles(path.join(dir, d.name)) : [path.join(dir, d.name)],
  );
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One source map segment's fields (base64 VLQ). */
function vlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** The page runtime (entrypoints/page-runtime.ts), loaded by the background on candidate pages. */
const PAGE_RUNTIME = 'page-runtime.js';

/**
 * Which source files a script's bytes come from, from the analyze build's source map: minified
 * bytes per source, and the gzip size of those bytes compressed on their own (their sum exceeds
 * the file's gzip size: compression shares context across sources). `file`: the manifest's
 * content script when undefined.
 */
function bySource(file?: string): { source: string; bytes: number; gzip_alone: number }[] | undefined {
  const root = buildDir('chromium', 'analyze');
  const manifestFile = path.join(root, 'manifest.json');
  if (!existsSync(manifestFile)) return undefined;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { content_scripts?: { js?: string[] }[] };
  file ??= manifest.content_scripts?.[0]?.js?.[0];
  if (!file || !existsSync(path.join(root, `${file}.map`))) return undefined;
  const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
  const map = JSON.parse(readFileSync(path.join(root, `${file}.map`), 'utf8')) as { sources: string[]; mappings: string };
  const pieces = new Map<string, string[]>();
  let source = 0;
  map.mappings.split(';').forEach((line, index) => {
    const text = lines[index] ?? '';
    const segments = line ? line.split(',').map(vlq) : [];
    let column = 0;
    segments.forEach((segment, i) => {
      column += segment[0]!;
      if (segment.length > 1) source += segment[1]!;
      const end = i + 1 < segments.length ? column + segments[i + 1]![0]! : text.length;
      const name = segment.length > 1 ? (map.sources[source] ?? '?').replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, 'node_modules/') : '(unmapped)';
      const list = pieces.get(name) ?? [];
      list.push(text.slice(column, end));
      pieces.set(name, list);
    });
  });
  return [...pieces]
    .map(([name, parts]) => ({ source: name, bytes: parts.join('').length, gzip_alone: gzipSync(parts.join(''), { level: 9 }).length }))
    .sort((a, b) => b.bytes - a.bytes);
}

/**
 * A shipped zip in two parts with a budget each: the base (everything but the translations: code,
 * assets, manifest and the default locale's words), and each other language's _locales folder.
 * The zip's size is their sum, exactly.
 */
function zipBudgets(zip: string, defaultLocale: string) {
  const languages = new Map<string, number>();
  let base = 0;
  for (const entry of zipEntryCostsOf(zip)) {
    const lang = /^_locales\/([^/]+)\//.exec(entry.name)?.[1];
    if (lang && lang !== defaultLocale) languages.set(lang, (languages.get(lang) ?? 0) + entry.bytes);
    else base += entry.bytes;
  }
  const perLanguage = Object.fromEntries(
    [...languages].sort(([a], [b]) => a.localeCompare(b)).map(([lang, bytes]) => [lang, { bytes, verdict: verdict(bytes, BUDGETS.zip_language_bytes) }]),
  );
  const largest = Math.max(0, ...languages.values());
  const baseVerdict = verdict(base, BUDGETS.zip_bytes);
  return {
    base_bytes: base,
    base_budget_bytes: BUDGETS.zip_bytes,
    base_verdict: baseVerdict,
    languages: languages.size,
    languages_bytes: [...languages.values()].reduce((s, n) => s + n, 0),
    language_budget_bytes: BUDGETS.zip_language_bytes,
    largest_language_bytes: largest,
    per_language: perLanguage,
    verdict: baseVerdict === 'pass' && verdict(largest, BUDGETS.zip_language_bytes) === 'pass' ? 'pass' : 'miss',
  };
}

export function sizes(browser: BrowserName) {
  const root = buildDir(browser, 'production');
  const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[]; css?: string[] }[];
    background?: { service_worker?: string; scripts?: string[] };
    default_locale?: string;
  };
  const contentFiles = (manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]);
  const content = measure(root, [...new Set(contentFiles)].map((f) => path.join(root, f)));
  const backgroundEntries = manifest.background?.service_worker ? [manifest.background.service_worker] : (manifest.background?.scripts ?? []);
  const background = measure(root, [...new Set(backgroundEntries.flatMap((e) => closure(root, path.join(root, e))))]);
  const popup = measure(root, closure(root, popupEntry(root)));
  const runtime = measure(root, closure(root, path.join(root, PAGE_RUNTIME)));
  const zips = Object.fromEntries(
    zipsOf(browser).map((z) => {
      const bytes = statSync(z).size;
      // The sources zip is what AMO reviewers get, not what people install: no budget.
      if (z.endsWith('-sources.zip')) return [path.basename(z), { bytes, installed_by_users: false }];
      return [path.basename(z), { bytes, installed_by_users: true, ...zipBudgets(z, manifest.default_locale ?? 'en') }];
    }),
  );
  // The bench hook must not ship: its port name appears in no production file.
  const hookShipped = allFiles(root).filter((f) => /\.(js|html|json)$/.test(f) && readFileSync(f, 'utf8').includes(benchPortName()));
  if (!existsSync(root)) throw new Error(`${root} is missing`);
  return {
    build: path.relative(path.dirname(path.dirname(root)), root),
    content_script: {
      ...content,
      budget_gzip_bytes: BUDGETS.content_script_gzip_bytes,
      verdict: verdict(content.gzip_bytes, BUDGETS.content_script_gzip_bytes),
      ...(browser === 'chromium' ? { by_source: bySource() } : {}),
    },
    // Loaded only into X's login flow and backup-code screen, by the content script's request.
    page_runtime: { ...runtime, ...(browser === 'chromium' ? { by_source: bySource(PAGE_RUNTIME) } : {}) },
    background,
    popup,
    zips,
    bench_hook_in_production: hookShipped.map((f) => path.relative(root, f)),
  };
}
