// The one driver interface both browsers implement, so each journey is written once and run in
// Chromium (playwright-core over CDP) and Firefox ESR (puppeteer-core over WebDriver BiDi).
import type { Page as PlaywrightPage } from 'playwright-core';
import type { BrowserName } from './config';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One element inside a closed shadow root, as a person would perceive it. */
export interface ShadowElement {
  tag: string;
  /** Explicit role attribute, or the implicit role of button/a[href]/input/… (best effort). */
  role: string | null;
  /** aria-label, else aria-labelledby's text, else the trimmed text content. */
  name: string;
  /** Trimmed textContent. */
  text: string;
  /** Viewport coordinates (CSS pixels), as getBoundingClientRect reports them. */
  box: Box;
  /** false when display:none / visibility:hidden / zero size. */
  visible: boolean;
  disabled: boolean;
  attributes: Record<string, string>;
  /** Content width and the box's inner width (scrollWidth / clientWidth): wider content overflows. */
  scrollWidth: number;
  clientWidth: number;
  /** The direction its text runs (computed `direction`). */
  direction: string;
}

/** A closed shadow root in the page's top document, read from outside without the page's help. */
export interface ClosedShadowRoot {
  hostTag: string;
  hostBox: Box;
  /** Trimmed textContent of the whole shadow tree. */
  text: string;
  elements: ShadowElement[];
}

export interface WaitOptions {
  /** Milliseconds; default 10,000. */
  timeout?: number;
  /** Poll interval in milliseconds; default 100. */
  interval?: number;
  /** Said in the timeout error, e.g. "the chip to appear". */
  message?: string;
}

/** ARIA role names, as Playwright's getByRole takes them (puppeteer's ARIA selector takes the same). */
export type Role = Parameters<PlaywrightPage['getByRole']>[0];

export interface ConsoleEntry {
  type: string;
  text: string;
  url: string;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  /** CSS selectors of the failing nodes. */
  targets: string[];
}

