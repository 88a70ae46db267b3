// After a fill: follows the filled code to its outcome (outcome.ts judges it) and tells the
// background. It sees the submit itself — the person's (or our) click on the step's Next, or Enter
// in the input — and the page unloading after one.
import { patiently } from '../messages/client';
import type { FillGrant, Offer, Outcome, Result } from '../messages/protocol';
import type { Challenge } from '../sites/types';
import { sleepOf, type PageContext } from './context';
import { isDisabled } from './fill';
import { OutcomeWatch } from './outcome';

/**
 * Waits before asking again: an outcome must not be lost to a background that is restarting (MV3
 * workers and event pages stop when idle; a message wakes them, but the first one can fail).
 */
const REPORT_RETRY_MS = [300, 1_000, 3_000] as const;

export interface OutcomeReportOptions {
  page: PageContext;
  /** The site's code format: the filled value is compared in its normal form. */
  normalize: (raw: string) => string | null;
  /** The background's answer to a report: the offer for the next code. */
  reported(outcome: Outcome, reply: Result<Offer>): void;
}

export class OutcomeReport {
  readonly #o: OutcomeReportOptions;
  #watch: OutcomeWatch | null = null;
  #submit: HTMLElement | null = null;

  constructor(options: OutcomeReportOptions) {
    this.#o = options;
  }

  /** Listens for submits and unloads until the scope ends. */
  start(): void {
    const { doc, scope } = this.#o.page;
    const opts = { signal: scope.signal, capture: true } as const;
    doc.addEventListener('click', (e) => this.#onPageClick(e), opts);
    doc.addEventListener('keydown', (e) => this.#onPageKey(e), opts);
    doc.defaultView?.addEventListener('pagehide', () => this.#watch?.pageHidden(), { signal: scope.signal });
  }

  /** Follows `grant`, just filled into `challenge`'s input; a watch held before is dropped. */
  follow(challenge: Challenge, grant: FillGrant): void {
    const { adapter, scope } = this.#o.page;
    const { normalize } = this.#o;
    const watch = new OutcomeWatch({
      adapter,
      reservationId: grant.reservationId,
      value: normalize(grant.value) ?? grant.value,
      normalize,
      input: challenge.input,
      knownStep: challenge.mode !== 'unknown',
      clock: { setTimeout: (fn, ms) => scope.setTimeout(fn, ms) },
      report: (outcome) => void this.#report(watch, outcome),
      submitted: (successPaths) => void this.#o.page.send('content/submitted', { reservationId: grant.reservationId, successPaths: [...successPaths] }),
    });
    this.#watch = watch;
    this.#submit = challenge.submit;
  }

  /** Each scan: the watch looks at the page; leaving the login before submitting ends it. */
  check(url: URL, candidate: boolean): void {
    if (!this.#watch) return;
    this.#watch.check(this.#o.page.doc, url);
    // Left the login before submitting: nothing to learn; the reservation stays with this tab.
    if (this.#watch && !candidate && !this.#watch.submitted) this.drop();
  }

  drop(): void {
    this.#watch?.cancel();
    this.#watch = null;
    this.#submit = null;
  }

  async #report(watch: OutcomeWatch, outcome: Outcome): Promise<void> {
    if (this.#watch === watch) {
      this.#watch = null;
      this.#submit = null;
    }
    const { send, scope } = this.#o.page;
    const reply = await patiently(() => send('content/report-outcome', { reservationId: watch.reservationId, outcome }), {
      delays: REPORT_RETRY_MS,
      sleep: sleepOf(scope),
      signal: scope.signal,
    });
    this.#o.reported(outcome, reply);
  }

  /** A submit of the step we filled: the person's Next click (or ours, when auto-submitting). */
  #onPageClick(event: Event): void {
    const watch = this.#watch;
    const submit = this.#submit;
    if (!watch || watch.submitted || !submit) return;
    const target = event.target as Node | null;
    if (!target || !submit.contains(target) || isDisabled(submit)) return;
    watch.submit(this.#o.page.doc, this.#o.page.url());
  }

  #onPageKey(event: KeyboardEvent): void {
    const watch = this.#watch;
    if (!watch || watch.submitted || event.key !== 'Enter' || event.isComposing) return;
    if (event.target !== watch.input) return;
    if (this.#submit && isDisabled(this.#submit)) return;
    watch.submit(this.#o.page.doc, this.#o.page.url());
  }

  /** For tests and diagnostics (no secrets). */
  get state() {
    return this.#watch ? { reservationId: this.#watch.reservationId, submitted: this.#watch.submitted } : null;
  }
}
