// Browser glue for the background: real ports for the handlers, event wiring, nothing else.
// Called from entrypoints/background.ts inside defineBackground's main(), never at import time.
import { browser, type Browser } from 'wxt/browser';
import { openVaultDb } from '../store';
import { ON_REQUEST_HERE } from '../sites/here';
import { PAGE_SITES, contentScriptMatches } from '../sites/index';
import { isContentMessage, type FillGrant, type Settings } from '../messages/protocol';
import { sendToPage } from '../messages/page';
import { createHandlers } from './app';
import { CAPTURE_EXPIRY_ALARM } from './captures';
import { lockVault } from './vault-state';
import { badgeFor } from './badge';
import { restrictSessionStorage, storageArea } from './browser-storage';
import type { BackgroundDeps, SettingsPort, TabsPort } from './deps';
import { createIdSource } from './ids';
import { createQueue } from './queue';
import { reconcileAll, reconcileTab } from './reservations';
import { createRouter } from './router';
import { originOf } from './sender';
import { Session } from './session';
import { trackFocus, type FocusTracker } from './focus';
import { remembered, type Remembered } from './remembered';
import { storedIn } from './storage-item';
import { STORED } from './stored';
import { wireOutsideFill } from './outside-fill';
import { installBuildHook } from './build-hook';
import { syncSiteScripts } from './site-access';
import { grantedOtherSite } from './other-sites';
import { originOfPattern } from '../sites/generic/origin';
import { judgeLoad } from './load-verdicts';
import { browserSiteAccess } from './site-access-port';
import { deriveKey } from '../crypto';
import { KdfHost } from './kdf-host';
import { kdfChannelOpener } from './kdf-channels';
import { Sync, syncedHeaderFor, type SyncArea } from './sync';
import { encodeReply } from '../messages/wire';

/** storage.sync: what Chrome sync and Firefox Sync carry between a person's browsers. */
const syncArea: SyncArea = {
  getAll: () => browser.storage.sync.get(null),
  set: (items) => browser.storage.sync.set(items),
  remove: (keys) => browser.storage.sync.remove(keys),
};

const AUTOLOCK_ALARM = 'sparekey-autolock';

function settingsPort(stored: Remembered<Settings>): SettingsPort {
  return {
    get: () => stored.get(),
    set: async (patch: Partial<Settings>) => {
      const next = { ...(await stored.get()), ...patch };
      await stored.set(next);
      return next;
    },
  };
}

const tabsPortWith = (focus: FocusTracker): TabsPort => ({
  url: (tabId) => browser.tabs.get(tabId).then((t) => t?.url, () => undefined),
  look: async (tabId) => {
    const [tab, windowId] = await Promise.all([browser.tabs.get(tabId).catch(() => undefined), focus.windowId()]);
    if (!tab) return undefined;
    const focused = tab.active && windowId !== undefined && tab.windowId === windowId;
    return tab.url ? { url: tab.url, focused } : { focused };
  },
  active: async () => {
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id === undefined ? undefined : { id: tab.id, ...(tab.url ? { url: tab.url } : {}) };
  },
  fill: async (tabId, grant: FillGrant & { autoSubmit: boolean }) => {
    const reply = await sendToPage(tabId, 'page/fill', grant);
    return reply?.filled === true;
  },
  pageState: async (tabId) => {
    // No page runtime in the tab (a page that can show no 2FA step) means no answer: none.
    const reply = await sendToPage(tabId, 'page/state', {}).catch(() => undefined);
    const challenge = reply?.challenge === 'email' ? null : (reply?.challenge ?? null);
    const hint = reply?.accountHint;
    return hint !== undefined ? { challenge, accountHint: hint } : { challenge };
  },
  loadRuntime: async (tabId) => {
    // Host access to the tab's page is what allows this: a tab that moved to another host fails.
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['/page-runtime.js'] });
  },
  openPopup: async () => {
    const action = browser.action as { openPopup?: () => Promise<void> };
    if (typeof action.openPopup !== 'function') return false;
    return action.openPopup().then(
      () => true,
      () => false,
    );
  },
});

