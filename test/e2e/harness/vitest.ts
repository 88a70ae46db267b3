// Vitest glue: one server and ONE browser per describe block (so per test file and browser),
// pages closed after each test, a screenshot of every open page when a test fails.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { ARTIFACTS_DIR, type BrowserName } from './config';
import { fixtureSite } from './fixture-site';
import { launchBrowser } from './index';
import { startServer, type RequestHandler, type TestServer } from './server';
import type { BrowserUnderTest } from './types';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's private copy of each build (test/e2e/global-setup.ts). */
    sparekeyBuilds: { chromium: string; firefox: string };
  }
}

export interface UseBrowserOptions {
  /** What the server answers at https://x.com/… and the other mapped hosts; default fixtureSite. */
  handler?: RequestHandler;
  /** Firefox's extensions.background.idle.timeout (ms); see LaunchOptions. */
  backgroundIdleTimeoutMs?: number;
  /** More unpacked extensions next to ours; see LaunchOptions.extraExtensions. */
  extraExtensions?: readonly string[];
  /** The browser's UI language; see LaunchOptions.locale. */
  locale?: string;
  /** Load this store zip instead of the run's build; see LaunchOptions.extensionZip. */
  extensionZip?: () => string;
  /** Firefox's extensions.webextensions.restrictedDomains; see LaunchOptions.firefoxRestrictedDomains. */
  firefoxRestrictedDomains?: string;
}

type ProvidedBuilds = { chromium: string; firefox: string };

export interface BrowserFixture {
  readonly browser: BrowserUnderTest;
  readonly server: TestServer;
}

export function useBrowser(name: BrowserName, options: UseBrowserOptions = {}): BrowserFixture {
  let server: TestServer | undefined;
  let browser: BrowserUnderTest | undefined;

  beforeAll(async () => {
    server = await startServer({ handler: options.handler ?? fixtureSite });
    // The run's copy of the build when the e2e global setup made one; .output otherwise.
    const builds = inject('sparekeyBuilds') as ProvidedBuilds | undefined;
    const launch: Parameters<typeof launchBrowser>[1] = { server };
    if (options.extensionZip) launch.extensionZip = options.extensionZip();
    else if (builds) launch.extensionDir = builds[name];
    if (options.locale !== undefined) launch.locale = options.locale;
    if (options.backgroundIdleTimeoutMs !== undefined) launch.backgroundIdleTimeoutMs = options.backgroundIdleTimeoutMs;
    if (options.extraExtensions !== undefined) launch.extraExtensions = options.extraExtensions;
    if (options.firefoxRestrictedDomains !== undefined) launch.firefoxRestrictedDomains = options.firefoxRestrictedDomains;
    browser = await launchBrowser(name, launch);
    console.log(`[e2e] ${name} ready in ${browser.launchMs} ms (${browser.extensionOrigin}, build ${launch.extensionZip ?? launch.extensionDir ?? 'from .output'}${launch.locale ? `, UI language ${launch.locale}` : ''})`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  }, 60_000);

  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      if (!browser) return;
      const dir = path.join(ARTIFACTS_DIR, 'e2e-failures');
      mkdirSync(dir, { recursive: true });
      const slug = `${name}-${task.name}`.replace(/[^a-z0-9]+/gi, '-').slice(0, 100);
      for (const [i, page] of browser.pages().entries()) {
        const file = path.join(dir, `${slug}-${i}.png`);
        await page.screenshot(file).then(
          () => console.log(`[e2e] failure screenshot: ${path.relative(process.cwd(), file)} (${page.browser})`),
          () => undefined,
        );
      }
    });
  });

  afterEach(async () => {
    for (const page of browser?.pages() ?? []) await page.close().catch(() => undefined);
  });

  return {
    get browser() {
      if (!browser) throw new Error(`${name} is not running (did beforeAll fail?)`);
      return browser;
    },
    get server() {
      if (!server) throw new Error('the test server is not running (did beforeAll fail?)');
      return server;
    },
  };
}
