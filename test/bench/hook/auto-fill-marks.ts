// Timing marks for auto-fill's round trip (issue 14), INSIDE the background of the bench build
// only (installed by ./background.ts): when a content/auto-fill request arrived, how long each
// port it waits on took (tabs, choices, settings), the sealed write of the reservation, and when
// the grant was ready. Times are absolute (performance.timeOrigin + now), so the bench can line
// them up with the page's own marks (test/bench/detection.ts); clocks of two processes agree to
// within about a millisecond, which the figures say.
import { browser } from 'wxt/browser';
import type { BackgroundDeps } from '../../../src/background/deps';
import { OpenVault } from '../../../src/background/open-vault';
import { VaultStore } from '../../../src/store/vault-store';

export interface Span {
  name: string;
  start: number;
  end: number;
}
export interface AutoFillMarks {
  /** The request reached the background's listener. */
  receivedAt: number;
  /** The grant was decided and written (deps.changed(), right before the reply). */
  grantedAt: number | null;
  spans: Span[];
  /** Other content-script messages since the previous one, within 5 s before it (e.g. the step's prompt-seen). */
  before: { type: string; at: number }[];
}

const at = () => performance.timeOrigin + performance.now();

export function installAutoFillMarks(deps: BackgroundDeps): { take(): AutoFillMarks[] } {
  const done: AutoFillMarks[] = [];
  let open: AutoFillMarks | null = null;

  let recent: { type: string; at: number }[] = [];
  browser.runtime.onMessage.addListener((message: unknown) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !type.startsWith('content/')) return undefined;
    const mode = (message as { body?: { mode?: unknown } }).body?.mode;
    const named = typeof mode === 'string' ? `${type} (${mode})` : type;
    const now = at();
    recent = recent.filter((m) => now - m.at < 5_000);
    if (type === 'content/auto-fill') {
      open = { receivedAt: now, grantedAt: null, spans: [], before: recent };
      done.push(open);
      recent = [];
    } else recent.push({ type: named, at: now });
    return undefined; // never answers: the router does
  });

  const timed = <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) =>
    async function (this: unknown, ...args: A): Promise<R> {
      const marks = open;
      const start = at();
      try {
        return await fn.apply(this, args);
      } finally {
        marks?.spans.push({ name, start, end: at() });
      }
    };

  const tabs = deps.tabs as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  for (const key of Object.keys(tabs)) tabs[key] = timed(`tabs.${key}`, tabs[key]!.bind(deps.tabs));
  deps.autoFill = { ...deps.autoFill, get: timed('autoFill.get', deps.autoFill.get.bind(deps.autoFill)) };
  deps.settings = { ...deps.settings, get: timed('settings.get', deps.settings.get.bind(deps.settings)) };
  const applyAll = OpenVault.prototype.applyAll;
  OpenVault.prototype.applyAll = timed('vault.applyAll', applyAll);
  const commit = VaultStore.prototype.commit;
  VaultStore.prototype.commit = timed('store.commit (seal + IndexedDB)', commit);
  const changed = deps.changed;
  deps.changed = () => {
    if (open && open.grantedAt === null) {
      open.grantedAt = at();
      open = null;
    }
    changed();
  };

  return { take: () => done.splice(0) };
}
