import { render } from 'preact';
import { browser } from 'wxt/browser';
import { textLanguage } from '../../src/i18n';
import { send } from '../../src/messages/client';
import { App } from '../../src/ui/App';
import { prefetching } from '../../src/ui/prefetch';
import '../../src/ui/styles.css';

// Glue only: the popup's first questions on their way, the language and direction of the page,
// then the app. popup.html#sheet is the printable sheet, opened in its own tab.
const page = location.hash === '#sheet' ? 'sheet' : 'popup';
const client = page === 'popup' ? prefetching(send) : send;
// The messages' language, not the UI language: a screen reader reads English text as English.
Object.assign(document.documentElement, textLanguage());
document.title = browser.i18n.getMessage('appName');
render(<App page={page} send={client} />, document.getElementById('app')!);
