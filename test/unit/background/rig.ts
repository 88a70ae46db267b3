// A background with fakes at its edges: fake-indexeddb for the store, maps for storage.session and
// storage.local, a scripted tabs port. `restart()` builds a fresh background over the same storage,
// as when the browser kills and revives the worker: memory is gone, storage remains.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openVaultDb } from '../../../src/store';
import type { AwaitedLoads } from '../../../src/background/load-verdicts';
import { createHandlers } from '../../../src/background/app';
import { createRouter } from '../../../src/background/router';
import { grantedOtherSite } from '../../../src/background/other-sites';
import { createQueue } from '../../../src/background/queue';
import { createIdSource } from '../../../src/background/ids';
import { Session } from '../../../src/background/session';
import { mergeSettings } from '../../../src/background/settings';
import { readAutoFillPrefs } from '../../../src/background/auto-fill-prefs';
import type { KeyValue } from '../../../src/background/browser-storage';
import type { BackgroundDeps, TabsPort } from '../../../src/background/deps';
import type { SenderLike } from '../../../src/background/sender';
import { PAGE_SITES as SITES } from '../../../src/sites/index';
import type { AutoFillPrefs, ChallengeMode, FillGrant, MessageName, Req, Res, Result, Settings } from '../../../src/messages/protocol';
import { FAST_KDF } from '../crypto/helpers';
import type { VaultHeader } from '../../../src/crypto';

export const PASS = 'mauve tractor quietly bends';
export const SELF = { id: 'sparekey-test', origin: 'chrome-extension://sparekey-test' };
export const POPUP: SenderLike = { id: SELF.id, url: `${SELF.origin}/popup.html` };

export function memoryKv(): KeyValue & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async <T>(k: string) => structuredClone(data.get(k)) as T | undefined,
    set: async (k, v) => void data.set(k, structuredClone(v)),
    remove: async (k) => void data.delete(k),
  };
}

/** A tab at a URL; tests move and close tabs to exercise the re-checks. */
export class FakeTabs implements TabsPort {
  urls = new Map<number, string>();
  activeTab: number | undefined;
  fills: Array<{ tabId: number; grant: FillGrant & { autoSubmit: boolean } }> = [];
  fillWorks = true;
  popupOpens = true;
  popups = 0;
  /** What each tab's page says it shows (page/state); a tab not listed is at a backup-code step. */
  steps = new Map<number, ChallengeMode | null>();
  /** The identifier each tab's login was started with, when the test sets one. */
  hints = new Map<number, string>();
  async pageState(tabId: number) {
    const challenge = this.steps.has(tabId) ? this.steps.get(tabId)! : 'backup';
    const hint = this.hints.get(tabId);
    return hint === undefined ? { challenge } : { challenge, accountHint: hint };
  }
  /** Tabs the page runtime was loaded into, in order. */
  runtimes: number[] = [];
  async loadRuntime(tabId: number) {
    this.runtimes.push(tabId);
  }
  async openPopup() {
    this.popups++;
    return this.popupOpens;
  }
  async url(tabId: number) {
    return this.urls.get(tabId);
  }
  async look(tabId: number) {
    if (!this.urls.has(tabId)) return undefined;
    return { url: this.urls.get(tabId)!, focused: this.activeTab === tabId };
  }
  async active() {
    if (this.activeTab === undefined) return undefined;
    const url = this.urls.get(this.activeTab);
    return url ? { id: this.activeTab, url } : { id: this.activeTab };
  }
  async fill(tabId: number, grant: FillGrant & { autoSubmit: boolean }) {
    this.fills.push({ tabId, grant });
    return this.fillWorks;
  }
}

export function contentSender(tabId: number, url: string, frameId = 0): SenderLike {
  return { id: SELF.id, url, frameId, tab: { id: tabId, url } };
}

