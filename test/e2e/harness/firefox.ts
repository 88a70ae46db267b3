// Debian Firefox ESR through puppeteer-core over WebDriver BiDi, with the built extension installed
// as a temporary add-on.
import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type KeyInput, type Page } from 'puppeteer-core';
import { FIREFOX_BUILD, MAPPED_HOSTS } from './config';
import { findBrowser, geckoIdOf } from './browsers';
import { describeShadowRoot, findInShadowRoots } from './shadow';
import { snapshotBuild, snapshotZip } from './snapshot';
import type { BrowserUnderTest, ClosedShadowRoot, ConsoleEntry, LaunchOptions, Role, TestPage, WaitOptions } from './types';
import { waitUntil } from './util';

/** The parts of puppeteer's BiDi internals we use; public getters, but not in its typings. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}
interface BidiFrameInternals {
  browsingContext: { id: string; navigate(url: string, wait?: 'none' | 'interactive' | 'complete'): Promise<void> };
}
interface RemoteNode {
  type: string;
  sharedId?: string;
  value?: { shadowRoot?: RemoteNode | null; mode?: 'open' | 'closed' };
}
interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

const ACTION_TIMEOUT = 15_000;

function firefoxPrefs(server: LaunchOptions['server'], uuids: Record<string, string>, idleMs?: number, locale?: string, restrictedDomains?: string) {
  return {
    ...(restrictedDomains !== undefined ? { 'extensions.webextensions.restrictedDomains': restrictedDomains } : {}),
    // The UI language, from Debian's language pack (firefox-esr-l10n-<lang>, an app-scope add-on).
    ...(locale ? { 'intl.locale.requested': locale, 'intl.accept_languages': locale } : {}),
    // Our hosts resolve to loopback, and every other host too (the server answers 421), so
    // nothing leaves the machine; 443 and 80 both go to the server's port.
    'network.dns.localDomains': MAPPED_HOSTS.join(','),
    'network.dns.forceResolve': '127.0.0.1',
    'network.socket.forcePort': `443=${server.port};80=${server.port}`,
    'network.proxy.type': 0,
    // Pins the moz-extension UUID so the popup lives at moz-extension://<uuid>/popup.html.
    'extensions.webextensions.uuids': JSON.stringify(uuids),
    ...(idleMs !== undefined ? { 'extensions.background.idle.timeout': idleMs } : {}),
    // Content processes' console.* calls to stdout: read by extensionConsole().
    'devtools.console.stdout.content': true,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'app.update.enabled': false,
  };
}

export async function launchFirefox(options: LaunchOptions): Promise<BrowserUnderTest> {
  const executablePath = findBrowser('firefox');
  if (!executablePath) throw new Error('Firefox is missing: run ensureBrowsers() first (test/e2e/harness/browsers.ts).');
  const started = Date.now();
  const zipped = options.extensionZip ? snapshotZip(options.extensionZip) : undefined;
  const snapshot = zipped ?? snapshotBuild(options.extensionDir ?? FIREFOX_BUILD);
  const geckoId = geckoIdOf(snapshot.dir);
  const uuid = randomUUID();
  // Extra extensions get pinned UUIDs too, so their pages have known URLs.
  const extras = (options.extraExtensions ?? []).map((dir) => ({ dir, geckoId: geckoIdOf(dir), uuid: randomUUID() }));
  const uuids = Object.fromEntries([[geckoId, uuid], ...extras.map((e) => [e.geckoId, e.uuid])]);
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: !options.headed,
      protocol: 'webDriverBiDi',
      // Needed to navigate to moz-extension:// and to read the background's state (chrome scope).
      args: ['--remote-allow-system-access'],
      acceptInsecureCerts: true,
      defaultViewport: { width: 1280, height: 800 },
      extraPrefsFirefox: firefoxPrefs(options.server, uuids, options.backgroundIdleTimeoutMs, options.locale, options.firefoxRestrictedDomains),
    });
  } catch (error) {
    snapshot.remove();
    throw error;
  }
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  try {
    // A zip is installed as it is, the way a person installs the store's file.
    const installed = await browser.installExtension(zipped?.zip ?? snapshot.dir);
    if (installed !== geckoId) throw new Error(`installed add-on id ${installed}, expected ${geckoId}`);
    for (const extra of extras) {
      const id = await browser.installExtension(extra.dir);
      if (id !== extra.geckoId) throw new Error(`installed add-on id ${id}, expected ${extra.geckoId}`);
    }
  } catch (error) {
    await browser.close();
    snapshot.remove();
    throw error;
  }
  const extensionOrigin = `moz-extension://${uuid}`;

  // The background's state, read in the browser's chrome scope (--remote-allow-system-access).
  // Extension.backgroundState is Firefox's own: "running" | "starting" | "suspending" | "stopped".
  const chromeContext = async (): Promise<string> => {
    const { result } = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
      result: { contexts: { context: string }[] };
    };
    const first = result.contexts[0];
    if (!first) throw new Error('Firefox exposed no chrome browsing context (is --remote-allow-system-access set?)');
    return first.context;
  };
  const privileged = async (expression: string): Promise<unknown> => {
    const { result } = (await connection.send('script.evaluate', {
      expression,
      awaitPromise: true,
      target: { context: await chromeContext() },
    })) as { result: EvaluateResult };
    if (result.type === 'exception') throw new Error(`chrome-scope evaluation failed: ${result.exceptionDetails?.text}`);
    return result.result?.value;
  };
  const extensionExpr = `ChromeUtils.importESModule("resource://gre/modules/ExtensionParent.sys.mjs")
    .ExtensionParent.GlobalManager.getExtension(${JSON.stringify(geckoId)})`;
  const backgroundState = async (): Promise<string> => {
    const state = await privileged(`String((${extensionExpr})?.backgroundState)`);
    if (typeof state !== 'string' || !['running', 'starting', 'suspending', 'stopped'].includes(state)) {
      throw new Error(`unexpected Firefox backgroundState ${String(state)}: Firefox internals changed`);
    }
    return state;
  };

  await waitUntil(async () => (await backgroundState()) === 'running', {
    timeout: 15_000,
    message: 'the Firefox event page to start',
  });
  // Firefox prints content processes' console.* calls (web pages, extension pages, the
  // background page) to stdout with devtools.console.stdout.content: the one place they all reach
  // us, as BiDi reports none from moz-extension:// contexts.
  const stdoutConsole: string[] = [];
  let pending = '';
  browser.process()?.stdout?.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop() ?? '';
    stdoutConsole.push(...lines);
  });
  const launchMs = Date.now() - started;

  const consoleLog: ConsoleEntry[] = [];
  const pages = new Set<TestPage>();
  const newPage = async (): Promise<FirefoxPage> => {
    const page = await browser.newPage();
    page.setDefaultTimeout(ACTION_TIMEOUT);
    const wrapped = new FirefoxPage(page, connection);
    pages.add(wrapped);
    page.on('close', () => pages.delete(wrapped));
    page.on('console', (m) => {
      const entry = { type: m.type(), text: m.text(), url: page.url() };
      wrapped.consoleLog.push(entry);
      consoleLog.push(entry);
    });
    return wrapped;
  };

  const openPage = async (url: string): Promise<TestPage> => {
    const page = await newPage();
    await page.goto(url);
    return page;
  };

  return {
    name: 'firefox',
    extensionId: uuid,
    extensionOrigin,
    launchMs,
    extraExtensionOrigins: extras.map((e) => `moz-extension://${e.uuid}`),
    openPage,
    openPopup: (path = 'popup.html') => openPage(`${extensionOrigin}/${path}`),
    async stopBackground() {
      if (options.backgroundIdleTimeoutMs !== undefined) {
        // The real path: Firefox suspends the idle event page by itself.
        await waitUntil(async () => (await backgroundState()) === 'stopped', {
          timeout: options.backgroundIdleTimeoutMs + 15_000,
          interval: 200,
          message: `the event page to go idle (extensions.background.idle.timeout = ${options.backgroundIdleTimeoutMs} ms)`,
        });
        return;
      }
      // No idle timeout configured: ask Firefox to terminate it, as its idle timer would.
      await privileged(`(async () => { await (${extensionExpr}).terminateBackground(); })()`);
      await waitUntil(async () => (await backgroundState()) === 'stopped', {
        timeout: 10_000,
        message: 'the event page to stop after terminateBackground()',
      });
    },
    async backgroundRunning() {
      const state = await backgroundState();
      return state === 'running' || state === 'starting';
    },
    async acceptHostPermission() {
      // Firefox's own switch for automated tests: optional permissions are granted with no prompt.
      await privileged(`Services.prefs.setBoolPref('extensions.webextOptionalPermissionPrompts', false)`);
    },
    async hasHostPermission(patterns) {
      const page = await openPage(`${extensionOrigin}/popup.html`);
      try {
        return await page.evaluate(
          (origins: string[]) => (globalThis as unknown as { browser: { permissions: { contains(p: object): Promise<boolean> } } }).browser.permissions.contains({ origins }),
          [...patterns],
        );
      } finally {
        await page.close();
      }
    },
    async readClipboard() {
      // In the chrome scope, straight from the clipboard service: no page, focus or permission.
      const text = await privileged(`(() => {
        const t = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
        t.init(null);
        t.addDataFlavor('text/plain');
        Services.clipboard.getData(t, Ci.nsIClipboard.kGlobalClipboard, null);
        const out = {};
        try { t.getTransferData('text/plain', out); } catch { return ''; }
        return out.value ? out.value.QueryInterface(Ci.nsISupportsString).data : '';
      })()`);
      if (typeof text !== 'string') throw new Error('could not read the clipboard in the chrome scope: Firefox internals changed');
      return text;
    },
    async addCookie({ name, value, host }) {
      await browser.setCookie({ name, value, domain: host, path: '/', secure: true, sameSite: 'Lax' });
    },
    pages: () => [...pages],
    console: () => [...consoleLog],
    async extensionConsole() {
      // Every content process's console.* output (extension pages and the background page among
      // them; stdout names no URL), and uncaught errors the error console holds for our origin.
      const printed = stdoutConsole.filter((line) => /^console\.\w+: /.test(line)).map((line) => ({
        type: /^console\.(\w+)/.exec(line)![1]!,
        text: line.replace(/^console\.\w+: /, ''),
        url: '',
      }));
      const json = await privileged(`(() => {
        const origin = ${JSON.stringify(extensionOrigin)};
        const out = [];
        for (const m of Services.console.getMessageArray() ?? []) {
          const source = m instanceof Ci.nsIScriptError ? String(m.sourceName ?? '') : '';
          if (source.startsWith(origin) || String(m.message).includes(origin))
            out.push({ type: m instanceof Ci.nsIScriptError ? 'error' : 'log', text: String(m.errorMessage ?? m.message), url: source });
        }
        return JSON.stringify(out);
      })()`);
      return [...printed, ...(JSON.parse(String(json)) as ConsoleEntry[])];
    },
    async logInBackground(text) {
      const page = await openPage(`${extensionOrigin}/popup.html`);
      try {
        await page.evaluate(async (t: string) => {
          type Bg = { console: { log(text: string): void } };
          const api = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Bg> } } }).browser;
          (await api.runtime.getBackgroundPage()).console.log(t);
        }, text);
      } finally {
        await page.close();
      }
    },
    async runCommand(command) {
      // The shortcut as Firefox assigned it ("Alt+Shift+K"), as keydown/keypress/keyup on the
      // browser window: events dispatched from the chrome scope are trusted, and Firefox's <key>
      // elements for extension shortcuts fire commands.onCommand from them.
      const taken = await privileged(`(async () => {
        const ext = ${extensionExpr};
        const command = (await ext.shortcuts.allCommands()).find((c) => c.name === ${JSON.stringify(command)});
        if (!command || !command.shortcut) throw new Error('no shortcut for ${command}');
        const parts = command.shortcut.split('+');
        const key = parts.pop();
        if (!/^[A-Z0-9]$/.test(key)) throw new Error('runCommand handles letter and digit shortcuts only, not ' + command.shortcut);
        const win = Services.wm.getMostRecentWindow('navigator:browser');
        const init = {
          key, code: (/[0-9]/.test(key) ? 'Digit' : 'Key') + key, keyCode: key.charCodeAt(0),
          altKey: parts.includes('Alt'), shiftKey: parts.includes('Shift'),
          ctrlKey: parts.includes('Ctrl') || parts.includes('MacCtrl'), metaKey: parts.includes('Command'),
          bubbles: true, cancelable: true,
        };
        const fire = (type, extra) => {
          const e = new win.KeyboardEvent(type, { ...init, ...extra });
          win.document.documentElement.dispatchEvent(e);
          return e.defaultPrevented;
        };
        const down = fire('keydown', {});
        const press = fire('keypress', { charCode: key.charCodeAt(0) });
        fire('keyup', {});
        return down || press;
      })()`);
      if (taken !== true) throw new Error(`Firefox did not take the shortcut of command ${command}`);
    },
    async contextMenu(page, x, y, click) {
      if (!(page instanceof FirefoxPage)) throw new Error('contextMenu() needs a page of this browser');
      await page.rightClick(x, y);
      const labels = await privileged(`(async () => {
        const menu = Services.wm.getMostRecentWindow('navigator:browser').document.getElementById('contentAreaContextMenu');
        const deadline = Date.now() + 5000;
        while (menu.state !== 'open') {
          if (Date.now() > deadline) throw new Error('the context menu did not open (state ' + menu.state + ')');
          await new Promise((r) => setTimeout(r, 25));
        }
        const items = [...menu.querySelectorAll('menuitem')].filter((i) => !i.hidden && i.getAttribute('label'));
        const labels = items.map((i) => i.getAttribute('label'));
        const click = ${JSON.stringify(click ?? null)};
        if (click !== null) {
          const item = items.find((i) => i.getAttribute('label') === click);
          if (item) item.doCommand();
        }
        menu.hidePopup();
        while (menu.state !== 'closed') {
          if (Date.now() > deadline) throw new Error('the context menu did not close');
          await new Promise((r) => setTimeout(r, 25));
        }
        return JSON.stringify(labels);
      })()`);
      return JSON.parse(String(labels)) as string[];
    },
    async close() {
      await browser.close().catch(() => undefined);
      snapshot.remove();
    },
  };
}

/** `::-p-aria([name="…"][role="…"])`; puppeteer's parser allows no escaping inside a quoted value. */
function ariaSelector(role: Role, name: string): string {
  const quote = name.includes('"') ? "'" : '"';
  if (name.includes(quote)) throw new Error(`accessible name ${name} has both kinds of quote`);
  return `::-p-aria([name=${quote}${name}${quote}][role="${role}"])`;
}