export function startBackground(): void {
  const now = () => Date.now();
  // Argon2id off this thread, so messages keep being answered during an unlock (kdf-host.ts).
  const kdf = new KdfHost({ open: kdfChannelOpener(), fallback: deriveKey });
  const syncState = storedIn(STORED.sync, storageArea('local'));
  const session = new Session({
    openDb: () => openVaultDb(),
    keyCache: storageArea('session'),
    local: storageArea('local'),
    now,
    derive: kdf.derive,
    // Another device's new passphrase, in the synced header (sync.ts).
    syncedHeader: () => syncedHeaderFor({ area: syncArea, state: syncState }),
  });
  // Read on every automatic fill: kept in memory, dropped when storage changes (remembered.ts).
  const storedSettings = remembered(storedIn(STORED.settings, storageArea('local')));
  const autoFill = remembered(storedIn(STORED.autoFill, storageArea('local')));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (STORED.settings.key in changes) storedSettings.drop();
    if (STORED.autoFill.key in changes) autoFill.drop();
  });
  const settings = settingsPort(storedSettings);
  const tabsPort = tabsPortWith(trackFocus(browser.windows));

  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  const deps: BackgroundDeps = {
    session,
    settings,
    autoFill: { get: () => autoFill.get(), set: (prefs) => autoFill.set(prefs) },
    tabs: tabsPort,
    sessionStore: storageArea('session'),
    queue: createQueue(),
    now,
    newId: createIdSource(now),
    kdf,
    // Coalesce bursts of changes into one badge update and one nudge to the site tabs.
    changed: () => {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => void refresh(), 50);
      sync.soon();
    },
    wakeAt: (name, when) => void (async () => browser.alarms.create(name, { when }))().catch(() => undefined),
  };
  const sync = new Sync(deps, { area: syncArea, state: syncState, later: (fn, ms) => void setTimeout(fn, ms) });
  deps.sync = sync;
  const { handlers, captures, loads } = createHandlers(deps);

  async function updateBadge(tab?: Browser.tabs.Tab): Promise<void> {
    const target = tab ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
    if (target?.id === undefined) return;
    const vault = session.isUnlocked() ? await session.unlocked() : undefined;
    const badge = badgeFor(vault, target.url);
    await browser.action.setBadgeText({ tabId: target.id, text: badge.text });
    if (badge.text)
      await browser.action.setBadgeBackgroundColor({ tabId: target.id, color: badge.warn ? '#b91c1c' : '#0f766e' });
  }

  /** Granted patterns of other sites' origins; none when the browser will not say (refresh is best effort). */
  async function grantedOthers(): Promise<string[]> {
    try {
      return ((await browser.permissions.getAll()).origins ?? []).filter((p) => originOfPattern(p) !== undefined);
    } catch {
      return [];
    }
  }

  async function refresh(): Promise<void> {
    // The sites' tabs, and those of other sites' origins the person granted (generic detector).
    const tabs = await browser.tabs.query({ url: [...contentScriptMatches(), ...(await grantedOthers())] });
    await Promise.all(
      tabs.map(async (tab) => {
        if (tab.id === undefined) return;
        await updateBadge(tab).catch(() => undefined);
        await sendToPage(tab.id, 'page/refresh', {}).catch(() => undefined);
      }),
    );
    await updateBadge().catch(() => undefined);
  }

  // Auto-lock: every accepted message from our own pages pushes the alarm back (at most every
  // 15 s). Content-script messages do not: any x.com page the person merely has open would
  // otherwise keep the vault unlocked indefinitely.
  let lastTouch = 0;
  async function touch(): Promise<void> {
    if (now() - lastTouch < 15_000 || !session.isUnlocked()) return;
    lastTouch = now();
    const { autoLockMinutes } = await settings.get();
    await browser.alarms.create(AUTOLOCK_ALARM, { delayInMinutes: autoLockMinutes });
  }

  const route = createRouter({
    self: { id: browser.runtime.id, origin: originOf(browser.runtime.getURL('/'))! },
    sites: PAGE_SITES,
    other: grantedOtherSite((origins) => browser.permissions.contains({ origins })),
    handlers,
    onAccepted: (name) => {
      if (name === 'vault/lock' || isContentMessage(name)) return;
      void touch().catch(() => undefined);
    },
  });

  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    return route(message, sender).then(async (reply) => {
      // Unlocking starts the idle clock; locking stops it.
      if (reply.ok && typeof message === 'object' && message) {
        const type = (message as { type?: string }).type;
        if (type === 'vault/unlock' || type === 'vault/create') {
          lastTouch = 0;
          await touch().catch(() => undefined);
          await reconcileAll(deps).catch(() => undefined);
          // What other devices synced while this one was locked is merged now.
          await sync.flush().catch(() => undefined);
        }
        if (type === 'vault/lock') await browser.alarms.clear(AUTOLOCK_ALARM);
      }
      return encodeReply(message, reply);
    });
  });

  // Through the queue like the popup's lock: the alarm may be what woke a killed worker, with its
  // restore still reading the vault (Session's generation makes that restore stand down).
  browser.alarms.onAlarm.addListener((alarm) => {
    // Reading the captures deletes the expired ones (and sets the alarm for the next).
    if (alarm.name === CAPTURE_EXPIRY_ALARM) void captures.all().then(() => deps.changed(), () => undefined);
    if (alarm.name !== AUTOLOCK_ALARM) return;
    void lockVault(deps)
      .then(() => deps.changed())
      .catch(() => undefined);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    loads.forget(tabId);
    void reconcileTab(deps, tabId, undefined).catch(() => undefined);
  });
  browser.tabs.onUpdated.addListener((tabId, info, tab) => {
    // Without the "tabs" permission the browser leaves changeInfo.url out when the tab moves to a
    // host we have no access to (x.com → anywhere else), so a navigation is seen by its status
    // change and the URL read afresh: none means the tab left our sites.
    // A site that answers its 2FA form with a new document: the load after the submit decides, so
    // the code waits for it (Google's continue is on another of its origins, which would otherwise
    // count as leaving the site) and is judged before the tab is reconciled.
    if (info.url !== undefined || info.status !== undefined || info.discarded !== undefined)
      void tabsPort
        .url(tabId)
        .then(async (url) => {
          if (info.status === 'complete') await judgeLoad(deps, loads, tabId, url);
          if (!loads.awaits(tabId)) await reconcileTab(deps, tabId, url);
        })
        .catch(() => undefined);
    if (info.url !== undefined || info.status === 'complete') void updateBadge(tab).catch(() => undefined);
  });
  browser.tabs.onActivated.addListener(() => void updateBadge().catch(() => undefined));

  // Content scripts for the sites read on request follow their grants: at every start (a grant or
  // revocation made while the background slept) and whenever the person changes one.
  const syncSites = () => void syncSiteScripts(browserSiteAccess(), ON_REQUEST_HERE).catch(() => undefined);
  browser.permissions.onAdded.addListener(syncSites);
  browser.permissions.onRemoved.addListener(syncSites);
  syncSites();
  // Another device's items arrived (or this device's own write echoed): merge them in.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'sync') sync.soon();
  });

  wireOutsideFill(deps);
  installBuildHook(deps); // a no-op but in the bench build (build-hook.ts)

  void restrictSessionStorage().catch(() => undefined);
  // A restarted worker reopens the vault from storage.session and settles reservations whose
  // tabs went away while it was dead.
  void session
    .restore()
    .then(() => reconcileAll(deps))
    .then(() => updateBadge())
    .then(() => sync.soon())
    .catch(() => undefined);
}
