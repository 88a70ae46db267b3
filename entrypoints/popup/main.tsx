import { render } from 'preact';
import { browser } from 'wxt/browser';
import { textLanguage } from '../../src/i18n';
import type { MessageName, Result } from '../../src/messages/protocol';
import { send, settle } from '../../src/messages/client';
import { App } from '../../src/ui/App';
import { takeEarly } from '../../src/ui/early-asks';
import { prefetching } from '../../src/ui/prefetch';
import '../../src/ui/styles.css';

// Glue only: the popup's first questions (sent by popup-early.js before this script, or now), the
// language and direction of the page, then the app. popup.html#sheet is the printable sheet,
// opened in its own tab.
const page = location.hash === '#sheet' ? 'sheet' : 'popup';
/** The longest the popup stays blank for its first answers before it shows "Loading…". */
const FIRST_ANSWERS_MS = 100;
const sent = new Map<MessageName, Promise<Result<unknown>>>([...(takeEarly() ?? [])].map(([type, raw]) => [type, settle(raw)]));
const early = page === 'popup' ? prefetching(send, undefined, sent) : undefined;
// The messages' language, not the UI language: a screen reader reads English text as English.
Object.assign(document.documentElement, textLanguage());
document.title = browser.i18n.getMessage('appName');
const draw = () => render(<App page={page} send={early?.send ?? send} />, document.getElementById('app')!);
if (early) void early.answered(FIRST_ANSWERS_MS).then(draw);
else draw();
