// Runs once before the e2e files: browsers present (installed from Debian when we may), a build no
// older than its sources, and one private copy of it that every test file loads (so a rebuild in
// another shell during the run changes nothing under the browsers).
import type { TestProject } from 'vitest/node';
import { browserVersion, ensureBrowsers } from './harness/browsers';
import { ensureBuild } from './harness/build';
import { snapshotBuilds } from './harness/snapshot';

export default async function setup(project: TestProject): Promise<() => void> {
  const binaries = ensureBrowsers();
  for (const [name, binary] of Object.entries(binaries)) console.log(`[e2e] ${name}: ${binary} (${browserVersion(binary)})`);
  ensureBuild();
  const builds = await snapshotBuilds(() => ensureBuild(true));
  project.provide('sparekeyBuilds', { chromium: builds.chromium, firefox: builds.firefox });
  return () => builds.remove();
}
