// After a fill: did the site take the code? One watch per reservation; it reports exactly once.
//
// - The 30 s clock starts at the submit (the person's Next, Enter, or our auto-submit), not at the
//   fill: a person may read the code before pressing Next, and an early "unknown" would leave a
//   good code unconfirmed.
// - rejected: the step stays and a new toast/alert appears (X: error 399 and a toast).
// - accepted: the step is gone and the page is where a successful login goes (/home).
// - unknown: the page left for anywhere else, 30 s passed, or the page is unloading after a
//   submit — except on a site that answers the step with a new document (GitHub's form post):
//   there the submit is told to the background, which judges the tab's next load
//   (adapter.verdictAfterLoad, src/background/load-verdicts.ts). A reservation never submitted is left alone: the background gives the same tab the
//   same reservation back, and settles it when the tab closes or leaves the site.
// - On a step we could not name (mode 'unknown': X's wording in a language we don't know), a
//   rejection is reported as unknown: the same numeric input serves the e-mailed code, and X
//   rejecting a backup code typed there says nothing about the code. The person settles it.
// - If the input no longer holds our code at submit time, what the site answers is about some
//   other code: unknown.
import type { Outcome } from '../messages/protocol';
import type { OutcomeBaseline, SiteAdapter } from '../sites/types';

export const OUTCOME_TIMEOUT_MS = 30_000;

export interface WatchClock {
  setTimeout(fn: () => void, ms: number): () => void;
}

export interface OutcomeWatchOptions {
  adapter: SiteAdapter;
  reservationId: string;
  /** The filled value, in the format's normal form, and the format's normaliser. */
  value: string;
  normalize: (raw: string) => string | null;
  input: HTMLInputElement;
  /** False on a step we could not name: a rejection there is not proof (see above). */
  knownStep?: boolean;
  clock: WatchClock;
  report: (outcome: Outcome) => void;
  /**
   * On a site that answers with a new document (adapter.verdictAfterLoad): told at the submit,
   * with where a success goes, so the background can judge the tab's next load.
   */
  submitted?: (successPaths: readonly string[]) => void;
}

export class OutcomeWatch {
  readonly reservationId: string;
  readonly input: HTMLInputElement;
  #o: OutcomeWatchOptions;
  #baseline: OutcomeBaseline | undefined;
  #cancelTimer: (() => void) | undefined;
  #done = false;
  /** The input still held our code the last time we looked. */
  #holdsOurs = true;

  constructor(options: OutcomeWatchOptions) {
    this.#o = options;
    this.reservationId = options.reservationId;
    this.input = options.input;
  }

  get done(): boolean {
    return this.#done;
  }

  get submitted(): boolean {
    return this.#baseline !== undefined;
  }

  #ours(): boolean {
    return this.#o.normalize(this.input.value) === this.#o.value;
  }

  /** The person (or auto-submit) sent the step. Starts the clock; a second submit is ignored. */
  submit(doc: Document, url: URL): void {
    if (this.#done || this.#baseline) return;
    if (!this.#ours()) {
      this.#finish('unknown');
      return;
    }
    this.#baseline = this.#o.adapter.outcomeBaseline(doc, url);
    this.#cancelTimer = this.#o.clock.setTimeout(() => this.#finish('unknown'), OUTCOME_TIMEOUT_MS);
    if (this.#o.adapter.verdictAfterLoad) this.#o.submitted?.(this.#baseline.successPaths);
  }

  /** Called on every scan of the page. */
  check(doc: Document, url: URL): void {
    if (this.#done) return;
    if (!this.#baseline) {
      // A submit we did not see (e.g. a form submit the page triggered itself): if the flow reached
      // its success page while our code sat in the input, X took our code.
      if (this.input.isConnected) {
        this.#holdsOurs = this.#ours();
        return;
      }
      if (!this.#holdsOurs) return;
      const verdict = this.#o.adapter.detectOutcome(doc, url, this.#o.adapter.outcomeBaseline(doc, url));
      if (verdict === 'accepted') this.#finish('accepted');
      return;
    }
    const verdict = this.#o.adapter.detectOutcome(doc, url, this.#baseline);
    if (verdict === 'accepted') this.#finish('accepted');
    else if (verdict === 'rejected') this.#finish(this.#o.knownStep === false ? 'unknown' : 'rejected');
    else if (verdict === 'left') this.#finish('unknown');
  }

  /** The page is going away (unload, bfcache). After a submit nobody can tell what happened. */
  pageHidden(): void {
    if (!this.#baseline || this.#done) return;
    // A site that answers with a new document: the background judges where the tab lands.
    if (this.#o.adapter.verdictAfterLoad && this.#o.submitted) this.cancel();
    else this.#finish('unknown');
  }

  /** Stop without reporting (a newer fill replaced this one, or the script is shutting down). */
  cancel(): void {
    this.#done = true;
    this.#cancelTimer?.();
  }

  #finish(outcome: Outcome): void {
    if (this.#done) return;
    this.#done = true;
    this.#cancelTimer?.();
    this.#o.report(outcome);
  }
}
