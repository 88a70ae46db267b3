// The chip at a site's 2FA step: asks the background what it can offer, shows "Use backup code",
// fills on a person's click (driving X from app mode to the backup-code step first), and after a
// fill shows what became of it. Fills started by the background (page/fill) land here too, and so
// does auto-fill (auto-fill.ts: once per appearance of the step, with "Filled #2 — Undo" after).
import type { ContentRequests, FillGrant, Offer, Outcome, Result } from '../messages/protocol';
import type { Challenge } from '../sites/types';
import { switchToBackup } from '../sites/x/method-choice';
import { blocker, pageFacts, type AutoFillCondition } from './auto-fill';
import type { PageContext } from './context';
import { clickWhenEnabled, fillInput, type Waiter } from './fill';
import { OfferAhead } from './offer-ahead';
import type { OutcomeReport } from './outcome-report';
import { chipMaxWidth, directionOf, isVisibleRect, placeChip, rectOf, viewportOf } from './place';
import { TEXT } from './text';
import type { PanelButton, PanelLike, PanelView } from './ui';

type ChipPhase = 'offer' | 'working' | 'filled';
/** The background's answer to content/auto-fill, on its way. */
type AutoFillAsk = Promise<Result<FillGrant & { autoSubmit: boolean }>>;

interface ChipState {
  challenge: Challenge;
  phase: ChipPhase;
  offer?: Offer;
  status?: string;
  /** Bumped per prompt-seen so a late answer for an older question is dropped. */
  asked: number;
  panel: PanelLike;
  /** Auto-fill is decided once per appearance of the step: 'pending' until the first offer. */
  auto: 'pending' | 'done';
  /** The automatic fill in the input now, while Undo can still give it back. */
  undo?: { reservationId: string; seq: number };
}

export interface ChipOptions {
  page: PageContext;
  waiter: Waiter;
  /** The identifier typed at the login's first step, when one was seen. */
  hint(): string | undefined;
  /** Follows a fill to its outcome; its reports come back through reported(). */
  outcomes: OutcomeReport;
}

export class Chip {
  readonly #o: ChipOptions;
  readonly #page: PageContext;
  #chip: ChipState | null = null;
  /** Set while we drive X from app mode to backup mode: the chip stays put meanwhile. */
  #switching = false;
  /** A fill on this page was rejected or ended unknown: no more automatic fills until it is left. */
  #failed = false;
  /** A code granted for an automatic fill that did not happen, on its way back to the background. */
  #givingBack: Promise<void> | undefined;
  readonly #ahead: OfferAhead;

  constructor(options: ChipOptions) {
    this.#o = options;
    this.#page = options.page;
    this.#ahead = new OfferAhead(options.page);
  }

  get up(): boolean {
    return this.#chip !== null;
  }

