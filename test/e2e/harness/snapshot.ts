// Browsers load private copies of the build: other people (and `npm run build` in another shell)
// rewrite .output while a test runs, and both browsers read extension files lazily.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROME_BUILD, FIREFOX_BUILD } from './config';

export interface Snapshot {
  dir: string;
  remove(): void;
}

export function snapshotBuild(buildDir: string): Snapshot {
  if (!existsSync(path.join(buildDir, 'manifest.json'))) {
    throw new Error(`${buildDir}/manifest.json is missing: build the extension first (npm run build).`);
  }
  const parent = mkdtempSync(path.join(os.tmpdir(), 'sparekey-e2e-ext-'));
  const dir = path.join(parent, path.basename(buildDir));
  cpSync(buildDir, dir, { recursive: true });
  return { dir, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

/** A private copy of a store zip, and its contents extracted beside it (for its manifest, and for Chromium). */
export function snapshotZip(zip: string): Snapshot & { zip: string } {
  if (!existsSync(zip)) throw new Error(`${zip} is missing: package the extension first (npm run zip).`);
  const parent = mkdtempSync(path.join(os.tmpdir(), 'sparekey-e2e-zip-'));
  const copy = path.join(parent, path.basename(zip));
  copyFileSync(zip, copy);
  const dir = path.join(parent, 'unzipped');
  execFileSync('unzip', ['-q', copy, '-d', dir]);
  return { dir, zip: copy, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

export interface BuildsSnapshot {
  chromium: string;
  firefox: string;
  remove(): void;
}

const manifestStamp = (dir: string) => {
  const file = path.join(dir, 'manifest.json');
  return existsSync(file) ? statSync(file).mtimeMs : -1;
};

/**
 * Copies both builds once for a whole test run, retrying while a build elsewhere is rewriting them
 * (a manifest that changes or vanishes during the copy). `rebuild` runs when a manifest is missing.
 */
export async function snapshotBuilds(rebuild: () => void): Promise<BuildsSnapshot> {
  for (let attempt = 1; ; attempt++) {
    const before = [manifestStamp(CHROME_BUILD), manifestStamp(FIREFOX_BUILD)];
    if (before.includes(-1)) rebuild();
    const parent = mkdtempSync(path.join(os.tmpdir(), 'sparekey-e2e-builds-'));
    const remove = () => rmSync(parent, { recursive: true, force: true });
    try {
      cpSync(CHROME_BUILD, path.join(parent, 'chrome-mv3'), { recursive: true });
      cpSync(FIREFOX_BUILD, path.join(parent, 'firefox-mv3'), { recursive: true });
    } catch (error) {
      remove();
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      continue;
    }
    const after = [manifestStamp(CHROME_BUILD), manifestStamp(FIREFOX_BUILD)];
    if (!before.includes(-1) && before.every((stamp, i) => stamp === after[i])) {
      return { chromium: path.join(parent, 'chrome-mv3'), firefox: path.join(parent, 'firefox-mv3'), remove };
    }
    remove();
    if (attempt >= 5) throw new Error('.output kept changing while the e2e run copied it (is a build looping?)');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}
