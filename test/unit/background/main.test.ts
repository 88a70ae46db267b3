// startBackground's browser wiring, against WXT's fake browser (test/vitest.config.ts: WxtVitest
// aliases wxt/browser to it). The fake lacks a few APIs (context menus, commands, tabs.sendMessage,
// storage.session.setAccessLevel) and treats tab URLs as always visible, so tabs are modelled here
// as the browser shows them without the "tabs" permission: a tab's URL is visible only on a host
// Sparekey has access to, and withheld (undefined, in tabs.get and in onUpdated) anywhere else.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { startBackground } from '../../../src/background/main';
import { originOf, type SenderLike } from '../../../src/background/sender';
import { PAGE_SITES } from '../../../src/sites/index';
import type { AccountSummary, MessageName, Req, Result } from '../../../src/messages/protocol';
import { LOGIN, PASS, X_CODES, makeRig } from './rig';

const ALARM = 'sparekey-autolock';
const EXTENSION = `chrome-extension://${fakeBrowser.runtime.id}`;
const POPUP: SenderLike = { id: fakeBrowser.runtime.id, url: `${EXTENSION}/popup.html` };
const CODE_PAGE = 'https://x.com/settings/account/login_verification/backup_code';
const OUR_ORIGINS = new Set(PAGE_SITES.flatMap((s) => s.origins));
const T0 = Date.UTC(2026, 10, 22, 9);

/** What the browser shows us of a URL without the "tabs" permission. */
const visible = (url: string | undefined) => (url && OUR_ORIGINS.has(originOf(url) ?? '') ? url : undefined);

type Listener = (...args: never[]) => unknown;
function fakeEvent() {
  const listeners: Listener[] = [];
  return {
    addListener: (l: Listener) => void listeners.push(l),
    removeListener: (l: Listener) => void listeners.splice(listeners.indexOf(l), 1),
    hasListener: (l: Listener) => listeners.includes(l),
    /** What the browser does when the event happens. */
    fire: (...args: unknown[]) => {
      for (const l of listeners) (l as (...a: unknown[]) => unknown)(...args);
    },
  };
}

class World {
  /** tabId → the URL the tab really shows. */
  urls = new Map<number, string>();
  active: number | undefined;
  pageMessages: Array<{ tabId: number; type: string }> = [];
  setAccessLevel = vi.fn(async (_: { accessLevel: string }) => undefined);
  /** Host patterns the person granted, and the content scripts registered at runtime. */
  granted = new Set<string>();
  scripts: { id: string; matches: string[]; js: string[] }[] = [];

  constructor(opts: { accessLevel?: boolean } = {}) {
    fakeBrowser.reset();
    vi.stubGlobal('indexedDB', new IDBFactory());
    const session = fakeBrowser.storage.session as unknown as Record<string, unknown>;
    delete session.setAccessLevel;
    if (opts.accessLevel !== false) session.setAccessLevel = this.setAccessLevel;
    Object.assign(fakeBrowser.contextMenus, { onClicked: fakeEvent(), removeAll: async () => undefined, create: () => 0 });
    Object.assign(fakeBrowser.commands, { onCommand: fakeEvent() });
    // Host access for the sites read on request (GitHub): granted as `granted` says; registrations recorded.
    Object.assign(fakeBrowser.permissions, {
      onAdded: fakeEvent(),
      onRemoved: fakeEvent(),
      contains: async ({ origins }: { origins: string[] }) => origins.every((o) => this.granted.has(o)),
    });
    Object.assign(fakeBrowser.scripting, {
      getRegisteredContentScripts: async () => [...this.scripts],
      registerContentScripts: async (list: { id: string; matches: string[]; js: string[] }[]) => void this.scripts.push(...list),
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        this.scripts = this.scripts.filter((s) => !ids.includes(s.id));
      },
    });
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (tabId: number) => {
      const url = this.urls.get(tabId);
      if (url === undefined) throw new Error(`No tab with id: ${tabId}.`);
      return this.tab(tabId);
    });
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async (q) => {
      if (q.active) return this.active === undefined || !this.urls.has(this.active) ? [] : [this.tab(this.active)];
      if (q.url) return [...this.urls.keys()].filter((id) => visible(this.urls.get(id))).map((id) => this.tab(id));
      return [...this.urls.keys()].map((id) => this.tab(id));
    });
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: { type: string }) => {
      this.pageMessages.push({ tabId, type: message.type });
      return undefined;
    }) as never);
  }

  tab(id: number) {
    const url = visible(this.urls.get(id));
    return { id, index: 0, highlighted: false, active: id === this.active, pinned: false, incognito: false, windowId: 0, ...(url ? { url } : {}) };
  }

  /** The tab moves to `url`; the browser reports it as it would without the "tabs" permission. */
  async navigate(tabId: number, url: string) {
    this.urls.set(tabId, url);
    const shown = visible(url);
    await fakeBrowser.tabs.onUpdated.trigger(tabId, { status: 'loading', ...(shown ? { url: shown } : {}) }, this.tab(tabId));
    await fakeBrowser.tabs.onUpdated.trigger(tabId, { status: 'complete' }, this.tab(tabId));
  }

  async send<N extends MessageName>(type: N, body: Req<N>, sender: SenderLike = POPUP): Promise<Result<any>> {
    // The fake's trigger types the sender as a full MessageSender; the router reads SenderLike.
    const replies = await fakeBrowser.runtime.onMessage.trigger({ type, body }, sender as never);
    const [reply] = replies as unknown as Result<unknown>[];
    return reply!;
  }

  async ok<N extends MessageName>(type: N, body: Req<N>, sender: SenderLike = POPUP): Promise<any> {
    const reply = await this.send(type, body, sender);
    if (!reply.ok) throw new Error(`${type}: ${reply.error.code} ${reply.error.message}`);
    return reply.value;
  }

  content(tabId: number): SenderLike {
    const url = this.urls.get(tabId)!;
    return { id: fakeBrowser.runtime.id, url, frameId: 0, tab: { id: tabId, url } };
  }

  async sessionKeys(): Promise<string[]> {
    return Object.keys(await fakeBrowser.storage.session.get(null));
  }
}

