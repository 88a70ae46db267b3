// The page runtime: runs the site adapter on DOM changes and in-page navigation, shows our inline
// UI, fills on a person's click, and reports what the site answered. It composes one part per job:
//   detection.ts       when to look at the page (one observer, at most one scan per frame)
//   chip.ts            the chip at a 2FA step, and every fill (sites/x/method-choice.ts for X's switch)
//   outcome-report.ts  what became of a fill, told to the background
//   capture-banner.ts  the banner beside a screen showing backup codes
//
// Everything started here stops when `scope.signal` aborts (WXT's ContentScriptContext is
// invalidated: extension reload/update, or a newer copy of this script started).
import type { ChallengeMode, PageReq, PageState } from '../messages/protocol';
import type { SiteAdapter } from '../sites/types';
import { CaptureBanner } from './capture-banner';
import { Chip } from './chip';
import { waiterOf, type PageContext, type Scope, type Send } from './context';
import { Detection } from './detection';
import { trackPointer } from './guard';
import { OutcomeReport } from './outcome-report';
import { Panel, type PanelLike } from './ui';

export interface RuntimeDeps {
  doc: Document;
  adapter: SiteAdapter;
  scope: Scope;
  send: Send;
  /** The site's code format: stored values are normalised by it. */
  normalize: (raw: string) => string | null;
  /** Makes the inline panels; tests may pass a fake. */
  makePanel?: (doc: Document, kind: 'chip' | 'banner') => PanelLike;
}

export type PageFill = PageReq<'page/fill'>;

export class ContentRuntime {
  readonly #page: PageContext;
  readonly #detection: Detection;
  readonly #outcomes: OutcomeReport;
  readonly #chip: Chip;
  readonly #banner: CaptureBanner;
  /** The identifier typed at the login's first step: this tab, this page, memory only. */
  #hint: string | undefined;

  constructor(deps: RuntimeDeps) {
    const { doc, adapter, scope, send, makePanel } = deps;
    this.#detection = new Detection({
      doc,
      scope,
      adapter,
      scan: (url, candidate) => this.#scan(url, candidate),
      panelsUp: () => this.#chip.up || this.#banner.up,
    });
    this.#page = {
      doc,
      adapter,
      scope,
      send,
      url: () => this.#detection.url(),
      panel: (kind) => (makePanel ? makePanel(doc, kind) : new Panel(doc, kind)),
    };
    this.#outcomes = new OutcomeReport({
      page: this.#page,
      normalize: deps.normalize,
      reported: (outcome, reply) => this.#chip.reported(outcome, reply),
    });
    this.#chip = new Chip({ page: this.#page, waiter: waiterOf(scope), hint: () => this.#hint, outcomes: this.#outcomes });
    this.#banner = new CaptureBanner(this.#page);
  }

  start(): void {
    const { doc, scope } = this.#page;
    if (scope.signal.aborted) return;
    this.#outcomes.start();
    this.#detection.start();
    // Where the mouse was before our chip came matters to the clickjacking guard (guard.ts).
    trackPointer(doc, scope.signal);
    scope.signal.addEventListener('abort', () => this.stop(), { once: true });
    this.schedule();
  }

  stop(): void {
    this.#detection.stop();
    this.#chip.remove();
    this.#banner.remove();
    this.#outcomes.drop();
  }

  /** Queues one scan for the next animation frame (hidden tabs: a short timeout). */
  schedule(): void {
    this.#detection.schedule();
  }

  scan(): void {
    this.#detection.scan();
  }

  #scan(url: URL, candidate: boolean): void {
    const { adapter, doc } = this.#page;
    this.#outcomes.check(url, candidate);
    if (!candidate) {
      this.#chip.leave();
      if (this.#banner.up) this.#banner.remove();
      return;
    }
    const hint = adapter.detectLoginHint(doc, url);
    if (hint) this.#hint = hint;
    this.#chip.update(adapter.detectChallenge(doc, url));
    this.#banner.update(adapter.detectCodeScreen(doc, url));
  }

  /** page/refresh: the background says the vault locked, unlocked or changed: ask again. */
  refresh(): void {
    this.#chip.refresh();
    this.#banner.refresh();
    this.schedule();
  }

  // ---- fills started by the background (popup, keyboard, context menu) ----------------------------

  /** page/state: the 2FA step shown now (null for none and for an e-mailed code), and the hint. */
  pageState(): PageState {
    const mode = this.#page.adapter.detectChallenge(this.#page.doc, this.#page.url())?.mode;
    const challenge: ChallengeMode | null = mode && mode !== 'email' ? mode : null;
    return this.#hint ? { challenge, accountHint: this.#hint } : { challenge };
  }

  /** page/fill: fills the 2FA step shown now (through X's method switch from app mode). */
  async pageFill(grant: PageFill): Promise<{ filled: boolean }> {
    const challenge = this.#page.adapter.detectChallenge(this.#page.doc, this.#page.url());
    if (!challenge || challenge.mode === 'email') return { filled: false };
    return { filled: await this.#chip.fillGranted(challenge, grant) };
  }

  /** For tests and diagnostics: what the runtime holds right now (no secrets). */
  get state() {
    return { hint: this.#hint, chip: this.#chip.state, banner: this.#banner.state, watching: this.#outcomes.state };
  }
}
