// The page runtime's entry (entrypoints/page-runtime.ts): picks the site adapter for this exact
// origin, starts the runtime, and answers the background's page/* messages. The background loads
// it into a tab's top frame when the always-on watcher (watch.ts) sees a page that could show a
// 2FA step or backup codes.
import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { send } from '../messages/client';
import { PAGE_SCHEMAS } from '../messages/schemas';
import { parse } from '../messages/validate';
import { adapterForOrigin } from '../sites/index';
import { genericAdapterFor } from '../sites/generic/gate';
import { documentOrigin } from './origin';
import { scopeOf } from './context';
import { ContentRuntime } from './runtime';

export function startContent(ctx: ContentScriptContext): void {
  // Loaded by the background into a tab's top frame only; checked again, as a frame on x.com
  // could be anyone's embed.
  if (window.top !== window) return;
  const origin = documentOrigin(window);
  // No site's own adapter: another site's account, read by the generic detector (the background
  // loaded this runtime only after finding an account with this exact origin).
  const adapter = origin ? (adapterForOrigin(origin) ?? genericAdapterFor(origin)) : undefined;
  if (!adapter) return;
  const runtime = new ContentRuntime({
    doc: document,
    adapter,
    scope: scopeOf(ctx.signal, window),
    send,
    normalize: (raw) => adapter.format.normalize(raw),
  });

  const onMessage = (message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined => {
    // Only our own extension talks to us this way (tabs.sendMessage from the background).
    if (sender.id !== browser.runtime.id) return undefined;
    if (typeof message !== 'object' || message === null) return undefined;
    const { type, body } = message as { type?: unknown; body?: unknown };
    // Checked like every message (schemas.ts); a malformed one is left unanswered, a fill refused.
    if (type === 'page/refresh') {
      if (!parse(PAGE_SCHEMAS['page/refresh'], body)) return undefined;
      runtime.refresh();
      return Promise.resolve(undefined);
    }
    if (type === 'page/state') return parse(PAGE_SCHEMAS['page/state'], body) ? Promise.resolve(runtime.pageState()) : undefined;
    if (type === 'page/fill') {
      const grant = parse(PAGE_SCHEMAS['page/fill'], body);
      return grant ? runtime.pageFill(grant) : Promise.resolve({ filled: false });
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  ctx.addEventListener(window, 'wxt:locationchange', () => runtime.schedule());
  runtime.start();
}
