// The content script's entry: picks the site adapter for this exact origin, starts the page
// runtime, and answers the background's page/* messages. Runs in the top frame only.
import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { send } from '../messages/client';
import { adapterForOrigin } from '../sites/index';
import { ContentRuntime, type PageFill, type Scope } from './runtime';

/**
 * A Scope over the context's signal. WXT's ctx.setTimeout/requestAnimationFrame add an abort
 * listener per call that is never removed; at one scan per frame on a busy page that would grow
 * without bound, so callbacks here just check the signal instead.
 */
export function scopeOf(signal: AbortSignal, win: Window): Scope {
  return {
    signal,
    setTimeout(fn, ms) {
      const id = win.setTimeout(() => {
        if (!signal.aborted) fn();
      }, ms);
      return () => win.clearTimeout(id);
    },
    frame(fn) {
      win.requestAnimationFrame(() => {
        if (!signal.aborted) fn();
      });
    },
  };
}

/** The body of a page/fill, checked field by field (the sender is our background, still). */
export function parsePageFill(body: unknown): PageFill | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  if (typeof b.value !== 'string' || !b.value || b.value.length > 128) return null;
  if (typeof b.reservationId !== 'string' || !b.reservationId) return null;
  if (typeof b.accountId !== 'string' || typeof b.seq !== 'number') return null;
  return { value: b.value, reservationId: b.reservationId, accountId: b.accountId, seq: b.seq, autoSubmit: b.autoSubmit === true };
}

/**
 * The origin this document really has, or null when it is opaque. location.origin reads the URL:
 * a page x.com serves with a CSP `sandbox` header (how sites host untrusted HTML on their own
 * host) has x.com's URL but an opaque origin, and is not X's page (issue 7, item 2).
 */
export function documentOrigin(win: { origin: string; location: { origin: string } }): string | null {
  const origin = win.origin;
  return origin !== 'null' && origin === win.location.origin ? origin : null;
}

export function startContent(ctx: ContentScriptContext): void {
  // The e2e smoke test looks for this mark to know the script ran (test/e2e/harness/extension.ts).
  document.documentElement.dataset.sparekey = 'present';
  // Top frame only (the manifest says so too): a frame on x.com could be anyone's embed.
  if (window.top !== window) return;
  const origin = documentOrigin(window);
  const adapter = origin ? adapterForOrigin(origin) : undefined;
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
    if (type === 'page/refresh') {
      runtime.refresh();
      return Promise.resolve(undefined);
    }
    if (type === 'page/fill') {
      const grant = parsePageFill(body);
      return grant ? runtime.pageFill(grant) : Promise.resolve({ filled: false });
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  ctx.addEventListener(window, 'wxt:locationchange', () => runtime.schedule());
  runtime.start();
}
