// wxt/browser with only i18n (the English messages), for jsdom test files of code that words its
// text through browser.i18n: WXT's fake browser module pulls in Vite and esbuild, which refuse to
// load under jsdom. Such a file says
//   vi.mock('wxt/browser', () => import('../i18n-browser'));
import { i18n } from './i18n-en';

export const browser = { i18n };
export default browser;
