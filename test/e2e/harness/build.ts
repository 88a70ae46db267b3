// Builds the extension for both browsers when .output is missing or older than its sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CHROME_BUILD, FIREFOX_BUILD, OUTPUT_DIR, REPO_ROOT, type BrowserName } from './config';

/** Everything `wxt build` reads. */
const SOURCES = ['entrypoints', 'src', 'public', 'wxt.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file bumps its directory
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** Why the build must be redone, or undefined when both builds are newer than every source. */
export function buildStaleness(): string | undefined {
  const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(REPO_ROOT, s))));
  for (const dir of [CHROME_BUILD, FIREFOX_BUILD]) {
    const manifest = path.join(dir, 'manifest.json');
    if (!existsSync(manifest)) return `${path.relative(REPO_ROOT, manifest)} is missing`;
    if (statSync(manifest).mtimeMs < sources) return `${path.relative(REPO_ROOT, dir)} is older than its sources`;
  }
  return undefined;
}

/** Runs `npm run build` when needed; `force` always rebuilds. Returns whether it built. */
export function ensureBuild(force = false): boolean {
  const reason = force ? 'forced' : buildStaleness();
  if (!reason) return false;
  console.log(`[e2e] building the extension (${reason})…`);
  const started = Date.now();
  execFileSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  // Sources may change while we build (others work in this tree); what matters is that this build
  // wrote both manifests.
  for (const dir of [CHROME_BUILD, FIREFOX_BUILD]) {
    const manifest = path.join(dir, 'manifest.json');
    if (!existsSync(manifest) || statSync(manifest).mtimeMs < started - 1_000) {
      throw new Error(`npm run build finished without writing ${path.relative(REPO_ROOT, manifest)}`);
    }
  }
  return true;
}

/** The store packages `npm run zip` writes (wxt.config.ts: zip.artifactTemplate). */
export function zipPaths(): Record<BrowserName, string> {
  const { name, version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  return {
    chromium: path.join(OUTPUT_DIR, `${name}-${version}-chrome.zip`),
    firefox: path.join(OUTPUT_DIR, `${name}-${version}-firefox.zip`),
  };
}

/** Runs `npm run zip` when a store zip is missing or older than its sources; returns the zips. */
export function ensureZips(): Record<BrowserName, string> {
  const zips = zipPaths();
  const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(REPO_ROOT, s))));
  const stale = Object.values(zips).filter((z) => !existsSync(z) || statSync(z).mtimeMs < sources);
  if (stale.length > 0) {
    console.log(`[e2e] packaging the extension (${stale.map((z) => path.basename(z)).join(', ')} missing or stale)…`);
    execFileSync('npm', ['run', 'zip'], { cwd: REPO_ROOT, stdio: 'inherit' });
    for (const z of Object.values(zips)) if (!existsSync(z)) throw new Error(`npm run zip finished without writing ${path.relative(REPO_ROOT, z)}`);
  }
  return zips;
}
