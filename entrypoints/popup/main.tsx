import { render } from 'preact';
import { browser } from 'wxt/browser';
import { send } from '../../src/messages/client';
import { App } from '../../src/ui/App';
import { prefetching } from '../../src/ui/prefetch';
import '../../src/ui/styles.css';

// Glue only: the popup's first questions on their way, the language and direction of the page,
// then the app. popup.html#sheet is the printable sheet, opened in its own tab.
const page = location.hash === '#sheet' ? 'sheet' : 'popup';
const client = page === 'popup' ? prefetching(send) : send;
document.documentElement.lang = browser.i18n.getUILanguage();
document.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') || 'ltr';
document.title = browser.i18n.getMessage('appName');
render(<App page={page} send={client} />, document.getElementById('app')!);