  /** A scan found `challenge` (or none): show, move or remove the chip; ask ahead while there is none. */
  update(challenge: Challenge | null): void {
    this.#update(challenge);
    if (!this.#chip) this.#ahead.ask(this.#o.hint());
  }

  /** The page is no longer one that can show a 2FA step (unless we are in the middle of X's switch). */
  leave(): void {
    if (this.#switching) return;
    this.#failed = false;
    if (this.#chip) this.remove();
  }

  /** The background says the vault locked, unlocked or changed: ask again. */
  refresh(): void {
    this.#ahead.forget();
    if (this.#chip && this.#chip.phase === 'offer') void this.#askOffer(this.#chip);
  }

  remove(): void {
    this.#chip?.panel.destroy();
    this.#chip = null;
  }

  #update(challenge: Challenge | null): void {
    const chip = this.#chip;
    if (this.#switching) {
      if (chip) this.#place(chip);
      return;
    }
    if (!challenge || challenge.mode === 'email') {
      if (chip) this.remove();
      return;
    }
    if (chip && chip.challenge.input === challenge.input && chip.challenge.mode === challenge.mode) {
      chip.challenge = challenge;
      this.#place(chip);
      return;
    }
    if (chip) this.remove();
    const fresh: ChipState = { challenge, phase: 'offer', asked: 0, panel: this.#page.panel('chip'), auto: 'pending' };
    this.#chip = fresh;
    // Shown at once from the offer asked ahead; the answer to the real question replaces it.
    const ahead = this.#ahead.offer(this.#o.hint());
    if (import.meta.env.MODE === 'bench') performance.mark(`sparekey-bench:chip ${ahead ? 'with' : 'without'} an offer asked ahead`);
    let asked: AutoFillAsk | null = null;
    if (ahead) {
      fresh.offer = ahead;
      asked = this.#askAutoFill(fresh);
      this.#render(fresh);
      this.#checkAutoFill(fresh, asked);
    }
    // While an automatic fill is asked for, the chip's own question waits (#autoFill asks it if
    // no fill comes of it): its answer would only compete with the fill's for the same thread.
    if (!asked) void this.#askOffer(fresh);
  }

  async #askOffer(chip: ChipState): Promise<void> {
    const token = ++chip.asked;
    const body: ContentRequests['content/prompt-seen']['req'] = { mode: chip.challenge.mode };
    const hint = this.#o.hint();
    if (hint) body.accountHint = hint;
    const reply = await this.#page.send('content/prompt-seen', body);
    if (this.#chip !== chip || token !== chip.asked) return;
    if (import.meta.env.MODE === 'bench') performance.mark('sparekey-bench:offer answered');
    this.#takeOffer(chip, reply.ok ? reply.value : undefined);
    const asked = this.#askAutoFill(chip);
    this.#render(chip);
    this.#checkAutoFill(chip, asked);
  }

  /**
   * The step's first offer (locked waits for the unlock): auto-fill is decided on it, once. Called
   * right before the chip is drawn. What the page can judge at once (auto-fill.ts: everything but
   * the guard) is judged now, and if it holds the background is asked at once, so its checks and
   * its write run while the chip is drawn and the guard looks (#checkAutoFill). Nothing is filled
   * unless every condition holds then; a code granted meanwhile goes back (#autoFill).
   */
  #askAutoFill(chip: ChipState): AutoFillAsk | null {
    if (chip.auto !== 'pending' || chip.phase !== 'offer' || !chip.offer || chip.offer.state === 'locked') return null;
    chip.auto = 'done';
    if (!chip.offer.autoFill || this.#autoFillBlocker(chip, true)) return null;
    const body: ContentRequests['content/auto-fill']['req'] = { mode: chip.challenge.mode };
    const hint = this.#o.hint();
    if (hint) body.accountHint = hint;
    return this.#page.send('content/auto-fill', body);
  }

  /**
   * Called right after the chip is drawn: the guard looks in a microtask queued after our chip went
   * in, so after the mutation-observer delivery that this insertion queued: whatever the page's
   * observers do when our chip appears has been done (and seen by the guard's own observer) before
   * we look, and the step waits no task for it.
   */
  #checkAutoFill(chip: ChipState, asked: AutoFillAsk | null): void {
    if (asked) queueMicrotask(() => void this.#autoFill(chip, asked));
  }

  /** The first auto-fill condition that does not hold now; `guard`: assume the guard's (judged later). */
  #autoFillBlocker(chip: ChipState, guard?: true): AutoFillCondition | null {
    const { doc, adapter } = this.#page;
    const challenge = chip.challenge;
    return blocker({
      offer: chip.offer,
      mode: challenge.mode,
      ...pageFacts(doc, adapter.site.origins),
      guard: guard ?? (challenge.input.isConnected && chip.panel.seenPlainly()),
      firstForStep: true,
      failedBefore: this.#failed,
    });
  }

  /**
   * Fills with no click when every condition holds now, the guard's too (auto-fill.ts), and the
   * background agreed. A code the background granted while a page-side condition failed never
   * reaches the page: it goes back (content/undo-fill) before the chip takes another click.
   */
  async #autoFill(chip: ChipState, asked: AutoFillAsk): Promise<void> {
    const here = this.#chip === chip && chip.phase === 'offer';
    const why = here ? this.#autoFillBlocker(chip) : null;
    if (import.meta.env.MODE === 'bench') performance.mark(`sparekey-bench:page checks ${here ? (why ?? 'passed') : 'not reached'}`);
    if (!here || why) {
      void this.#giveBack(asked).then(() => this.#askAgain(chip));
      return;
    }
    chip.phase = 'working';
    const challenge = chip.challenge;
    const grant = await asked;
    if (import.meta.env.MODE === 'bench') performance.mark('sparekey-bench:auto-fill answered');
    if (!grant.ok) {
      // Refused: the chip offers, as it would have without auto-fill.
      if (this.#chip === chip) {
        chip.phase = 'offer';
        this.#render(chip);
        this.#askAgain(chip);
      }
      return;
    }
    if (this.#chip !== chip || !challenge.input.isConnected) {
      // The step went away meanwhile: the code never reached the page, so it goes back.
      void this.#giveBack(asked);
      return;
    }
    // Undo until it is sent; with auto-submit on it is sent at once, so there is nothing to undo.
    if (!grant.value.autoSubmit) chip.undo = { reservationId: grant.value.reservationId, seq: grant.value.seq };
    await this.#fill(challenge, grant.value, grant.value.autoSubmit === true);
  }

  /** No automatic fill came of it: the chip offers, from a fresh answer. */
  #askAgain(chip: ChipState): void {
    if (this.#chip === chip && chip.phase === 'offer') void this.#askOffer(chip);
  }

  /** A code granted for an automatic fill that did not happen goes back, unused (Undo's path). */
  #giveBack(asked: Promise<Result<FillGrant>>): Promise<void> {
    const back = (async () => {
      const grant = await asked;
      if (grant.ok) await this.#page.send('content/undo-fill', { reservationId: grant.value.reservationId, trusted: true });
    })();
    const done = back.catch(() => undefined).then(() => {
      if (this.#givingBack === done) this.#givingBack = undefined;
    });
    this.#givingBack = done;
    return done;
  }

  /** "Undo" after an automatic fill (a person's click the guard accepted): empty the field, give the code back. */
  async #undo(chip: ChipState): Promise<void> {
    const undo = chip.undo;
    if (this.#chip !== chip || chip.phase !== 'filled' || !undo) return;
    delete chip.undo;
    if (this.#o.outcomes.state?.submitted) {
      // Sent to the site already: what it answers settles the code, not us.
      this.#render(chip);
      return;
    }
    this.#o.outcomes.drop();
    if (chip.challenge.input.isConnected) fillInput(chip.challenge.input, '');
    chip.phase = 'offer';
    const reply = await this.#page.send('content/undo-fill', { reservationId: undo.reservationId, trusted: true });
    if (this.#chip !== chip) return;
    this.#takeOffer(chip, reply.ok ? reply.value : chip.offer);
    this.#status(chip, reply.ok ? TEXT.undone : reply.error.message);
  }

  /**
   * A ready offer the background holds back for a moment (a fill just failed: release-limit.ts)
   * shows no button until then; the chip asks again when the wait is over.
   */
  #takeOffer(chip: ChipState, offer: Offer | undefined): void {
    chip.offer = offer;
    const wait = offer?.waitMs;
    if (offer?.state === 'ready' && typeof wait === 'number' && wait > 0)
      this.#page.scope.setTimeout(() => {
        if (this.#chip === chip && chip.offer === offer) void this.#askOffer(chip);
      }, wait + 50);
  }

  #view(chip: ChipState): PanelView {
    const status = chip.status;
    if (chip.phase === 'filled' && chip.undo) return { buttons: [{ label: TEXT.undo, onActivate: () => void this.#undo(chip) }], status: TEXT.autoFilled(chip.undo.seq) };
    if (chip.phase !== 'offer') return { buttons: [], ...(status ? { status } : {}) };
    const offer = chip.offer;
    const buttons: PanelButton[] = [];
    if (offer?.state === 'locked') {
      buttons.push({ label: TEXT.unlock, onActivate: () => void this.#openPopup(chip) });
    } else if (offer?.state === 'ready' && offer.waitMs) {
      return { buttons: [], status: status ?? TEXT.nextSoon };
    } else if (offer?.state === 'ready') {
      const label = chip.challenge.mode === 'app' ? TEXT.useInstead : TEXT.useCode(offer.left);
      buttons.push({ label, onActivate: () => void this.#useCode(chip) });
    } else if (offer?.state === 'choose') {
      for (const c of offer.choices ?? []) {
        if (c.left > 0) buttons.push({ label: TEXT.useCodeFor(c.label, c.left), onActivate: () => void this.#useCode(chip, c.accountId) });
      }
    }
    if (buttons.length === 0 && !status) return { buttons };
    return { buttons, ...(status ? { status } : {}) };
  }

  /** Chrome opens the popup from here; Firefox wants a gesture on its own UI, so we say where. */
  async #openPopup(chip: ChipState): Promise<void> {
    const reply = await this.#page.send('content/open-popup', { trusted: true });
    if (!reply.ok || !reply.value.opened) this.#status(chip, TEXT.unlockHowTo);
  }

  #render(chip: ChipState): void {
    const view = this.#view(chip);
    if (view.buttons.length === 0 && !view.status) {
      chip.panel.hide();
      return;
    }
    chip.panel.render(view);
    this.#place(chip);
  }

  #place(chip: ChipState): void {
    const view = this.#view(chip);
    if (view.buttons.length === 0 && !view.status) return;
    const input = chip.challenge.input;
    const viewport = viewportOf(this.#page.doc);
    const field = input.isConnected ? rectOf(input.closest('label') ?? input) : null;
    if (!field || !isVisibleRect(field, viewport)) {
      // During X's method switch the input is gone for a moment: keep the chip where it was.
      if (!this.#switching) chip.panel.hide();
      return;
    }
    chip.panel.watch(input);
    chip.panel.constrain(chipMaxWidth(field));
    const size = chip.panel.measure();
    chip.panel.show(placeChip(field, size, viewport, directionOf(input)));
  }

  #status(chip: ChipState, status: string | undefined): void {
    if (this.#chip !== chip) return;
    if (status === undefined) delete chip.status;
    else chip.status = status;
    this.#render(chip);
  }

  /** The person clicked "Use backup code" (trusted, on our host): fill the next code. */
  async #useCode(chip: ChipState, accountId?: string): Promise<void> {
    if (this.#chip !== chip || chip.phase !== 'offer') return;
    chip.phase = 'working';
    // A code granted for an automatic fill that did not happen is given back first, so this click's
    // request is not answered with that same reservation (which the give-back then releases).
    await this.#givingBack;
    if (this.#chip !== chip) return;
    let challenge: Challenge | null = chip.challenge;
    if (challenge.mode === 'app') {
      this.#status(chip, TEXT.switching);
      challenge = await this.#switchToBackup(challenge);
      if (this.#chip !== chip) return;
      if (!challenge) {
        chip.phase = 'offer';
        this.#status(chip, TEXT.switchFailed);
        return;
      }
      chip.challenge = challenge;
    }
    this.#status(chip, TEXT.fetching);
    const body: ContentRequests['content/request-fill']['req'] = { trusted: true };
    const hint = this.#o.hint();
    if (accountId) body.accountId = accountId;
    else if (hint) body.accountHint = hint;
    const grant = await this.#page.send('content/request-fill', body);
    if (this.#chip !== chip) return;
    if (!grant.ok) {
      chip.phase = 'offer';
      this.#status(chip, grant.error.message);
      void this.#askOffer(chip);
      return;
    }
    // The grant may carry the auto-submit setting; a step we could not name is never submitted.
    const autoSubmit = (grant.value as FillGrant & { autoSubmit?: unknown }).autoSubmit === true;
    await this.#fill(challenge, grant.value, autoSubmit && challenge.mode !== 'unknown');
  }

  /** A fill started by the background (popup, keyboard, context menu) at `challenge`. */
  async fillGranted(challenge: Challenge, grant: FillGrant & { autoSubmit: boolean }): Promise<boolean> {
    let step: Challenge | null = challenge;
    if (step.mode === 'app') {
      step = await this.#switchToBackup(step);
      if (!step) return false;
    }
    return this.#fill(step, grant, grant.autoSubmit && step.mode !== 'unknown');
  }

  /** X's method switch (sites/x/method-choice.ts), with the chip held in place meanwhile. */
  async #switchToBackup(from: Challenge): Promise<Challenge | null> {
    if (!from.switchMethod) return null;
    const { adapter, doc, url } = this.#page;
    const waiter = this.#o.waiter;
    this.#switching = true;
    try {
      return await switchToBackup(from, {
        methodChoice: () => adapter.detectMethodChoice(doc, url()),
        challenge: () => adapter.detectChallenge(doc, url()),
        until: (fn, timeoutMs) => waiter.until(fn, timeoutMs),
        clickWhenEnabled: (button, timeoutMs) => clickWhenEnabled(button, waiter, timeoutMs),
      });
    } finally {
      this.#switching = false;
    }
  }

  /** Fills `grant` into the step, watches for the outcome, submits only when asked. */
  async #fill(challenge: Challenge, grant: FillGrant, autoSubmit: boolean): Promise<boolean> {
    if (!challenge.input.isConnected) return false;
    let chip = this.#chip;
    if (!chip || chip.challenge.input !== challenge.input) {
      this.remove();
      chip = { challenge, phase: 'filled', asked: 0, panel: this.#page.panel('chip'), auto: 'done' };
      this.#chip = chip;
    }
    chip.challenge = challenge;
    chip.phase = 'filled';
    this.#o.outcomes.drop();
    fillInput(challenge.input, grant.value);
    this.#o.outcomes.follow(challenge, grant);
    this.#status(chip, autoSubmit && challenge.submit ? TEXT.submitting : TEXT.filled);
    if (autoSubmit && challenge.submit) await clickWhenEnabled(challenge.submit, this.#o.waiter);
    return true;
  }

  /** The background took the outcome: offer the next code, saying what became of this one. */
  reported(outcome: Outcome, reply: Result<Offer>): void {
    const chip = this.#chip;
    if (outcome !== 'accepted') this.#failed = true;
    if (!chip || outcome === 'accepted') return;
    delete chip.undo;
    chip.auto = 'done';
    chip.phase = 'offer';
    if (reply.ok) this.#takeOffer(chip, reply.value);
    this.#status(chip, outcome === 'rejected' ? TEXT.rejected : TEXT.unknownOutcome);
  }

  /** For tests and diagnostics (no secrets). */
  get state() {
    const chip = this.#chip;
    return chip ? { mode: chip.challenge.mode, phase: chip.phase, offer: chip.offer, status: chip.status } : null;
  }
}
