// The bench's own builds under .output/bench (see build.mjs), redone when older than their sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, type BrowserName } from '../e2e/harness/config';
import { BENCH_OUT, WXT_BROWSER, buildDir, log } from './lib';

const SOURCES = ['entrypoints', 'src', 'public', 'wxt.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** Every zip `wxt zip` wrote for this browser (the store package; Firefox adds the sources). */
export function zipsOf(browser: BrowserName): string[] {
  if (!existsSync(BENCH_OUT)) return [];
  const name = WXT_BROWSER[browser];
  return readdirSync(BENCH_OUT)
    .filter((f) => f.endsWith(`-${name}.zip`) || (name === 'firefox' && f.endsWith('-sources.zip')))
    .map((f) => path.join(BENCH_OUT, f));
}

export type BuildKind = 'production' | 'bench' | 'analyze';

function stale(browser: BrowserName, kind: BuildKind, sources: number): string | undefined {
  const manifest = path.join(buildDir(browser, kind), 'manifest.json');
  if (!existsSync(manifest)) return 'missing';
  if (statSync(manifest).mtimeMs < sources) return 'older than its sources';
  if (kind === 'production' && zipsOf(browser).some((z) => statSync(z).mtimeMs < sources)) return 'zip older than its sources';
  if (kind === 'production' && zipsOf(browser).length === 0) return 'zip missing';
  return undefined;
}

/** Builds what is missing or stale; returns what it built. `force` rebuilds everything. */
export function ensureBenchBuilds(force: boolean): string[] {
  const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(REPO_ROOT, s))));
  const built: string[] = [];
  for (const browser of ['chromium', 'firefox'] as const) {
    // One source-mapped build is enough to attribute the content script's bytes (same sources).
    for (const kind of (browser === 'chromium' ? ['production', 'bench', 'analyze'] : ['production', 'bench']) as BuildKind[]) {
      const why = force ? 'forced' : stale(browser, kind, sources);
      if (!why) continue;
      log(`building ${WXT_BROWSER[browser]} ${kind} (${why})…`);
      execFileSync(process.execPath, [path.join(REPO_ROOT, 'test', 'bench', 'build.mjs'), WXT_BROWSER[browser], kind, BENCH_OUT], {
        cwd: REPO_ROOT,
        // WXT's own output goes to stderr: stdout is the JSON's.
        stdio: ['ignore', process.stderr, process.stderr],
      });
      built.push(`${WXT_BROWSER[browser]}-${kind}`);
    }
  }
  return built;
}
