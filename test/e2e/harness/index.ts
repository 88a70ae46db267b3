// The e2e harness: one driver interface over Chromium (playwright-core) and Firefox ESR
// (puppeteer-core, WebDriver BiDi). Journeys are written once against BrowserUnderTest / TestPage.
import { launchChromium } from './chromium';
import type { BrowserName } from './config';
import { launchFirefox } from './firefox';
import type { BrowserUnderTest, LaunchOptions } from './types';

export function launchBrowser(name: BrowserName, options: LaunchOptions): Promise<BrowserUnderTest> {
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

export { BROWSER_NAMES, MAPPED_HOSTS, ARTIFACTS_DIR, type BrowserName } from './config';
export { ensureBrowsers, findBrowser } from './browsers';
export { ensureBuild } from './build';
export { startServer, type RequestHandler, type TestServer } from './server';
export { fixtureSite } from './fixture-site';
export { runAxe, formatViolations } from './axe';
export { waitUntil } from './util';
export type * from './types';
