// "Fill next backup code" from the keyboard command and the context menu (src/background/outside-fill.ts),
// with fakes for the browser events it listens to and the rig's background behind them. Both
// paths must pass the checks the inline chip passes: the tab's top frame only, the exact site
// origin of the tab as the browser reports it (never the click's URLs), a clear refusal when
// locked, and nothing reserved when the tab has no 2FA field to fill.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FILL_COMMAND,
  FILL_MENU_ID,
  fillFromCommand,
  fillFromMenu,
  fillMenuItem,
  wireOutsideFill,
} from '../../../src/background/outside-fill';
import { LOGIN, PASS, X_CODES, makeRig, rigWithX, type Rig } from './rig';

type Listener = (...args: never[]) => unknown;
const fake = vi.hoisted(() => {
  const event = () => {
    const listeners: Listener[] = [];
    return {
      listeners,
      addListener: (l: Listener) => void listeners.push(l),
      fire: (...args: unknown[]) => listeners.forEach((l) => (l as (...a: unknown[]) => unknown)(...args)),
    };
  };
  const created: unknown[] = [];
  const browser = {
    runtime: { onInstalled: event() },
    contextMenus: {
      removeAll: async () => void created.splice(0),
      create: (props: unknown) => void created.push(props),
      onClicked: event(),
    },
    commands: { onCommand: event() },
  };
  return { browser, created };
});
vi.mock('wxt/browser', async () => {
  // The menu item's title and every refusal are worded through browser.i18n.
  const { i18n } = await import('../i18n-en');
  const browser = { ...fake.browser, i18n };
  return { browser, default: browser };
});


const TAB = 7;
const tabAt = (url: string, id = TAB) => ({ id, url });
const menuClick = (frameId: number | undefined, urls: { pageUrl?: string; frameUrl?: string } = {}) => ({
  menuItemId: FILL_MENU_ID,
  editable: true,
  ...(frameId === undefined ? {} : { frameId }),
  ...urls,
});

async function counts(rig: Rig, accountId: string) {
  return (await rig.ok('accounts/get', { accountId })).counts;
}

/** A vault with X codes and tab TAB on X's login (the content script fills whatever it is sent). */
async function onLogin(url = LOGIN) {
  const { rig, accountId } = await rigWithX(X_CODES.slice(0, 3));
  rig.tabs.urls.set(TAB, url);
  rig.tabs.activeTab = TAB;
  return { rig, accountId };
}

/** Nothing handed out: no code reserved, none sent to a tab, #1 still the next one. */
async function expectNothingReserved(rig: Rig, accountId: string) {
  expect(rig.tabs.fills).toEqual([]);
  expect(await counts(rig, accountId)).toMatchObject({ unused: 3, reserved: 0, used: 0 });
}

describe('the menu item', () => {
  it('is offered on editable fields only, on documents of the sites whose pages Sparekey reads (X: https, three hosts; GitHub, Google, GitLab, Proton and the Mozilla account once granted)', () => {
    const item = fillMenuItem();
    expect(item).toMatchObject({ id: FILL_MENU_ID, title: 'Fill next backup code', contexts: ['editable'] });
    // The browser shows an item only where the extension has host access, so GitHub's, Google's, GitLab's, Proton's and the Mozilla account's patterns count once the person allowed them.
    expect(item.documentUrlPatterns).toEqual([
      'https://x.com/*',
      'https://twitter.com/*',
      'https://mobile.twitter.com/*',
      'https://github.com/*',
      'https://accounts.google.com/*',
      'https://myaccount.google.com/*',
      'https://gitlab.com/*',
      'https://account.proton.me/*',
      'https://accounts.firefox.com/*',
    ]);
  });

  it('is created once when the extension is installed or updated, replacing any older one', async () => {
    const { rig } = await onLogin();
    fake.browser.runtime.onInstalled.listeners.splice(0);
    fake.created.splice(0, fake.created.length, { id: 'stale' });
    wireOutsideFill(rig.deps);
    fake.browser.runtime.onInstalled.fire({ reason: 'update' });
    await vi.waitFor(() => expect(fake.created).toEqual([fillMenuItem()]));
  });
});

