import { describe, expect, it } from 'vitest';
import { checkContentSender, checkPageSender, type SenderLike } from '../../../src/background/sender';
import { PAGE_SITES as SITES } from '../../../src/sites/index';

const self = { id: 'our-id', origin: 'chrome-extension://our-id' };
const popup = 'chrome-extension://our-id/popup.html';
const tab = (id: number, url: string) => ({ id, url });

type Row = [name: string, sender: SenderLike, page: boolean, content: string | false];

// Each row: who sent it, whether a vault command is accepted, and the origin a content command is
// accepted for (false = refused).
const rows: Row[] = [
  ['our popup', { id: 'our-id', url: popup }, true, false],
  ['our vault page in a tab', { id: 'our-id', url: 'chrome-extension://our-id/vault.html', frameId: 0, tab: tab(3, 'chrome-extension://our-id/vault.html') }, true, false],
  ['our offscreen document', { id: 'our-id', url: 'chrome-extension://our-id/offscreen.html' }, true, false],
  ['our page framed inside a web page', { id: 'our-id', url: popup, frameId: 4, tab: tab(3, 'https://evil.test/') }, false, false],
  ['our page as top frame of a tab whose URL is a web page', { id: 'our-id', url: popup, frameId: 0, tab: tab(3, 'https://evil.test/') }, false, false],
  ['another extension page', { id: 'other-id', url: 'chrome-extension://other-id/popup.html' }, false, false],
  ['another extension claiming our URL', { id: 'other-id', url: popup }, false, false],
  ['another extension content script on x.com', { id: 'other-id', url: 'https://x.com/i/flow/login', frameId: 0, tab: tab(1, 'https://x.com/i/flow/login') }, false, false],
  ['a web page with no id', { url: 'https://x.com/i/flow/login', frameId: 0, tab: tab(1, 'https://x.com/i/flow/login') }, false, false],
  ['our content script on x.com', { id: 'our-id', url: 'https://x.com/i/flow/login', origin: 'https://x.com', frameId: 0, tab: tab(1, 'https://x.com/i/flow/login') }, false, 'https://x.com'],
  ['our content script on twitter.com', { id: 'our-id', url: 'https://twitter.com/i/flow/login', frameId: 0, tab: tab(1, 'https://twitter.com/i/flow/login') }, false, 'https://twitter.com'],
  ['our content script on mobile.twitter.com', { id: 'our-id', url: 'https://mobile.twitter.com/i/flow/login', frameId: 0, tab: tab(1, 'https://mobile.twitter.com/i/flow/login') }, false, 'https://mobile.twitter.com'],
  ['x.com on the explicit default port', { id: 'our-id', url: 'https://x.com:443/i/flow/login', frameId: 0, tab: tab(1, 'https://x.com/i/flow/login') }, false, 'https://x.com'],
  ['x.com on another port', { id: 'our-id', url: 'https://x.com:8443/i/flow/login', frameId: 0, tab: tab(1, 'https://x.com:8443/i/flow/login') }, false, false],
  ['our content script in a subframe of x.com', { id: 'our-id', url: 'https://x.com/embed', frameId: 7, tab: tab(1, 'https://x.com/home') }, false, false],
  ['no frameId at all', { id: 'our-id', url: 'https://x.com/i/flow/login', tab: tab(1, 'https://x.com/i/flow/login') }, false, false],
  ['no tab', { id: 'our-id', url: 'https://x.com/i/flow/login', frameId: 0 }, false, false],
  ['a tab with a negative id (devtools, prerender)', { id: 'our-id', url: 'https://x.com/i/flow/login', frameId: 0, tab: tab(-1, 'https://x.com/i/flow/login') }, false, false],
  ['http://x.com', { id: 'our-id', url: 'http://x.com/i/flow/login', frameId: 0, tab: tab(1, 'http://x.com/i/flow/login') }, false, false],
  ['https://x.com.evil.test', { id: 'our-id', url: 'https://x.com.evil.test/i/flow/login', frameId: 0, tab: tab(1, 'https://x.com.evil.test/i/flow/login') }, false, false],
  ['https://twitter.com.evil.test', { id: 'our-id', url: 'https://twitter.com.evil.test/', frameId: 0, tab: tab(1, 'https://twitter.com.evil.test/') }, false, false],
  ['https://evil.test/x.com', { id: 'our-id', url: 'https://evil.test/x.com', frameId: 0, tab: tab(1, 'https://evil.test/x.com') }, false, false],
  ['a subdomain of x.com not listed', { id: 'our-id', url: 'https://api.x.com/', frameId: 0, tab: tab(1, 'https://api.x.com/') }, false, false],
  ['x.com with a trailing dot', { id: 'our-id', url: 'https://x.com./i/flow/login', frameId: 0, tab: tab(1, 'https://x.com./i/flow/login') }, false, false],
  ['a punycode lookalike (Cyrillic х)', { id: 'our-id', url: 'https://\u0445.com/i/flow/login', frameId: 0, tab: tab(1, 'https://\u0445.com/i/flow/login') }, false, false],
  ['a punycode lookalike of twitter', { id: 'our-id', url: 'https://xn--twtter-ygb.com/', frameId: 0, tab: tab(1, 'https://xn--twtter-ygb.com/') }, false, false],
  ['credentials in the URL of a lookalike', { id: 'our-id', url: 'https://x.com@evil.test/', frameId: 0, tab: tab(1, 'https://x.com@evil.test/') }, false, false],
  ['file:', { id: 'our-id', url: 'file:///home/x.com/login.html', frameId: 0, tab: tab(1, 'file:///home/x.com/login.html') }, false, false],
  ['data:', { id: 'our-id', url: 'data:text/html,<input>', frameId: 0, tab: tab(1, 'data:text/html,<input>') }, false, false],
  ['about:blank in an x.com tab', { id: 'our-id', url: 'about:blank', frameId: 0, tab: tab(1, 'https://x.com/') }, false, false],
  ['about:srcdoc', { id: 'our-id', url: 'about:srcdoc', frameId: 0, tab: tab(1, 'https://x.com/') }, false, false],
  ['blob: URL of x.com', { id: 'our-id', url: 'blob:https://x.com/0b5c', frameId: 0, tab: tab(1, 'https://x.com/') }, false, 'https://x.com'],
  ['a tab whose URL changed since it asked', { id: 'our-id', url: 'https://x.com/i/flow/login', frameId: 0, tab: tab(1, 'https://evil.test/') }, false, false],
  ['a tab with no URL visible to us', { id: 'our-id', url: 'https://x.com/i/flow/login', frameId: 0, tab: { id: 1 } }, false, false],
  ['sender.origin that disagrees with its URL', { id: 'our-id', url: 'https://x.com/i/flow/login', origin: 'https://evil.test', frameId: 0, tab: tab(1, 'https://x.com/') }, false, false],
  ['our popup in a tab, posing as a content script', { id: 'our-id', url: popup, frameId: 0, tab: tab(1, popup) }, true, false],
  ['an empty sender', {}, false, false],
];

describe('sender checks', () => {
  it('has a table of at least 20 senders', () => {
    expect(rows.length).toBeGreaterThanOrEqual(20);
  });

  it.each(rows)('%s: vault commands %s', (_name, sender, page) => {
    expect(checkPageSender(sender, self).ok).toBe(page);
  });

  it.each(rows)('%s: content commands', (_name, sender, _page, content) => {
    const verdict = checkContentSender(sender, self, SITES);
    if (content === false) {
      expect(verdict.ok).toBe(false);
      if (!verdict.ok) expect(verdict.reason).toMatch(/\S/);
    } else {
      expect(verdict).toMatchObject({ ok: true, kind: 'content', origin: content, site: { id: 'x' } });
    }
  });
});
