// Background → a tab's page runtime (page/*; content/main.ts answers). Only the top frame runs the
// page runtime, so only it is asked. The answer comes from a page's renderer, which may be
// compromised: it is checked like any message, and a malformed one counts as no answer.
import { browser } from 'wxt/browser';
import type { PageMessageName, PageReq, PageRes } from './protocol';
import { PAGE_REPLIES } from './schemas';
import { parse } from './validate';

/** Rejects as tabs.sendMessage does (no page runtime in the tab); undefined for a malformed answer. */
export async function sendToPage<N extends PageMessageName>(tabId: number, type: N, body: PageReq<N>): Promise<PageRes<N> | undefined> {
  const reply: unknown = await browser.tabs.sendMessage(tabId, { type, body }, { frameId: 0 });
  return parse(PAGE_REPLIES[type] as (v: unknown, path: string) => PageRes<N>, reply, 'reply') ?? undefined;
}
