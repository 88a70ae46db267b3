// The browser this build runs in, for the extension's own code (not wxt.config.ts, which runs in Node).
import { onRequestSitesIn } from './index';
import type { BrowserFamily } from './types';

export const THIS_BROWSER: BrowserFamily = import.meta.env.FIREFOX ? 'firefox' : 'chrome';

/** The on-request sites this browser lets Sparekey read: what the popup offers and the background registers. */
export const ON_REQUEST_HERE = onRequestSitesIn(THIS_BROWSER);
