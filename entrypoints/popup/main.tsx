import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from '../../src/ui/App';
import '../../src/ui/styles.css';

// Glue only: the language and direction of the page, then the app. popup.html#sheet is the
// printable sheet, opened in its own tab.
document.documentElement.lang = browser.i18n.getUILanguage();
document.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') || 'ltr';
document.title = browser.i18n.getMessage('appName');
render(<App page={location.hash === '#sheet' ? 'sheet' : 'popup'} />, document.getElementById('app')!);
