// Builds the extension for both browsers when .output is missing or older than its sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CHROME_BUILD, FIREFOX_BUILD, REPO_ROOT } from './config';

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