export interface Rig {
  send<N extends MessageName>(type: N, body: Req<N>, sender?: SenderLike): Promise<Result<Res<N>>>;
  /** Like send, but fails the test unless the reply is ok. */
  ok<N extends MessageName>(type: N, body: Req<N>, sender?: SenderLike): Promise<Res<N>>;
  deps: BackgroundDeps;
  /** Submits on sites that answer with a new page, waiting for the tab's next load (load-verdicts.ts). */
  loads: AwaitedLoads;
  tabs: FakeTabs;
  session: KeyValue & { data: Map<string, unknown> };
  local: KeyValue & { data: Map<string, unknown> };
  factory: IDBFactory;
  clock: { now: number };
  changes: number;
  /** Alarms the background asked for: name → when. */
  alarms: Map<string, number>;
  /** Host patterns granted now (add https://pypi.org/* to let another site's page in). */
  granted: Set<string>;
  restart(): Rig;
}

export function makeRig(
  shared: {
    factory?: IDBFactory;
    session?: ReturnType<typeof memoryKv>;
    local?: ReturnType<typeof memoryKv>;
    tabs?: FakeTabs;
    clock?: { now: number };
    /** Host patterns the person granted (other sites' origins: the router's `other`). */
    granted?: Set<string>;
    /** Session's syncedHeader (sync's re-wrapped header from another device). */
    syncedHeader?: () => Promise<VaultHeader | undefined>;
  } = {},
): Rig {
  const factory = shared.factory ?? new IDBFactory();
  const session = shared.session ?? memoryKv();
  const local = shared.local ?? memoryKv();
  const tabs = shared.tabs ?? new FakeTabs();
  const clock = shared.clock ?? { now: Date.UTC(2026, 10, 22, 9) };
  const now = () => clock.now;
  let settings: Settings = mergeSettings(undefined);
  let autoFill: AutoFillPrefs = readAutoFillPrefs(undefined);
  const granted = shared.granted ?? new Set<string>();
  const rig = { changes: 0, alarms: new Map<string, number>(), granted } as Rig;
  const deps: BackgroundDeps = {
    session: new Session({
      openDb: () => openVaultDb({ indexedDB: factory }),
      keyCache: session,
      local,
      now,
      kdf: FAST_KDF,
      ...(shared.syncedHeader ? { syncedHeader: shared.syncedHeader } : {}),
    }),
    settings: {
      get: async () => settings,
      set: async (patch) => (settings = mergeSettings(settings, patch)),
    },
    autoFill: {
      get: async () => structuredClone(autoFill),
      set: async (prefs) => void (autoFill = structuredClone(prefs)),
    },
    tabs,
    sessionStore: session,
    queue: createQueue(),
    now,
    newId: createIdSource(now),
    changed: () => void (rig.changes += 1),
    wakeAt: (name, when) => void rig.alarms.set(name, when),
  };
  const { handlers, loads } = createHandlers(deps);
  // As main.ts: an origin no adapter lists is another site's (the generic detector's) while granted.
  const route = createRouter({ self: SELF, sites: SITES, handlers, other: grantedOtherSite(async (patterns) => patterns.every((p) => granted.has(p))) });
  Object.assign(rig, {
    deps,
    loads,
    tabs,
    session,
    local,
    factory,
    clock,
    send: (type: MessageName, body: unknown, sender: SenderLike = POPUP) => route({ type, body }, sender),
    async ok(type: MessageName, body: unknown, sender: SenderLike = POPUP) {
      const reply = await route({ type, body }, sender);
      if (!reply.ok) throw new Error(`${type} failed: ${reply.error.code}: ${reply.error.message}`);
      return reply.value;
    },
    restart: () => makeRig({ factory, session, local, tabs, clock, granted, ...(shared.syncedHeader ? { syncedHeader: shared.syncedHeader } : {}) }),
  });
  return rig;
}

/** A vault with one X account holding `codes` (12-character X codes). */
export async function rigWithX(codes: string[], label = '@alice'): Promise<{ rig: Rig; accountId: string }> {
  const rig = makeRig();
  await rig.ok('vault/create', { passphrase: PASS, confirm: PASS });
  const account = await rig.ok('accounts/add', { site: 'x', label });
  await rig.ok('codes/add', { accountId: account.id, values: codes, source: 'paste' });
  return { rig, accountId: account.id };
}

export const X_CODES = ['aaaa1111bbbb', 'cccc2222dddd', 'eeee3333ffff', 'gggg4444hhhh', 'iiii5555jjjj'];
export const LOGIN = 'https://x.com/i/flow/login';
