// What the page runtime's parts (detection.ts, chip.ts, capture-banner.ts, outcome-report.ts)
// share: the page, its site adapter, the scope everything they start lives in, and the way to the
// background. Passed in, so each part can be tested with fakes.
import type { ContentRequests, Result } from '../messages/protocol';
import type { SiteAdapter } from '../sites/types';
import type { Waiter } from './fill';
import type { PanelLike } from './ui';

export interface Scope {
  readonly signal: AbortSignal;
  /** Runs fn after ms unless the scope ended; returns a cancel function. */
  setTimeout(fn: () => void, ms: number): () => void;
  /** Runs fn on the next animation frame unless the scope ended. */
  frame(fn: () => void): void;
}

export type Send = <N extends keyof ContentRequests>(
  type: N,
  body: ContentRequests[N]['req'],
) => Promise<Result<ContentRequests[N]['res']>>;

export interface PageContext {
  doc: Document;
  adapter: SiteAdapter;
  scope: Scope;
  send: Send;
  /** The page's URL as the last scan saw it (updated when location.href changes). */
  url(): URL;
  /** A new inline panel (the chip, or the capture banner). */
  panel(kind: 'chip' | 'banner'): PanelLike;
}

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

/** A Waiter on the scope's timers: polls fn every 50 ms until it returns something truthy; null on timeout or shutdown. */
export function waiterOf(scope: Scope): Waiter {
  return {
    until<T>(fn: () => T | null | undefined | false, timeoutMs: number): Promise<T | null> {
      return new Promise((resolve) => {
        const deadline = Date.now() + timeoutMs;
        const tick = () => {
          if (scope.signal.aborted) return resolve(null);
          const value = fn();
          if (value) return resolve(value);
          if (Date.now() >= deadline) return resolve(null);
          scope.setTimeout(tick, 50);
        };
        tick();
        scope.signal.addEventListener('abort', () => resolve(null), { once: true });
      });
    },
  };
}

/** Waits ms on the scope's timers (never resolves once the scope ended: nothing more should run). */
export const sleepOf = (scope: Scope) => (ms: number) => new Promise<void>((resolve) => scope.setTimeout(resolve, ms));