class FirefoxPage implements TestPage {
  readonly browser = 'firefox' as const;
  readonly consoleLog: ConsoleEntry[] = [];

  constructor(
    private readonly page: Page,
    private readonly connection: BidiConnection,
  ) {}

  get #context(): BidiFrameInternals['browsingContext'] {
    return (this.page.mainFrame() as unknown as BidiFrameInternals).browsingContext;
  }

  /**
   * page.goto() never sees moz-extension:// pages' load event (E2E.md), so navigate over BiDi with
   * wait "interactive" for every URL, then poll for readyState "complete".
   */
  async goto(url: string) {
    await this.#context.navigate(url, 'interactive');
    await this.#loaded(url);
  }

  async reload() {
    const url = await this.url();
    await this.connection.send('browsingContext.reload', { context: this.#context.id, wait: 'interactive' });
    await this.#loaded(url);
  }

  async #loaded(url: string) {
    await waitUntil(() => this.page.evaluate(() => document.readyState === 'complete'), {
      timeout: ACTION_TIMEOUT,
      message: `${url} to finish loading`,
    });
  }

  async url() {
    // puppeteer's page.url() stays about:blank after a BiDi navigation to moz-extension://.
    try {
      return await this.page.evaluate(() => location.href);
    } catch {
      return this.page.url();
    }
  }

  async clickByRole(role: Role, name: string) {
    await this.page.locator(ariaSelector(role, name)).setTimeout(ACTION_TIMEOUT).click();
  }

  async fillByRole(role: Role, name: string, text: string) {
    await this.page.locator(ariaSelector(role, name)).setTimeout(ACTION_TIMEOUT).fill(text);
  }

  async hasRole(role: Role, name: string) {
    const handle = await this.page.$(ariaSelector(role, name));
    await handle?.dispose();
    return handle !== null;
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
      { message: `text ${String(text)}`, ...options },
    );
  }

  async evaluate<R, A extends unknown[]>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<Awaited<R>> {
    return (await this.page.evaluate(fn as (...a: unknown[]) => unknown, ...args)) as Awaited<R>;
  }

  async evaluateScript(source: string): Promise<unknown> {
    return this.page.evaluate(source);
  }

  async waitFor<R, A extends unknown[]>(fn: (...args: A) => R | Promise<R>, options: WaitOptions, ...args: A) {
    return waitUntil(() => this.evaluate(fn, ...args), { message: fn.name || 'a predicate', ...options });
  }

  async press(key: string) {
    // 'Shift+Tab' as Playwright takes it: the modifiers held down around the key. BiDi knows
    // the space bar only as ' ', Playwright as 'Space' too.
    const modifiers = key.length > 1 && key.includes('+') ? key.split('+') : [key];
    const last = modifiers.pop()!.replace(/^Space$/, ' ');
    for (const m of modifiers) await this.page.keyboard.down(m as KeyInput);
    await this.page.keyboard.press(last as KeyInput);
    for (const m of modifiers.reverse()) await this.page.keyboard.up(m as KeyInput);
  }

  async setViewport(width: number, height: number) {
    await this.page.setViewport({ width, height });
  }

  async emulateColorScheme(scheme: 'light' | 'dark') {
    // puppeteer's emulateMediaFeatures is CDP only; the pref (0 dark, 1 light) is Firefox's own.
    const { result } = (await this.connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
      result: { contexts: { context: string }[] };
    };
    const chrome = result.contexts[0]?.context;
    if (!chrome) throw new Error('Firefox exposed no chrome browsing context (is --remote-allow-system-access set?)');
    const expression = `Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1})`;
    const { result: set } = (await this.connection.send('script.evaluate', { expression, awaitPromise: false, target: { context: chrome } })) as {
      result: EvaluateResult;
    };
    if (set.type === 'exception') throw new Error(`setting the colour-scheme pref failed: ${set.exceptionDetails?.text}`);
    await this.waitFor((s: string) => matchMedia(`(prefers-color-scheme: ${s})`).matches, { message: `prefers-color-scheme: ${scheme}` }, scheme);
  }

  async mouseClick(x: number, y: number) {
    await this.page.mouse.click(x, y);
  }

  /** A real right click (for BrowserUnderTest.contextMenu). */
  async rightClick(x: number, y: number) {
    await this.page.mouse.click(x, y, { button: 'right' });
  }

  async #call(functionDeclaration: string, self: RemoteNode | undefined, serialize: boolean): Promise<EvaluateResult> {
    const { result } = (await this.connection.send('script.callFunction', {
      functionDeclaration,
      awaitPromise: false,
      target: { context: this.#context.id },
      ...(self?.sharedId ? { this: { sharedId: self.sharedId } } : {}),
      // includeShadowTree "all" is what exposes closed shadow roots to us.
      ...(serialize ? { serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' } } : {}),
    })) as { result: EvaluateResult };
    if (result.type === 'exception') throw new Error(`BiDi callFunction failed: ${result.exceptionDetails?.text}`);
    return result;
  }

  async closedShadowRoots(): Promise<ClosedShadowRoot[]> {
    // WebDriver BiDi serializes each element's shadow root, closed ones included, as a node with a
    // sharedId; calling a function with that node as `this` runs it against the closed root.
    const closed: RemoteNode[] = [];
    const visit = async (scope: RemoteNode | undefined, depth: number) => {
      const listed = await this.#call(
        scope ? 'function () { return Array.from(this.querySelectorAll("*")); }' : '() => Array.from(document.querySelectorAll("*"))',
        scope,
        true,
      );
      const nodes = (listed.result?.value ?? []) as RemoteNode[];
      for (const node of nodes) {
        const shadow = node.value?.shadowRoot;
        if (!shadow?.sharedId) continue;
        if (shadow.value?.mode === 'closed') closed.push(shadow);
        if (depth < 5) await visit(shadow, depth + 1);
      }
    };
    await visit(undefined, 0);
    const roots: ClosedShadowRoot[] = [];
    for (const shadow of closed) {
      const described = await this.#call(describeShadowRoot.toString(), shadow, false);
      roots.push(JSON.parse(described.result?.value as string) as ClosedShadowRoot);
    }
    return roots;
  }

  async clickInClosedShadow(name: string | RegExp, options: WaitOptions = {}) {
    const target = await waitUntil(async () => findInShadowRoots(await this.closedShadowRoots(), name), {
      message: `${String(name)} in a closed shadow root`,
      ...options,
    });
    await this.mouseClick(target.box.x + target.box.width / 2, target.box.y + target.box.height / 2);
    return target;
  }

  async screenshot(path: string) {
    await this.page.screenshot({ path: path as `${string}.png` });
  }

  console() {
    return [...this.consoleLog];
  }

  async close() {
    await this.page.close();
  }
}