describe('the listeners', () => {
  let rig: Rig;
  let accountId: string;
  beforeEach(async () => {
    ({ rig, accountId } = await onLogin());
    fake.browser.contextMenus.onClicked.listeners.splice(0);
    fake.browser.commands.onCommand.listeners.splice(0);
    wireOutsideFill(rig.deps);
  });

  it('fills the next code into the tab when the menu item is clicked in the top frame', async () => {
    fake.browser.contextMenus.onClicked.fire(menuClick(0), tabAt(LOGIN));
    await vi.waitFor(() => expect(rig.tabs.fills).toHaveLength(1));
    expect(rig.tabs.fills[0]).toMatchObject({ tabId: TAB, grant: { value: X_CODES[0], seq: 1 } });
  });

  it('fills the next code into the tab when the command is pressed', async () => {
    fake.browser.commands.onCommand.fire(FILL_COMMAND, tabAt(LOGIN));
    await vi.waitFor(() => expect(rig.tabs.fills).toHaveLength(1));
    expect(rig.tabs.fills[0]).toMatchObject({ tabId: TAB, grant: { value: X_CODES[0], seq: 1 } });
  });

  it('ignores other menu items and other commands', async () => {
    fake.browser.contextMenus.onClicked.fire({ ...menuClick(0), menuItemId: 'someone-else' }, tabAt(LOGIN));
    fake.browser.commands.onCommand.fire('_execute_action', tabAt(LOGIN));
    expect(await fillFromMenu(rig.deps, { menuItemId: 'someone-else', frameId: 0 }, tabAt(LOGIN))).toEqual({ kind: 'ignored' });
    expect(await fillFromCommand(rig.deps, '_execute_action', tabAt(LOGIN))).toEqual({ kind: 'ignored' });
    await expectNothingReserved(rig, accountId);
  });

  it('turns a failure to find the active tab into a refusal, not an unhandled rejection', async () => {
    rig.tabs.active = async () => {
      throw new Error('no window');
    };
    expect(await fillFromCommand(rig.deps, FILL_COMMAND, undefined)).toMatchObject({ kind: 'refused', error: { code: 'internal' } });
  });
});

describe('a click on the menu item', () => {
  it('fills in the top frame (frameId 0) and reports the code\'s number', async () => {
    const { rig, accountId } = await onLogin();
    expect(await fillFromMenu(rig.deps, menuClick(0), tabAt(LOGIN))).toEqual({ kind: 'filled', seq: 1 });
    expect(await counts(rig, accountId)).toMatchObject({ unused: 2, reserved: 1 });
  });

  it.each([
    ['a subframe', 3],
    ['a click without a frameId', undefined],
  ])('in %s: refused, nothing reserved, nothing sent to the tab', async (_what, frameId) => {
    const { rig, accountId } = await onLogin();
    const result = await fillFromMenu(rig.deps, menuClick(frameId, { frameUrl: LOGIN, pageUrl: LOGIN }), tabAt(LOGIN));
    expect(result).toMatchObject({ kind: 'refused', error: { code: 'not-allowed' } });
    await expectNothingReserved(rig, accountId);
  });

  it('takes the origin from the tab, not from the click\'s pageUrl or frameUrl', async () => {
    const { rig, accountId } = await onLogin('https://x.com.evil.test/i/flow/login');
    const claimsX = menuClick(0, { pageUrl: LOGIN, frameUrl: LOGIN });
    expect(await fillFromMenu(rig.deps, claimsX, tabAt('https://x.com.evil.test/i/flow/login'))).toMatchObject({
      kind: 'refused',
      error: { code: 'not-allowed' },
    });
    await expectNothingReserved(rig, accountId);
    // And the other way round: a tab on X whose click info names another page still fills X.
    rig.tabs.urls.set(TAB, LOGIN);
    const claimsEvil = menuClick(0, { pageUrl: 'https://evil.test/', frameUrl: 'https://evil.test/' });
    expect(await fillFromMenu(rig.deps, claimsEvil, tabAt(LOGIN))).toEqual({ kind: 'filled', seq: 1 });
  });

  it('re-reads the tab: a tab object saying x.com for a tab now elsewhere gets nothing', async () => {
    const { rig, accountId } = await onLogin('https://evil.test/i/flow/login');
    expect(await fillFromMenu(rig.deps, menuClick(0), tabAt(LOGIN))).toMatchObject({ kind: 'refused', error: { code: 'not-allowed' } });
    await expectNothingReserved(rig, accountId);
  });
});

