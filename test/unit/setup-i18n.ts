// WXT's fake browser (what wxt/browser is in unit tests) throws "not implemented" for i18n; give
// it the English messages, so code that words its text through browser.i18n runs as it does in
// an English browser. Test files that mock wxt/browser themselves bring the same i18n.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { i18n } from './i18n-en';

Object.assign(fakeBrowser.i18n, i18n);
