// Debian Chromium through playwright-core (CDP), with the built extension loaded unpacked.
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { CHROME_BUILD, MAPPED_HOSTS } from './config';
import { findBrowser, serviceWorkerOf } from './browsers';
import { describeShadowRoot, findInShadowRoots } from './shadow';
import { snapshotBuild, snapshotZip, type Snapshot } from './snapshot';
import type { BrowserUnderTest, ClosedShadowRoot, ConsoleEntry, LaunchOptions, Role, TestPage, WaitOptions } from './types';
import { waitUntil } from './util';

interface CdpNode {
  nodeName: string;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: 'open' | 'closed' | 'user-agent' })[];
}

/** The flags E2E.md proved on this machine, plus the host mapping to our server. */
function chromiumArgs(extensionDirs: readonly string[], server: LaunchOptions['server']): string[] {
  const target = `127.0.0.1:${server.port}`;
  const rules = [
    ...MAPPED_HOSTS.map((host) => `MAP ${host} ${target}`),
    `MAP *.x.com ${target}`,
    `MAP *.twitter.com ${target}`,
    `MAP *.github.com ${target}`,
    // Everything else fails fast: nothing leaves the machine.
    'MAP * ~NOTFOUND',
  ];
  return [
    `--disable-extensions-except=${extensionDirs.join(',')}`,
    `--load-extension=${extensionDirs.join(',')}`,
    `--host-resolver-rules=${rules.join(',')}`,
    // ignoreHTTPSErrors alone does not cover the extension's own fetches or page service workers.
    `--ignore-certificate-errors-spki-list=${server.spkiBase64}`,
    '--no-proxy-server',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
  ];
}

