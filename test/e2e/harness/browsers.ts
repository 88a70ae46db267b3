// The browsers the e2e tests drive: found (and installed from Debian when allowed) by
// test/provision.mjs, which `npm test` also runs before any stage that launches one.
import { readFileSync } from 'node:fs';
export { browserVersion, ensureBrowsers, findBrowser } from '../../provision.mjs';

/** The gecko id the Firefox build declares (browser_specific_settings.gecko.id). */
export function geckoIdOf(firefoxBuildDir: string): string {
  const manifest = JSON.parse(readFileSync(`${firefoxBuildDir}/manifest.json`, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${firefoxBuildDir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

/** The background service worker a Chromium build declares (background.service_worker). */
export function serviceWorkerOf(buildDir: string): string {
  const manifest = JSON.parse(readFileSync(`${buildDir}/manifest.json`, 'utf8')) as { background?: { service_worker?: string } };
  const worker = manifest.background?.service_worker;
  if (!worker) throw new Error(`${buildDir}/manifest.json declares no background.service_worker`);
  return worker.replace(/^\//, '');
}
