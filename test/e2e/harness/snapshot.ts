// Browsers load a private copy of the build: other people (and `npm run build` in another shell)
// rewrite .output while a test runs, and both browsers read extension files lazily.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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