describe('the keyboard command', () => {
  it('fills the tab the browser names, not merely the active one', async () => {
    const { rig } = await onLogin();
    rig.tabs.urls.set(9, 'https://evil.test/');
    rig.tabs.activeTab = 9;
    expect(await fillFromCommand(rig.deps, FILL_COMMAND, tabAt(LOGIN))).toEqual({ kind: 'filled', seq: 1 });
    expect(rig.tabs.fills.map((f) => f.tabId)).toEqual([TAB]);
  });

  it('falls back to the focused window\'s active tab when the browser names none', async () => {
    const { rig } = await onLogin();
    expect(await fillFromCommand(rig.deps, FILL_COMMAND, undefined)).toEqual({ kind: 'filled', seq: 1 });
    expect(rig.tabs.fills.map((f) => f.tabId)).toEqual([TAB]);
  });

  it.each([
    'https://x.com.evil.test/i/flow/login',
    'https://evil.test/i/flow/login',
    'http://x.com/i/flow/login',
    'https://x.com:8443/i/flow/login',
    'https://xn--j1a.com/i/flow/login',
    'https://sub.x.com/i/flow/login',
    'https://gitlab.com.evil.test/users/sign_in',
    'https://discord.com/login',
    'https://github.com.evil.test/sessions/two-factor/recovery',
    'chrome-extension://sparekey-test/popup.html',
  ])('on %s: refused as not a site Sparekey fills, nothing reserved', async (url) => {
    const { rig, accountId } = await onLogin(url);
    expect(await fillFromCommand(rig.deps, FILL_COMMAND, tabAt(url))).toMatchObject({ kind: 'refused', error: { code: 'not-allowed' } });
    await expectNothingReserved(rig, accountId);
  });

  it('refuses clearly when the tab has no 2FA field: the code goes back unburnt, and is the next one again', async () => {
    const { rig, accountId } = await onLogin('https://x.com/home');
    rig.tabs.fillWorks = false;
    const result = await fillFromCommand(rig.deps, FILL_COMMAND, tabAt('https://x.com/home'));
    expect(result).toMatchObject({ kind: 'refused', error: { code: 'not-found', message: 'No two-factor code field on this tab to fill.' } });
    expect(await counts(rig, accountId)).toMatchObject({ unused: 3, reserved: 0, used: 0 });
    rig.tabs.fillWorks = true;
    rig.tabs.urls.set(TAB, LOGIN);
    expect(await fillFromCommand(rig.deps, FILL_COMMAND, tabAt(LOGIN))).toEqual({ kind: 'filled', seq: 1 });
  });

  it('never hands a second tab a code while X (ordered) has one out in another', async () => {
    const { rig, accountId } = await onLogin();
    rig.tabs.urls.set(8, LOGIN);
    expect(await fillFromCommand(rig.deps, FILL_COMMAND, tabAt(LOGIN))).toEqual({ kind: 'filled', seq: 1 });
    expect(await fillFromMenu(rig.deps, menuClick(0), tabAt(LOGIN, 8))).toMatchObject({ kind: 'refused', error: { code: 'conflict' } });
    expect(await counts(rig, accountId)).toMatchObject({ unused: 2, reserved: 1 });
  });
});

describe('a locked vault', () => {
  it.each(['command', 'menu'] as const)('the %s is refused with "locked", reserves and sends nothing, and opens the popup to unlock', async (how) => {
    const { rig, accountId } = await onLogin();
    await rig.ok('vault/lock', {});
    const result =
      how === 'command'
        ? await fillFromCommand(rig.deps, FILL_COMMAND, tabAt(LOGIN))
        : await fillFromMenu(rig.deps, menuClick(0), tabAt(LOGIN));
    expect(result).toEqual({
      kind: 'refused',
      error: { code: 'locked', message: 'Sparekey is locked. Unlock it from the toolbar button.' },
    });
    expect(rig.tabs.popups).toBe(1);
    await rig.ok('vault/unlock', { passphrase: PASS });
    await expectNothingReserved(rig, accountId);
  });

  it('with no vault yet: refused with "no-vault", and the popup opens to create one', async () => {
    const rig = makeRig();
    rig.tabs.urls.set(TAB, LOGIN);
    expect(await fillFromCommand(rig.deps, FILL_COMMAND, tabAt(LOGIN))).toMatchObject({ kind: 'refused', error: { code: 'no-vault' } });
    expect(rig.tabs.popups).toBe(1);
    expect(rig.tabs.fills).toEqual([]);
  });

  it('does not open the popup for other refusals', async () => {
    const { rig } = await onLogin('https://evil.test/');
    await fillFromCommand(rig.deps, FILL_COMMAND, tabAt('https://evil.test/'));
    expect(rig.tabs.popups).toBe(0);
  });
});