/**
 * A vault made with a fast KDF in the fake's IndexedDB (the background's own create would run the
 * real 64 MiB Argon2id; unlock reads the parameters from the header). With `unlocked`, its key
 * is in storage.session, as after a worker restart while unlocked.
 */
async function seedVault(codes = X_CODES.slice(0, 3), unlocked = true): Promise<string> {
  const rig = makeRig({ factory: globalThis.indexedDB as IDBFactory });
  await rig.ok('vault/create', { passphrase: PASS, confirm: PASS });
  const account = await rig.ok('accounts/add', { site: 'x', label: '@alice' });
  if (codes.length) await rig.ok('codes/add', { accountId: account.id, values: codes, source: 'paste' });
  if (unlocked) await fakeBrowser.storage.session.set({ vaultKey: rig.session.data.get('vaultKey') });
  return account.id;
}

async function accounts(world: World): Promise<AccountSummary[]> {
  return world.ok('accounts/list', {});
}

const until = (assertion: () => Promise<void> | void) => vi.waitFor(assertion, { timeout: 5_000, interval: 10 });
/** Lets the fire-and-forget chains the listeners start run to their end. */
const drain = async () => {
  for (let i = 0; i < 30; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('startBackground', () => {
  it('pins storage.session to trusted contexts where the browser has setAccessLevel', async () => {
    const world = new World();
    startBackground();
    await until(() => expect(world.setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' }));
  });

  it("registers GitHub's watcher at start when github.com is granted, and drops it when the grant is gone", async () => {
    const world = new World();
    world.granted.add('https://github.com/*');
    startBackground();
    await until(() => expect(world.scripts.map((s) => [s.id, s.matches, s.js])).toEqual([['sparekey-site-github', ['https://github.com/*'], ['/content-scripts/sites.js']]]));
    world.granted.clear();
    (fakeBrowser.permissions.onRemoved as unknown as { fire(p: object): void }).fire({ origins: ['https://github.com/*'] });
    await until(() => expect(world.scripts).toEqual([]));
  });

  it('starts where storage.session has no setAccessLevel (Firefox)', async () => {
    const world = new World({ accessLevel: false });
    expect(() => startBackground()).not.toThrow();
    expect((await world.ok('vault/status', {})).state).toBe('no-vault');
  });

  it('routes runtime messages through the sender check', async () => {
    const world = new World();
    await seedVault();
    startBackground();
    expect(await world.ok('vault/status', {})).toMatchObject({ state: 'unlocked' });
    expect(await accounts(world)).toMatchObject([{ label: '@alice', left: 3 }]);
    // A web page, another extension, and a content script asking for the vault are refused.
    world.urls.set(1, LOGIN);
    expect(await world.send('accounts/list', {}, { url: LOGIN, tab: { id: 1, url: LOGIN }, frameId: 0 })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(await world.send('accounts/list', {}, { id: 'someone-else', url: 'chrome-extension://someone-else/p.html' })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(await world.send('accounts/list', {}, world.content(1))).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(await world.send('no/such-type' as MessageName, {} as never)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    // The content script's own messages are answered for its tab.
    expect(await world.ok('content/prompt-seen', { mode: 'backup' }, world.content(1))).toMatchObject({ state: 'ready', left: 3 });
  });

  describe('auto-lock', () => {
    it('starts the idle alarm at unlock and clears it at lock', async () => {
      const world = new World();
      await seedVault(X_CODES.slice(0, 3), false);
      startBackground();
      await world.ok('vault/unlock', { passphrase: PASS });
      await until(async () => expect((await fakeBrowser.alarms.get(ALARM))?.scheduledTime).toBe(T0 + 15 * 60_000));
      await world.ok('vault/lock', {});
      await until(async () => expect(await fakeBrowser.alarms.get(ALARM)).toBeUndefined());
    });

    it('locks when the alarm fires: no key in storage.session, pending captures cleared', async () => {
      const world = new World();
      await seedVault();
      startBackground();
      expect((await world.ok('vault/status', {})).state).toBe('unlocked');
      world.urls.set(3, CODE_PAGE);
      await world.ok('content/codes-seen', { codes: ['mmmm6666nnnn'], handle: '@alice' }, world.content(3));
      expect(await world.sessionKeys()).toEqual(expect.arrayContaining(['vaultKey', 'pendingCaptures']));
      await fakeBrowser.alarms.onAlarm.trigger({ name: 'some-other-alarm', scheduledTime: Date.now() });
      await drain();
      expect((await world.ok('vault/status', {})).state).toBe('unlocked');
      await fakeBrowser.alarms.onAlarm.trigger({ name: ALARM, scheduledTime: Date.now() });
      await until(async () => expect((await world.ok('vault/status', {})).state).toBe('locked'));
      expect(await world.sessionKeys()).toEqual([]);
    });

    it('stays locked when the alarm is what woke the killed worker, racing its restore', async () => {
      const world = new World();
      await seedVault();
      // The browser starts the worker for the alarm: main() runs, then the event is delivered
      // while the restore it began is still reading the vault.
      startBackground();
      await fakeBrowser.alarms.onAlarm.trigger({ name: ALARM, scheduledTime: Date.now() });
      await drain();
      await until(async () => expect(await world.sessionKeys()).not.toContain('vaultKey'));
      await drain();
      expect(await world.sessionKeys()).not.toContain('vaultKey');
      expect((await world.ok('vault/status', {})).state).toBe('locked');
      expect(await world.send('accounts/list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    });

    it('is postponed by the popup, not by content scripts on x.com pages', async () => {
      const world = new World();
      await seedVault(X_CODES.slice(0, 3), false);
      world.urls.set(1, LOGIN);
      startBackground();
      await world.ok('vault/unlock', { passphrase: PASS });
      const due = async () => (await fakeBrowser.alarms.get(ALARM))?.scheduledTime;
      await until(async () => expect(await due()).toBe(T0 + 15 * 60_000));

      vi.setSystemTime(T0 + 60_000);
      await world.ok('content/prompt-seen', { mode: 'backup' }, world.content(1));
      world.urls.set(3, CODE_PAGE);
      await world.ok('content/codes-seen', { codes: ['mmmm6666nnnn'], handle: '@alice' }, world.content(3));
      await drain();
      expect(await due()).toBe(T0 + 15 * 60_000);

      vi.setSystemTime(T0 + 120_000);
      await world.ok('accounts/list', {});
      await until(async () => expect(await due()).toBe(T0 + 120_000 + 15 * 60_000));
    });
  });

  describe('reservations follow their tabs', () => {
    async function reserved(world: World) {
      await seedVault();
      world.urls.set(1, LOGIN);
      world.active = 1;
      startBackground();
      const grant = await world.ok('content/request-fill', { trusted: true }, world.content(1));
      expect(grant.seq).toBe(1);
      expect(await accounts(world)).toMatchObject([{ counts: { reserved: 1 } }]);
    }

    it('unconfirms the reservation of a closed tab', async () => {
      const world = new World();
      await reserved(world);
      world.urls.delete(1);
      await fakeBrowser.tabs.onRemoved.trigger(1, { windowId: 0, isWindowClosing: false });
      await until(async () => expect(await accounts(world)).toMatchObject([{ counts: { reserved: 0, unconfirmed: 1 } }]));
    });

    it('unconfirms it when the tab goes to a host whose URL the browser withholds (x.com → evil.test)', async () => {
      const world = new World();
      await reserved(world);
      await world.navigate(1, 'https://evil.test/phish');
      await until(async () => expect(await accounts(world)).toMatchObject([{ counts: { reserved: 0, unconfirmed: 1 } }]));
    });

    it('unconfirms it when the tab goes to another of our origins (x.com → twitter.com)', async () => {
      const world = new World();
      await reserved(world);
      await world.navigate(1, 'https://twitter.com/home');
      await until(async () => expect(await accounts(world)).toMatchObject([{ counts: { reserved: 0, unconfirmed: 1 } }]));
    });

    it("waits for the load after a submit on Google, whose sign-in continues to its other origin: accepted at myaccount.google.com", async () => {
      const world = new World();
      await seedVault();
      world.urls.set(1, 'https://accounts.google.com/v3/signin/challenge/bc?continue=https%3A%2F%2Fmyaccount.google.com%2F');
      world.active = 1;
      startBackground();
      const account = await world.ok('accounts/add', { site: 'google', label: 'sam@example.com' });
      await world.ok('codes/add', { accountId: account.id, values: ['12345678', '23456789'], source: 'paste' });
      const grant = await world.ok('content/request-fill', { trusted: true, accountId: account.id }, world.content(1));
      await world.ok('content/submitted', { reservationId: grant.reservationId, successPaths: [] }, world.content(1));
      await world.navigate(1, 'https://myaccount.google.com/');
      const google = async () => (await accounts(world)).find((a) => a.site === 'google');
      await until(async () => expect(await google()).toMatchObject({ counts: { reserved: 0, used: 1, unconfirmed: 0 } }));
    });

    it('keeps it while the tab stays on the same origin', async () => {
      const world = new World();
      await reserved(world);
      await world.navigate(1, 'https://x.com/i/flow/login?step=2');
      await fakeBrowser.tabs.onUpdated.trigger(1, { title: 'X' }, world.tab(1));
      await drain();
      expect(await accounts(world)).toMatchObject([{ counts: { reserved: 1, unconfirmed: 0 } }]);
    });
  });

  describe('auto-fill through the real ports', () => {
    /** Tab 1 on X's login, active in window 0, which has focus; auto-fill on for X. */
    async function atLogin() {
      const world = new World();
      await seedVault();
      let focused: number | undefined = 0;
      vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockImplementation((async () => ({ id: focused })) as never);
      startBackground();
      world.urls.set(1, LOGIN);
      world.active = 1;
      await world.ok('autofill/set', { site: 'x', on: true, trusted: true });
      return { world, focus: (id: number | undefined) => (focused = id) };
    }
    const refusedWith = async (world: World, rule: string) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      expect(await world.send('content/auto-fill', { mode: 'backup' }, world.content(1))).toMatchObject({ ok: false });
      expect(warn.mock.calls.flat().join(' ')).toContain(`no automatic fill: ${rule}`);
      warn.mockRestore();
    };

    it('refuses a tab whose window lost focus to another of the browser\'s windows, also once the browser itself loses focus', async () => {
      const { world } = await atLogin();
      await fakeBrowser.windows.onFocusChanged.trigger(5);
      await refusedWith(world, 'tab-not-focused');
      await fakeBrowser.windows.onFocusChanged.trigger(-1); // WINDOW_ID_NONE: another application
      await refusedWith(world, 'tab-not-focused');
      await fakeBrowser.windows.onFocusChanged.trigger(0);
      expect(await world.ok('content/auto-fill', { mode: 'backup' }, world.content(1))).toMatchObject({ value: X_CODES[0] });
    });

    it('asks which window has focus when it has seen no focus change (a restarted worker)', async () => {
      const { world, focus } = await atLogin();
      focus(5);
      await refusedWith(world, 'tab-not-focused');
    });

    it('follows choices and settings changed in storage behind its back (another of our pages, sync)', async () => {
      const { world } = await atLogin();
      await fakeBrowser.storage.local.set({ autoFill: { sites: {}, accounts: {} } });
      await refusedWith(world, 'off');
      await fakeBrowser.storage.local.set({ autoFill: { sites: { x: true }, accounts: {} }, settings: { autoSubmit: true } });
      expect(await world.ok('content/auto-fill', { mode: 'backup' }, world.content(1))).toMatchObject({ value: X_CODES[0], autoSubmit: true });
    });
  });

  describe('badge', () => {
    const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });

    it('shows the codes left on a site tab, "!" in red at one left, nothing elsewhere or when locked', async () => {
      const world = new World();
      const accountId = await seedVault(X_CODES.slice(0, 2));
      world.urls.set(1, LOGIN);
      world.urls.set(2, 'https://evil.test/');
      world.active = 1;
      startBackground();
      await until(async () => expect(await badge(1)).toBe('2'));
      expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 1 })).toEqual([15, 118, 110, 255]);

      const first = (await world.ok('accounts/get', { accountId })).codes[0];
      await world.ok('codes/set-status', { accountId, codeId: first.id, status: 'used' });
      await until(async () => expect(await badge(1)).toBe('!'));
      expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 1 })).toEqual([185, 28, 28, 255]);

      world.active = 2;
      await fakeBrowser.tabs.onActivated.trigger({ tabId: 2, windowId: 0 });
      await drain();
      expect(await badge(2)).toBe('');

      world.active = 1;
      await world.ok('vault/lock', {});
      await until(async () => expect(await badge(1)).toBe(''));
      // …and the site tabs were told to refresh.
      expect(world.pageMessages).toContainEqual({ tabId: 1, type: 'page/refresh' });
    });
  });
});
