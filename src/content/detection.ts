// When the page runtime looks at the page: one MutationObserver whose callback only schedules, and
// at most one scan per animation frame. A page that is not a candidate (not the login flow, not the
// backup-code screen) costs a string comparison of location.href per frame with changes, and
// nothing more. On a candidate page a batch that adds elements is scanned at once (a few per frame
// at most), so the chip lands in the same rendering update as X's input instead of a frame later.
import type { SiteAdapter } from '../sites/types';
import type { Scope } from './context';

/** Scans per frame run straight from the observer on a candidate page; the rest wait for the frame. */
const EAGER_SCANS_PER_FRAME = 3;

function addsElement(records: MutationRecord[]): boolean {
  for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) return true;
  return false;
}

export interface DetectionOptions {
  doc: Document;
  scope: Scope;
  adapter: Pick<SiteAdapter, 'isCandidate'>;
  /** One scan: what the page shows at `url`; `candidate` is the adapter's cheap pre-check of it. */
  scan(url: URL, candidate: boolean): void;
  /** Whether an inline panel is up: scrolling only moves panels, so it needs no scan without one. */
  panelsUp(): boolean;
}

export class Detection {
  readonly #o: DetectionOptions;
  readonly #doc: Document;
  #href = '';
  #url: URL | null = null;
  #candidate = false;
  #eagerScans = 0;
  #queued = false;
  #observer: MutationObserver | null = null;

  constructor(options: DetectionOptions) {
    this.#o = options;
    this.#doc = options.doc;
  }

  /** Observes the page and the events that can change what it shows, until stop() or the scope ends. */
  start(): void {
    const { doc, scope } = this.#o;
    const win = doc.defaultView;
    const signal = scope.signal;
    this.#observer = new (win?.MutationObserver ?? MutationObserver)((records) => this.#onMutations(records));
    this.#observer.observe(doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      // What X changes when a step's state changes; not class or style, which churn constantly.
      attributeFilter: ['value', 'disabled', 'aria-disabled', 'aria-hidden', 'role', 'data-testid', 'href'],
    });
    // Typing at the identifier step: React may not touch the DOM on every key.
    doc.addEventListener('input', () => this.schedule(), { signal, capture: true });
    // Scrolling only moves our panels: nothing to do while none is up (the timeline scrolls a lot).
    doc.addEventListener('scroll', () => this.#o.panelsUp() && this.schedule(), { signal, capture: true, passive: true });
    doc.addEventListener('visibilitychange', () => this.#flushIfHidden(), { signal });
    win?.addEventListener('popstate', () => this.schedule(), { signal });
    win?.addEventListener('resize', () => this.schedule(), { signal });
  }

  stop(): void {
    this.#observer?.disconnect();
    this.#observer = null;
  }

  #onMutations(records: MutationRecord[]): void {
    // Bounded per frame, so our own changes (the chip going in) cannot keep the page busy.
    // `#candidate` as the last scan saw it: a page that stopped being one costs one quick scan.
    if (this.#eagerScans >= EAGER_SCANS_PER_FRAME || !this.#candidate || this.#doc.visibilityState === 'hidden' || !addsElement(records)) {
      return this.schedule();
    }
    if (this.#eagerScans++ === 0) this.#o.scope.frame(() => (this.#eagerScans = 0));
    this.scan();
  }

  /** Queues one scan for the next animation frame (hidden tabs: a short timeout). */
  schedule(): void {
    if (this.#queued || this.#o.scope.signal.aborted) return;
    this.#queued = true;
    if (this.#doc.visibilityState === 'hidden') this.#o.scope.setTimeout(() => this.#runQueued(), 100);
    else this.#o.scope.frame(() => this.#runQueued());
  }

  #flushIfHidden(): void {
    // A frame requested while visible does not run in a hidden tab.
    if (this.#queued && this.#doc.visibilityState === 'hidden') this.#o.scope.setTimeout(() => this.#runQueued(), 0);
  }

  #runQueued(): void {
    if (!this.#queued) return;
    this.#queued = false;
    this.scan();
  }

  /** The page's URL, re-read (and re-judged as a candidate) only when location.href changed. */
  url(): URL {
    const href = this.#doc.location?.href ?? '';
    if (href !== this.#href || !this.#url) {
      this.#href = href;
      this.#url = new URL(href);
      this.#candidate = this.#o.adapter.isCandidate(this.#url);
    }
    return this.#url;
  }

  scan(): void {
    if (this.#o.scope.signal.aborted) return;
    const url = this.url();
    this.#o.scan(url, this.#candidate);
  }
}
