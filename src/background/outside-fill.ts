// "Fill next backup code" from outside the page: a keyboard command and a context-menu item on
// editable fields of supported sites. Both go through fillTab, i.e. the same checks as the chip:
// the tab's top frame only, the exact site origin of the tab as the browser reports it (never the
// click's pageUrl/frameUrl), the tab re-read right before the code is released, and a code handed
// back unburnt when the tab has no 2FA field to fill.
import { browser, type Browser } from 'wxt/browser';
import { msg } from '../i18n';
import type { ProtocolError } from '../messages/protocol';
import { contentScriptMatches } from '../sites/index';
import type { BackgroundDeps } from './deps';
import { Refusal, toProtocolError } from './errors';
import { fillTab } from './fills';

export const FILL_COMMAND = 'fill-next-code';
export const FILL_MENU_ID = 'sparekey-fill-next';

/** What one press of the command or one click on the menu item came to. */
export type OutsideFill =
  | { kind: 'ignored' }
  | { kind: 'filled'; seq: number }
  | { kind: 'refused'; error: ProtocolError };

/** The menu item: editable fields, on the documents of sites whose pages Sparekey reads. */
export function fillMenuItem() {
  return {
    id: FILL_MENU_ID,
    title: msg('fillNextCode'),
    contexts: ['editable'],
    documentUrlPatterns: contentScriptMatches(),
  } satisfies Browser.contextMenus.CreateProperties;
}

type Tab = { id?: number; url?: string } | undefined;

function asTab(tab: Tab) {
  return tab?.id === undefined ? undefined : { id: tab.id, ...(tab.url ? { url: tab.url } : {}) };
}

async function fill(deps: BackgroundDeps, tabOf: () => Promise<{ id: number; url?: string } | undefined>): Promise<OutsideFill> {
  try {
    return { kind: 'filled', ...(await fillTab(deps, await tabOf())) };
  } catch (e) {
    const error = toProtocolError(e);
    // A locked (or not yet created) vault: the person asked for a code, so show them where to
    // unlock. Best effort: Firefox opens the popup only inside the input handler's own turn.
    if (error.code === 'locked' || error.code === 'no-vault') await deps.tabs.openPopup().catch(() => false);
    return { kind: 'refused', error };
  }
}

/**
 * A click on the menu item. Only a click in the tab's top frame counts: a subframe on x.com could
 * be anyone's embed, and a click without a frameId (Firefox: outside the page) proves nothing.
 * The origin is the tab's, as the browser reports it; the click info's URLs are not read.
 */
export function fillFromMenu(
  deps: BackgroundDeps,
  info: { menuItemId: string | number; frameId?: number },
  tab: Tab,
): Promise<OutsideFill> {
  if (info.menuItemId !== FILL_MENU_ID) return Promise.resolve({ kind: 'ignored' });
  if (info.frameId !== 0)
    return Promise.resolve({
      kind: 'refused',
      error: toProtocolError(new Refusal('not-allowed', msg('bgFrameRefused'))),
    });
  return fill(deps, async () => asTab(tab));
}

/** The keyboard command: the tab the browser names, else the focused window's active tab. */
export function fillFromCommand(deps: BackgroundDeps, command: string, tab: Tab): Promise<OutsideFill> {
  if (command !== FILL_COMMAND) return Promise.resolve({ kind: 'ignored' });
  return fill(deps, async () => asTab(tab) ?? (await deps.tabs.active()));
}

export function wireOutsideFill(deps: BackgroundDeps): void {
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus
      .removeAll()
      .then(() => browser.contextMenus.create(fillMenuItem()))
      .catch(() => undefined);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => void fillFromMenu(deps, info, tab));
  browser.commands.onCommand.addListener((command, tab) => void fillFromCommand(deps, command, tab));
}
