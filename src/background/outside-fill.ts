// "Fill next backup code" from outside the page: a keyboard command and a context-menu item on
// editable fields of supported sites. Both go through fillTab, i.e. the same checks as the chip.
import { browser, type Browser } from 'wxt/browser';
import { contentScriptMatches } from '../sites/index';
import type { BackgroundDeps } from './deps';
import { fillTab } from './handlers/captures';

export const FILL_COMMAND = 'fill-next-code';
const MENU_ID = 'sparekey-fill-next';

function asTab(tab: Browser.tabs.Tab | undefined) {
  return tab?.id === undefined ? undefined : { id: tab.id, ...(tab.url ? { url: tab.url } : {}) };
}

export function wireOutsideFill(deps: BackgroundDeps): void {
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: MENU_ID,
        title: 'Fill next backup code',
        contexts: ['editable'],
        documentUrlPatterns: contentScriptMatches(),
      }),
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    // Only the top frame: a subframe on x.com could be anyone's embed.
    if (info.menuItemId !== MENU_ID || (info.frameId ?? 0) !== 0) return;
    void fillTab(deps, asTab(tab)).catch(() => undefined);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== FILL_COMMAND) return;
    void (async () => fillTab(deps, asTab(tab) ?? (await deps.tabs.active())))().catch(() => undefined);
  });
}