export async function launchChromium(options: LaunchOptions): Promise<BrowserUnderTest> {
  const executablePath = findBrowser('chromium');
  if (!executablePath) throw new Error('Chromium is missing: run ensureBrowsers() first (test/e2e/harness/browsers.ts).');
  const started = Date.now();
  const snapshot: Snapshot = options.extensionZip ? snapshotZip(options.extensionZip) : snapshotBuild(options.extensionDir ?? CHROME_BUILD);
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext('', {
      executablePath,
      // headless: true is the new headless mode in Chromium 156, which loads extensions.
      headless: !options.headed,
      args: [
        ...chromiumArgs([snapshot.dir, ...(options.extraExtensions ?? [])], options.server),
        ...(options.locale ? [`--lang=${options.locale}`] : []),
      ],
      // Seen with Debian's Chromium 156: --lang alone switches the extension's messages but
      // i18n.getUILanguage() still says en-US; LANGUAGE switches both.
      ...(options.locale ? { env: { ...process.env, LANGUAGE: options.locale, LANG: `${options.locale}.UTF-8` } } : {}),
      viewport: { width: 1280, height: 800 },
    });
  } catch (error) {
    snapshot.remove();
    throw error;
  }
  // Generous but bounded: a click that cannot happen fails the test in 15 s, not 30.
  context.setDefaultTimeout(15_000);
  // Each extension is told apart by its service worker's file name (see LaunchOptions.extraExtensions).
  const workerOf = async (dir: string, what: string) => {
    const script = `/${serviceWorkerOf(dir)}`;
    const matches = (w: Worker) => w.url().startsWith('chrome-extension://') && new URL(w.url()).pathname === script;
    const worker =
      context.serviceWorkers().find(matches) ??
      (await context.waitForEvent('serviceworker', { predicate: matches, timeout: 15_000 }).catch((error: Error) => {
        throw new Error(`${what}'s service worker ${script} did not start: ${error.message}`);
      }));
    return `chrome-extension://${new URL(worker.url()).host}`;
  };
  const extras = options.extraExtensions ?? [];
  if (extras.some((dir) => serviceWorkerOf(dir) === serviceWorkerOf(snapshot.dir)))
    throw new Error(`an extra extension names its service worker ${serviceWorkerOf(snapshot.dir)}, as ours does: rename it`);
  const extensionOrigin = await workerOf(snapshot.dir, 'Sparekey');
  const extensionId = new URL(extensionOrigin).host;
  const extraExtensionOrigins: string[] = [];
  for (const dir of extras) extraExtensionOrigins.push(await workerOf(dir, dir));

  // Worker lifecycle over CDP, from the blank page the persistent context opens with. Versions of
  // our worker, by id, with their last runningStatus.
  const blank = context.pages()[0] ?? (await context.newPage());
  const lifecycle = await context.newCDPSession(blank);
  const versions = new Map<string, string>();
  lifecycle.on('ServiceWorker.workerVersionUpdated', (event) => {
    for (const v of event.versions) {
      if (v.scriptURL.startsWith(`${extensionOrigin}/`)) versions.set(v.versionId, v.runningStatus);
    }
  });
  await lifecycle.send('ServiceWorker.enable');
  await waitUntil(() => [...versions.values()].includes('running'), {
    timeout: 10_000,
    message: 'the extension service worker to be reported running',
  });
  const launchMs = Date.now() - started;

  const consoleLog: ConsoleEntry[] = [];
  const pages = new Set<TestPage>();
  // The background's console too, across restarts (each start is a new Worker object).
  const watchWorker = (worker: Worker) => {
    if (!worker.url().startsWith(`${extensionOrigin}/`)) return;
    worker.on('console', (m) => consoleLog.push({ type: m.type(), text: m.text(), url: worker.url() }));
  };
  for (const worker of context.serviceWorkers()) watchWorker(worker);
  context.on('serviceworker', watchWorker);

  /** Our running service worker (not another extension's), for evaluating in it. */
  const ourWorker = (): Worker => {
    const worker = context.serviceWorkers().find((w) => w.url().startsWith(`${extensionOrigin}/`));
    if (!worker) throw new Error('the extension service worker is not running: wake it first (e.g. openPopup())');
    return worker;
  };

  const wrap = (page: Page): TestPage => {
    const own: ConsoleEntry[] = [];
    page.on('console', (m) => {
      const entry = { type: m.type(), text: m.text(), url: page.url() };
      own.push(entry);
      consoleLog.push(entry);
    });
    const wrapped = new ChromiumPage(page, context, own);
    pages.add(wrapped);
    page.on('close', () => pages.delete(wrapped));
    return wrapped;
  };

  const openPage = async (url: string): Promise<TestPage> => {
    const page = wrap(await context.newPage());
    await page.goto(url);
    return page;
  };

  return {
    name: 'chromium',
    extensionId,
    extensionOrigin,
    launchMs,
    extraExtensionOrigins,
    openPage,
    openPopup: (path = 'popup.html') => openPage(`${extensionOrigin}/${path}`),
    async stopBackground() {
      const running = [...versions].filter(([, status]) => status !== 'stopped').map(([id]) => id);
      // stopWorker on our versions only, so a page's own service worker (X registers one) lives on.
      for (const versionId of running) await lifecycle.send('ServiceWorker.stopWorker', { versionId });
      await waitUntil(() => [...versions.values()].every((status) => status === 'stopped'), {
        timeout: 10_000,
        message: 'the extension service worker to report runningStatus "stopped"',
      });
    },
    async backgroundRunning() {
      return [...versions.values()].some((status) => status === 'running' || status === 'starting');
    },
    async acceptHostPermission(patterns) {
      const page = await context.newPage();
      try {
        await page.goto('chrome://extensions/');
        const failed = await page.evaluate(
          async ({ id, list }) => {
            const dev = (globalThis as unknown as { chrome: { developerPrivate?: { addHostPermission(id: string, host: string): Promise<void> } } }).chrome.developerPrivate;
            if (!dev) return 'chrome.developerPrivate is missing on chrome://extensions: Chromium changed';
            for (const host of list) await dev.addHostPermission(id, host);
            return '';
          },
          { id: extensionId, list: [...patterns] },
        );
        if (failed) throw new Error(failed);
      } finally {
        await page.close();
      }
    },
    async hasHostPermission(patterns) {
      const page = await context.newPage();
      try {
        await page.goto(`${extensionOrigin}/popup.html`);
        return await page.evaluate(
          (origins: string[]) => (globalThis as unknown as { chrome: { permissions: { contains(p: object): Promise<boolean> } } }).chrome.permissions.contains({ origins }),
          [...patterns],
        );
      } finally {
        await page.close();
      }
    },
    async addCookie({ name, value, host }) {
      await context.addCookies([{ name, value, domain: host, path: '/', secure: true, sameSite: 'Lax' }]);
    },
    async readClipboard() {
      // A page of the test server, allowed to read the clipboard, in front (reading needs focus).
      await context.grantPermissions(['clipboard-read'], { origin: 'https://evil.test' });
      const page = await context.newPage();
      try {
        await page.goto('https://evil.test/');
        await page.bringToFront();
        return await page.evaluate(() => navigator.clipboard.readText());
      } finally {
        await page.close();
      }
    },
    pages: () => [...pages],
    console: () => [...consoleLog],
    extensionConsole: async () => consoleLog.filter((entry) => entry.url.startsWith(`${extensionOrigin}/`)),
    async logInBackground(text) {
      await ourWorker().evaluate((t: string) => console.log(t), text);
    },
    async runCommand(command) {
      await ourWorker().evaluate(async (name: string) => {
        type Event = { dispatch?: (...args: unknown[]) => void };
        const c = (globalThis as unknown as { chrome: { commands: { onCommand: Event }; tabs: { query(q: object): Promise<unknown[]> } } }).chrome;
        if (typeof c.commands.onCommand.dispatch !== 'function') throw new Error('chrome.commands.onCommand.dispatch is gone: Chromium internals changed');
        const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
        c.commands.onCommand.dispatch(name, tab);
      }, command);
    },
    async contextMenu() {
      throw new Error('headless Chromium draws no context menu: contextMenu() is Firefox only');
    },
    async close() {
      await context.close().catch(() => undefined);
      snapshot.remove();
    },
  };
}