export interface TestPage {
  readonly browser: BrowserName;
  /** Navigates and waits for the load event (extension pages in Firefox: for "interactive"). */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** The document's current URL (location.href, so in-page navigations count). */
  url(): Promise<string>;
  /** Waits until an element with this role and exact accessible name is actionable, then clicks it. */
  clickByRole(role: Role, name: string): Promise<void>;
  /** Waits for the element, then replaces its value with `text` as typed input. */
  fillByRole(role: Role, name: string, text: string): Promise<void>;
  /** Whether an element with this role and exact name exists right now (no waiting). */
  hasRole(role: Role, name: string): Promise<boolean>;
  /** textContent of the first match of `selector` (default: body's innerText); '' when absent. */
  textContent(selector?: string): Promise<string>;
  /** Polls the body's innerText until it contains `text` (or matches the RegExp). */
  waitForText(text: string | RegExp, options?: WaitOptions): Promise<void>;
  /**
   * Runs `fn` in the page's main world and returns its (JSON-serialisable) result. `fn` is sent as
   * source: it must not close over anything from the test.
   */
  evaluate<R, A extends unknown[]>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<Awaited<R>>;
  /**
   * Evaluates raw script source as an expression in the page's main world (e.g. axe.min.js).
   * Not subject to the page's CSP: it goes through the automation protocol.
   */
  evaluateScript(source: string): Promise<unknown>;
  /** Polls `fn` in the page until it returns a truthy value, and returns that value. Survives navigations. */
  waitFor<R, A extends unknown[]>(fn: (...args: A) => R | Promise<R>, options: WaitOptions, ...args: A): Promise<Awaited<R>>;
  /** Presses a key with real keyboard input ('Tab', 'Enter', 'Escape', 'ArrowDown', 'a', 'Shift+Tab', …). */
  press(key: string): Promise<void>;
  /** Resizes the viewport (e.g. 360×600 for the popup). */
  setViewport(width: number, height: number): Promise<void>;
  /**
   * What `prefers-color-scheme` says in this page, then waits until the page sees it. Chromium:
   * this page only (CDP emulation). Firefox: BiDi has no such emulation, so it sets the pref
   * layout.css.prefers-color-scheme.content-override in the chrome scope, for every tab of this
   * browser; 'light' is a forced light, not the system's.
   */
  emulateColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /** A real, trusted mouse click (move, down, up) at viewport coordinates. */
  mouseClick(x: number, y: number): Promise<void>;
  /** Every closed shadow root in the top document, with texts and boxes, read from outside. */
  closedShadowRoots(): Promise<ClosedShadowRoot[]>;
  /**
   * Finds an element in a closed shadow root by its name (exact string or RegExp) and clicks its
   * centre with real mouse input. Returns what it clicked.
   */
  clickInClosedShadow(name: string | RegExp, options?: WaitOptions): Promise<ShadowElement>;
  /** PNG of the viewport. */
  screenshot(path: string): Promise<void>;
  /** Console messages this page logged so far (Firefox: nothing for extension pages, see BrowserUnderTest.console). */
  console(): ConsoleEntry[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The test server both browsers map MAPPED_HOSTS to. */
  server: { port: number; spkiBase64: string };
  /** Unpacked build to load; defaults to .output/<browser>-mv3. */
  extensionDir?: string;
  /**
   * A store package (`npm run zip`) to load instead of a folder. Firefox installs the zip itself;
   * Chromium loads only unpacked extensions from the command line, so its zip is extracted first.
   */
  extensionZip?: string;
  /**
   * The browser's UI language (what browser.i18n picks the messages by), e.g. 'de', 'ja', 'ar'.
   * Chromium: --lang and LANGUAGE (Debian's chromium-l10n ships the languages); Firefox: the pref
   * intl.locale.requested (Debian's firefox-esr-l10n-<lang> ships the language pack).
   */
  locale?: string;
  /**
   * Firefox only: `extensions.background.idle.timeout` in ms. Needed for stopBackground() there;
   * the event page then also dies by itself after this much idle time.
   */
  backgroundIdleTimeoutMs?: number;
  /** Show the window (needs a display). Default false. */
  headed?: boolean;
  /**
   * More unpacked extensions loaded next to ours (e.g. test/e2e/fixtures/attacker-extension).
   * Each needs a fixed gecko id (Firefox) and a background service worker whose file name
   * differs from ours (Chromium tells the extensions apart by it).
   */
  extraExtensions?: readonly string[];
  /**
   * Firefox only: `extensions.webextensions.restrictedDomains`, the hosts Firefox keeps every
   * extension off whatever it was granted. Its default names accounts.firefox.com (and
   * addons.mozilla.org, support.mozilla.org …); a person can change it in about:config.
   * Absent: Firefox's default.
   */
  firefoxRestrictedDomains?: string;
}

export interface BrowserUnderTest {
  readonly name: BrowserName;
  /** The extension's id (Chromium) / its pinned moz-extension UUID (Firefox). */
  readonly extensionId: string;
  /** chrome-extension://<id> or moz-extension://<uuid>, no trailing slash. */
  readonly extensionOrigin: string;
  /** Milliseconds from launch to the extension being loaded and its id known. */
  readonly launchMs: number;
  /** chrome-extension://<id> / moz-extension://<uuid> of each of LaunchOptions.extraExtensions, in order. */
  readonly extraExtensionOrigins: readonly string[];
  /** A new tab at `url`. */
  openPage(url: string): Promise<TestPage>;
  /** A new tab showing the extension's popup page (popup.html, or another extension page). */
  openPopup(path?: string): Promise<TestPage>;
  /**
   * Kills the background: Chromium stops the service worker over CDP and waits for 'stopped';
   * Firefox waits for the event page to go idle (needs backgroundIdleTimeoutMs at launch).
   * Anything that messages the background afterwards wakes it again.
   */
  stopBackground(): Promise<void>;
  /** Whether the background is running right now. */
  backgroundRunning(): Promise<boolean>;
  /**
   * Answers yes, for the person, to the extension's next permissions.request for these host
   * patterns (its optional_host_permissions), which headless browsers show no automation a prompt
   * for. Firefox: its switch for automated tests, the pref extensions.webextOptionalPermissionPrompts
   * = false (optional permissions are then granted with no prompt). Chromium has no such switch and
   * does not expose the prompt over CDP: the grant is made on chrome://extensions as a person would
   * ("Site access"), through that page's chrome.developerPrivate.addHostPermission, after which
   * permissions.request resolves true with no prompt.
   */
  acceptHostPermission(patterns: readonly string[]): Promise<void>;
  /** Whether the extension holds these host patterns now (permissions.contains, from an extension page). */
  hasHostPermission(patterns: readonly string[]): Promise<boolean>;
  /** Sets a secure cookie for https://<host>/ (e.g. the X replica's signIn()). */
  addCookie(cookie: { name: string; value: string; host: string }): Promise<void>;
  /** The system clipboard's text, read by the test without the extension's help ('' when empty). */
  readClipboard(): Promise<string>;
  /** Pages opened through this object and not yet closed. */
  pages(): TestPage[];
  /**
   * Console messages so far. Chromium: every page opened here, extension pages included, and the
   * background service worker. Firefox: web pages only; BiDi reports nothing from moz-extension://
   * contexts (popup, background).
   */
  console(): ConsoleEntry[];
  /**
   * Console messages of the extension's own contexts (popup and other extension pages, the
   * background). Chromium: console() entries from the extension's origin (pages and worker).
   * Firefox: read in chrome scope from the console API storage (by add-on id) and the error
   * console (by source URL), which BiDi does not report.
   */
  extensionConsole(): Promise<ConsoleEntry[]>;
  /**
   * console.log(text) in the extension's background (Chromium: the service worker, over CDP;
   * Firefox: the event page, through runtime.getBackgroundPage() from an extension page), so a
   * search of extensionConsole() can show that it reads the background's console.
   */
  logInBackground(text: string): Promise<void>;
  /**
   * Fires the extension's keyboard command `name` (manifest `commands`) at the focused window's
   * active tab. Firefox: the shortcut Firefox assigned it, pressed on the browser window as
   * trusted chrome-scope key events, so Firefox's own shortcut handling fires commands.onCommand.
   * Chromium: headless Chromium routes no key input to extension shortcuts, so the running
   * worker's commands.onCommand is dispatched with (name, the active tab from chrome.tabs.query),
   * the arguments Chromium passes it.
   */
  runCommand(name: string): Promise<void>;
  /**
   * Firefox only (headless Chromium draws no context menu and throws): right-clicks (x, y) in
   * `page` with real input and returns the labels of the items Firefox's content-area context
   * menu offers there; when `click` names one of them, activates it as a click would. The menu is
   * closed afterwards.
   */
  contextMenu(page: TestPage, x: number, y: number, click?: string): Promise<string[]>;
  close(): Promise<void>;
}
