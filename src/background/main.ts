import { browser } from 'wxt/browser';

export function startBackground(): void {
  browser.runtime.onMessage.addListener((msg: unknown) => {
    if ((msg as { type?: string })?.type === 'ping') return Promise.resolve({ ok: true, value: 'pong' });
    return undefined;
  });
}