class ChromiumPage implements TestPage {
  readonly browser = 'chromium' as const;
  #cdp: CDPSession | undefined;

  constructor(
    private readonly page: Page,
    private readonly context: BrowserContext,
    private readonly consoleLog: ConsoleEntry[],
  ) {}

  async goto(url: string) {
    await this.page.goto(url, { waitUntil: 'load' });
  }

  async reload() {
    await this.page.reload({ waitUntil: 'load' });
  }

  async url() {
    return this.page.url();
  }

  async clickByRole(role: Role, name: string) {
    await this.page.getByRole(role, { name, exact: true }).click();
  }

  async fillByRole(role: Role, name: string, text: string) {
    await this.page.getByRole(role, { name, exact: true }).fill(text);
  }

  async hasRole(role: Role, name: string) {
    return (await this.page.getByRole(role, { name, exact: true }).count()) > 0;
  }

  async textContent(selector?: string) {
    return this.evaluate(
      (sel: string | null) => (sel ? (document.querySelector(sel)?.textContent ?? '') : (document.body?.innerText ?? '')),
      selector ?? null,
    );
  }

  async waitForText(text: string | RegExp, options: WaitOptions = {}) {
    await waitUntil(
      async () => {
        const body = await this.textContent();
        return typeof text === 'string' ? body.includes(text) : text.test(body);
      },
      { message: `text ${String(text)} on ${this.page.url()}`, ...options },
    );
  }

  async evaluate<R, A extends unknown[]>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<Awaited<R>> {
    // Playwright passes one argument; spread ours through an expression instead. CDP's
    // Runtime.evaluate is not subject to the page's CSP, so extension pages accept it too.
    return (await this.page.evaluate(`(${fn.toString()}).apply(null, ${JSON.stringify(args)})`)) as Awaited<R>;
  }

  async evaluateScript(source: string): Promise<unknown> {
    return this.page.evaluate(source);
  }

  async waitFor<R, A extends unknown[]>(fn: (...args: A) => R | Promise<R>, options: WaitOptions, ...args: A) {
    return waitUntil(() => this.evaluate(fn, ...args), { message: `${fn.name || 'a predicate'} on ${this.page.url()}`, ...options });
  }

  async press(key: string) {
    await this.page.keyboard.press(key);
  }

  async setViewport(width: number, height: number) {
    await this.page.setViewportSize({ width, height });
  }

  async emulateColorScheme(scheme: 'light' | 'dark') {
    await this.page.emulateMedia({ colorScheme: scheme });
    await this.waitFor((s: string) => matchMedia(`(prefers-color-scheme: ${s})`).matches, { message: `prefers-color-scheme: ${scheme}` }, scheme);
  }

  async mouseClick(x: number, y: number) {
    await this.page.mouse.click(x, y);
  }

  async closedShadowRoots(): Promise<ClosedShadowRoot[]> {
    this.#cdp ??= await this.context.newCDPSession(this.page);
    const cdp = this.#cdp;
    // pierce: true makes CDP report closed shadow roots too. Frames' documents are left out: what
    // we read is the top document, as in Firefox.
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const closed: number[] = [];
    const walk = (node: CdpNode) => {
      for (const shadow of node.shadowRoots ?? []) {
        if (shadow.shadowRootType === 'closed') closed.push(shadow.backendNodeId);
        walk(shadow);
      }
      for (const child of node.children ?? []) walk(child);
    };
    walk(root);
    const result: ClosedShadowRoot[] = [];
    for (const backendNodeId of closed) {
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId });
      if (!object.objectId) continue;
      try {
        const { result: value, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
          objectId: object.objectId,
          functionDeclaration: describeShadowRoot.toString(),
          returnByValue: true,
        });
        if (exceptionDetails) throw new Error(`reading a closed shadow root failed: ${exceptionDetails.text}`);
        result.push(JSON.parse(value.value as string) as ClosedShadowRoot);
      } finally {
        await cdp.send('Runtime.releaseObject', { objectId: object.objectId });
      }
    }
    return result;
  }

  async clickInClosedShadow(name: string | RegExp, options: WaitOptions = {}) {
    const target = await waitUntil(async () => findInShadowRoots(await this.closedShadowRoots(), name), {
      message: `${String(name)} in a closed shadow root on ${this.page.url()}`,
      ...options,
    });
    await this.mouseClick(target.box.x + target.box.width / 2, target.box.y + target.box.height / 2);
    return target;
  }

  async screenshot(path: string) {
    await this.page.screenshot({ path });
  }

  console() {
    return [...this.consoleLog];
  }

  async close() {
    await this.#cdp?.detach().catch(() => undefined);
    await this.page.close();
  }
}
