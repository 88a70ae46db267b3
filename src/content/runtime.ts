// The page runtime: runs the site adapter on DOM changes and in-page navigation, shows our inline
// UI, fills on a person's click, and reports what the site answered.
//
// Cost: one MutationObserver whose callback only schedules; all work happens at most once per
// animation frame. A page that is not a candidate (not the login flow, not the backup-code screen)
// costs a string comparison of location.href per frame with changes, and nothing more. On a
// candidate page a batch that adds elements is scanned at once (a few per frame at most), so the
// chip lands in the same rendering update as X's input instead of a frame later.
//
// Everything started here stops when `scope.signal` aborts (WXT's ContentScriptContext is
// invalidated: extension reload/update, or a newer copy of this script started).
import { msg } from '../i18n';
import { capturePreviewText } from '../i18n/capture-preview';
import type {
  CaptureSeen,
  ChallengeMode,
  PageState,
  ContentRequests,
  FillGrant,
  Offer,
  Outcome,
  Result,
} from '../messages/protocol';
import type { Challenge, CodeScreen, SiteAdapter } from '../sites/types';
import { clickWhenEnabled, fillInput, isDisabled, type Waiter } from './fill';
import { trackPointer } from './guard';
import { OutcomeWatch } from './outcome';
import { chipMaxWidth, isVisibleRect, placeBanner, placeChip, type Rect } from './place';
import { Panel, type PanelButton, type PanelLike, type PanelView } from './ui';

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

export type PageFill = FillGrant & { autoSubmit: boolean };

/**
 * Text shown to people, in one place, from messages.json (inline* keys) in the browser's language.
 * Getters, so nothing is looked up when the script loads, only when a panel is drawn.
 */
export const TEXT = {
  useCode: (left: number) => msg('inlineUseCode', { left }),
  useCodeFor: (label: string, left: number) => msg('inlineUseCodeFor', { account: label, left }),
  get useInstead() {
    return msg('inlineUseInstead');
  },
  // Chip statuses are short: the chip is one row inside X's code field (two lines at most).
  get unlock() {
    return msg('inlineUnlock');
  },
  get unlockHowTo() {
    return msg('inlineUnlockHowTo');
  },
  get switching() {
    return msg('inlineSwitching');
  },
  get switchFailed() {
    return msg('inlineSwitchFailed');
  },
  get fetching() {
    return msg('inlineFetching');
  },
  get filled() {
    return msg('inlineFilled');
  },
  get submitting() {
    return msg('inlineSubmitting');
  },
  get rejected() {
    return msg('inlineRejected');
  },
  get unknownOutcome() {
    return msg('inlineUnknownOutcome');
  },
  get nextSoon() {
    return msg('inlineNextSoon');
  },
  saveOne: (handle?: string) => (handle ? msg('inlineSaveOneFor', { account: handle }) : msg('inlineSaveOne')),
  saveMany: (n: number, handle?: string) =>
    handle ? msg('inlineSaveManyFor', { count: n, account: handle }) : msg('inlineSaveMany', { count: n }),
  get unlockToSave() {
    return msg('inlineUnlockToSave');
  },
  get unlockToSaveHint() {
    return msg('inlineUnlockToSaveHint');
  },
  get save() {
    return msg('inlineSave');
  },
  get notNow() {
    return msg('inlineNotNow');
  },
  get saving() {
    return msg('inlineSaving');
  },
  saved: (handle?: string) => (handle ? msg('inlineSavedFor', { account: handle }) : msg('inlineSaved')),
};

/** How long the "Saved" banner stays. */
const SAVED_MS = 4_000;
/** How long a step of X's method switch may take. */
const STEP_MS = 10_000;
/** Scans per frame run straight from the observer on a candidate page; the rest wait for the frame. */
const EAGER_SCANS_PER_FRAME = 3;

function addsElement(records: MutationRecord[]): boolean {
  for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) return true;
  return false;
}

/** The identifier must rest this long before we ask ahead for its offer (it changes per key). */
const PREFETCH_QUIET_MS = 300;
/** An offer asked ahead is shown at once for this long; the chip asks again anyway. */
const PREFETCH_FRESH_MS = 60_000;

type ChipPhase = 'offer' | 'working' | 'filled';

interface ChipState {
  challenge: Challenge;
  phase: ChipPhase;
  offer?: Offer;
  status?: string;
  /** Bumped per prompt-seen so a late answer for an older question is dropped. */
  asked: number;
  panel: PanelLike;
}

type BannerPhase = 'asking' | 'offer' | 'saving' | 'saved';

interface BannerState {
  key: string;
  screen: CodeScreen;
  phase: BannerPhase;
  seen?: CaptureSeen;
  status?: string;
  asked: number;
  panel: PanelLike;
}

interface AskedAhead {
  hint: string;
  offer?: Offer;
  at: number;
  cancel?: () => void;
}

const atHandle = (handle?: string) => (handle ? `@${handle}` : undefined);

function rectOf(el: Element): Rect {
  const r = el.getBoundingClientRect();
  return { x: r.left, y: r.top, width: r.width, height: r.height };
}

export class ContentRuntime {
  readonly #d: RuntimeDeps;
  readonly #doc: Document;
  #href = '';
  #url: URL | null = null;
  #candidate = false;
  #eagerScans = 0;
  #queued = false;
  #observer: MutationObserver | null = null;
  /** The identifier typed at the login's first step: this tab, this page, memory only. */
  #hint: string | undefined;
  #chip: ChipState | null = null;
  #banner: BannerState | null = null;
  #dismissed = new Set<string>();
  #watch: OutcomeWatch | null = null;
  #watchSubmit: HTMLElement | null = null;
  /** Set while we drive X from app mode to backup mode: the chip stays put meanwhile. */
  #switching = false;
  /**
   * The offer for the identifier typed earlier in this login, asked before the 2FA step appears,
   * so the chip shows with the input instead of a background round trip later.
   */
  #ahead: AskedAhead | null = null;
  readonly #waiter: Waiter;

  constructor(deps: RuntimeDeps) {
    this.#d = deps;
    this.#doc = deps.doc;
    this.#waiter = {
      until: (fn, timeoutMs) => this.#until(fn, timeoutMs),
    };
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  start(): void {
    const { doc, scope } = this.#d;
    const win = doc.defaultView;
    const signal = scope.signal;
    if (signal.aborted) return;
    this.#observer = new (win?.MutationObserver ?? MutationObserver)((records) => this.#onMutations(records));
    this.#observer.observe(doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      // What X changes when a step's state changes; not class or style, which churn constantly.
      attributeFilter: ['value', 'disabled', 'aria-disabled', 'aria-hidden', 'role', 'data-testid', 'href'],
    });
    const opts = { signal, capture: true } as const;
    doc.addEventListener('click', (e) => this.#onPageClick(e), opts);
    doc.addEventListener('keydown', (e) => this.#onPageKey(e), opts);
    // Typing at the identifier step: React may not touch the DOM on every key.
    doc.addEventListener('input', () => this.schedule(), opts);
    // Scrolling only moves our panels: nothing to do while none is up (the timeline scrolls a lot).
    doc.addEventListener('scroll', () => (this.#chip || this.#banner) && this.schedule(), { signal, capture: true, passive: true });
    doc.addEventListener('visibilitychange', () => this.#flushIfHidden(), { signal });
    // Where the mouse was before our chip came matters to the clickjacking guard (guard.ts).
    trackPointer(doc, signal);
    win?.addEventListener('popstate', () => this.schedule(), { signal });
    win?.addEventListener('resize', () => this.schedule(), { signal });
    win?.addEventListener('pagehide', () => this.#onPageHide(), { signal });
    signal.addEventListener('abort', () => this.stop(), { once: true });
    this.schedule();
  }

  stop(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#removeChip();
    this.#removeBanner();
    this.#watch?.cancel();
    this.#watch = null;
  }

  #onMutations(records: MutationRecord[]): void {
    // Bounded per frame, so our own changes (the chip going in) cannot keep the page busy.
    // `#candidate` as the last scan saw it: a page that stopped being one costs one quick scan.
    if (this.#eagerScans >= EAGER_SCANS_PER_FRAME || !this.#candidate || this.#doc.visibilityState === 'hidden' || !addsElement(records)) {
      return this.schedule();
    }
    if (this.#eagerScans++ === 0) this.#d.scope.frame(() => (this.#eagerScans = 0));
    this.scan();
  }

  /** Queues one scan for the next animation frame (hidden tabs: a short timeout). */
  schedule(): void {
    if (this.#queued || this.#d.scope.signal.aborted) return;
    this.#queued = true;
    if (this.#doc.visibilityState === 'hidden') this.#d.scope.setTimeout(() => this.#runQueued(), 100);
    else this.#d.scope.frame(() => this.#runQueued());
  }

  #flushIfHidden(): void {
    // A frame requested while visible does not run in a hidden tab.
    if (this.#queued && this.#doc.visibilityState === 'hidden') this.#d.scope.setTimeout(() => this.#runQueued(), 0);
  }

  #runQueued(): void {
    if (!this.#queued) return;
    this.#queued = false;
    this.scan();
  }

  // ---- the scan --------------------------------------------------------------------------------

  #currentUrl(): URL {
    const href = this.#doc.location?.href ?? '';
    if (href !== this.#href || !this.#url) {
      this.#href = href;
      this.#url = new URL(href);
      this.#candidate = this.#d.adapter.isCandidate(this.#url);
    }
    return this.#url;
  }

  scan(): void {
    if (this.#d.scope.signal.aborted) return;
    const url = this.#currentUrl();
    const { adapter } = this.#d;
    if (this.#watch) {
      this.#watch.check(this.#doc, url);
      // Left the login before submitting: nothing to learn; the reservation stays with this tab.
      if (this.#watch && !this.#candidate && !this.#watch.submitted) this.#dropWatch();
    }
    if (!this.#candidate) {
      if (this.#chip && !this.#switching) this.#removeChip();
      if (this.#banner) this.#removeBanner();
      return;
    }
    const hint = adapter.detectLoginHint(this.#doc, url);
    if (hint) this.#hint = hint;
    this.#updateChip(adapter.detectChallenge(this.#doc, url));
    if (!this.#chip) this.#askAhead();
    this.#updateBanner(adapter.detectCodeScreen(this.#doc, url));
  }

  /**
   * Asks for the identifier's offer (no value, just what the chip would say) once the typing rests,
   * or at once when the login has moved past it (a password field is up), so a quick login still
   * finds the offer waiting at the 2FA step.
   */
  #askAhead(): void {
    const hint = this.#hint;
    if (!hint) return;
    const now = this.#doc.querySelector('input[type="password"]') !== null;
    const current = this.#ahead;
    // Same identifier: already asked (no timer left), or still waiting for the typing to rest.
    if (current?.hint === hint && (!current.cancel || !now)) return;
    current?.cancel?.();
    const ahead: AskedAhead = { hint, at: 0 };
    this.#ahead = ahead;
    const ask = () => {
      delete ahead.cancel;
      void this.#d.send('content/prompt-seen', { mode: 'unknown', accountHint: hint }).then((reply) => {
        if (this.#ahead !== ahead || !reply.ok) return;
        ahead.offer = reply.value;
        ahead.at = Date.now();
      });
    };
    if (now) ask();
    else ahead.cancel = this.#d.scope.setTimeout(ask, PREFETCH_QUIET_MS);
  }

  /** The offer asked ahead for this identifier, while fresh. */
  #offerAhead(): Offer | undefined {
    const ahead = this.#ahead;
    if (!ahead?.offer || ahead.hint !== this.#hint || Date.now() - ahead.at > PREFETCH_FRESH_MS) return undefined;
    return ahead.offer;
  }

  /** The background says the vault locked, unlocked or changed: ask again. */
  refresh(): void {
    this.#ahead?.cancel?.();
    this.#ahead = null;
    if (this.#chip && this.#chip.phase === 'offer') void this.#askOffer(this.#chip);
    if (this.#banner && (this.#banner.phase === 'offer' || this.#banner.phase === 'asking')) void this.#askCapture(this.#banner);
    this.schedule();
  }

  // ---- 2FA chip ---------------------------------------------------------------------------------

  #updateChip(challenge: Challenge | null): void {
    const chip = this.#chip;
    if (this.#switching) {
      if (chip) this.#placeChip(chip);
      return;
    }
    if (!challenge || challenge.mode === 'email') {
      if (chip) this.#removeChip();
      return;
    }
    if (chip && chip.challenge.input === challenge.input && chip.challenge.mode === challenge.mode) {
      chip.challenge = challenge;
      this.#placeChip(chip);
      return;
    }
    if (chip) this.#removeChip();
    const fresh: ChipState = { challenge, phase: 'offer', asked: 0, panel: this.#panel('chip') };
    this.#chip = fresh;
    // Shown at once from the offer asked ahead; the answer to the real question replaces it.
    const ahead = this.#offerAhead();
    if (ahead) {
      fresh.offer = ahead;
      this.#renderChip(fresh);
    }
    void this.#askOffer(fresh);
  }

  async #askOffer(chip: ChipState): Promise<void> {
    const token = ++chip.asked;
    const body: ContentRequests['content/prompt-seen']['req'] = { mode: chip.challenge.mode };
    if (this.#hint) body.accountHint = this.#hint;
    const reply = await this.#d.send('content/prompt-seen', body);
    if (this.#chip !== chip || token !== chip.asked) return;
    this.#takeOffer(chip, reply.ok ? reply.value : undefined);
    this.#renderChip(chip);
  }

  /**
   * A ready offer the background holds back for a moment (a fill just failed: release-limit.ts)
   * shows no button until then; the chip asks again when the wait is over.
   */
  #takeOffer(chip: ChipState, offer: Offer | undefined): void {
    chip.offer = offer;
    const wait = offer?.waitMs;
    if (offer?.state === 'ready' && typeof wait === 'number' && wait > 0)
      this.#d.scope.setTimeout(() => {
        if (this.#chip === chip && chip.offer === offer) void this.#askOffer(chip);
      }, wait + 50);
  }

  #chipView(chip: ChipState): PanelView {
    const status = chip.status;
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
    const reply = await this.#d.send('content/open-popup', { trusted: true });
    if (!reply.ok || !reply.value.opened) this.#chipStatus(chip, TEXT.unlockHowTo);
  }

  #renderChip(chip: ChipState): void {
    const view = this.#chipView(chip);
    if (view.buttons.length === 0 && !view.status) {
      chip.panel.hide();
      return;
    }
    chip.panel.render(view);
    this.#placeChip(chip);
  }

  #placeChip(chip: ChipState): void {
    const view = this.#chipView(chip);
    if (view.buttons.length === 0 && !view.status) return;
    const input = chip.challenge.input;
    const win = this.#doc.defaultView;
    const viewport = { width: win?.innerWidth ?? 0, height: win?.innerHeight ?? 0 };
    const field = input.isConnected ? rectOf(input.closest('label') ?? input) : null;
    if (!field || !isVisibleRect(field, viewport)) {
      // During X's method switch the input is gone for a moment: keep the chip where it was.
      if (!this.#switching) chip.panel.hide();
      return;
    }
    chip.panel.watch(input);
    chip.panel.constrain(chipMaxWidth(field));
    const size = chip.panel.measure();
    chip.panel.show(placeChip(field, size, viewport));
  }

  #chipStatus(chip: ChipState, status: string | undefined): void {
    if (this.#chip !== chip) return;
    if (status === undefined) delete chip.status;
    else chip.status = status;
    this.#renderChip(chip);
  }

  #removeChip(): void {
    this.#chip?.panel.destroy();
    this.#chip = null;
  }

  /** The person clicked "Use backup code" (trusted, on our host): fill the next code. */
  async #useCode(chip: ChipState, accountId?: string): Promise<void> {
    if (this.#chip !== chip || chip.phase !== 'offer') return;
    chip.phase = 'working';
    let challenge: Challenge | null = chip.challenge;
    if (challenge.mode === 'app') {
      this.#chipStatus(chip, TEXT.switching);
      challenge = await this.#switchToBackup(challenge);
      if (this.#chip !== chip) return;
      if (!challenge) {
        chip.phase = 'offer';
        this.#chipStatus(chip, TEXT.switchFailed);
        return;
      }
      chip.challenge = challenge;
    }
    this.#chipStatus(chip, TEXT.fetching);
    const body: ContentRequests['content/request-fill']['req'] = { trusted: true };
    if (accountId) body.accountId = accountId;
    else if (this.#hint) body.accountHint = this.#hint;
    const grant = await this.#d.send('content/request-fill', body);
    if (this.#chip !== chip) return;
    if (!grant.ok) {
      chip.phase = 'offer';
      this.#chipStatus(chip, grant.error.message);
      void this.#askOffer(chip);
      return;
    }
    // The grant may carry the auto-submit setting; a step we could not name is never submitted.
    const autoSubmit = (grant.value as FillGrant & { autoSubmit?: unknown }).autoSubmit === true;
    await this.#fill(challenge, grant.value, autoSubmit && challenge.mode !== 'unknown');
  }

  /**
   * App mode → X's choice screen → "Use a backup code" → Next → the backup-code step. Returns the
   * new step, or null when any part did not appear in time (nothing is reserved until then).
   */
  async #switchToBackup(from: Challenge): Promise<Challenge | null> {
    const link = from.switchMethod;
    if (!link) return null;
    this.#switching = true;
    try {
      link.click();
      const choice = await this.#until(() => this.#d.adapter.detectMethodChoice(this.#doc, this.#currentUrl()), STEP_MS);
      if (!choice?.backup || !choice.submit) return null;
      if (!choice.backup.checked) choice.backup.click();
      if (!(await clickWhenEnabled(choice.submit, this.#waiter, 3_000))) return null;
      return await this.#until(() => {
        const next = this.#d.adapter.detectChallenge(this.#doc, this.#currentUrl());
        return next && next.input !== from.input && (next.mode === 'backup' || next.mode === 'unknown') ? next : null;
      }, STEP_MS);
    } finally {
      this.#switching = false;
    }
  }

  /** Fills `grant` into the step, watches for the outcome, submits only when asked. */
  async #fill(challenge: Challenge, grant: FillGrant, autoSubmit: boolean): Promise<boolean> {
    if (!challenge.input.isConnected) return false;
    let chip = this.#chip;
    if (!chip || chip.challenge.input !== challenge.input) {
      this.#removeChip();
      chip = { challenge, phase: 'filled', asked: 0, panel: this.#panel('chip') };
      this.#chip = chip;
    }
    chip.challenge = challenge;
    chip.phase = 'filled';
    this.#dropWatch();
    fillInput(challenge.input, grant.value);
    const watch = new OutcomeWatch({
      adapter: this.#d.adapter,
      reservationId: grant.reservationId,
      value: this.#d.normalize(grant.value) ?? grant.value,
      normalize: this.#d.normalize,
      input: challenge.input,
      knownStep: challenge.mode !== 'unknown',
      clock: { setTimeout: (fn, ms) => this.#d.scope.setTimeout(fn, ms) },
      report: (outcome) => void this.#report(watch, outcome),
    });
    this.#watch = watch;
    this.#watchSubmit = challenge.submit;
    this.#chipStatus(chip, autoSubmit && challenge.submit ? TEXT.submitting : TEXT.filled);
    if (autoSubmit && challenge.submit) await clickWhenEnabled(challenge.submit, this.#waiter);
    return true;
  }

  #dropWatch(): void {
    this.#watch?.cancel();
    this.#watch = null;
    this.#watchSubmit = null;
  }

  async #report(watch: OutcomeWatch, outcome: Outcome): Promise<void> {
    if (this.#watch === watch) {
      this.#watch = null;
      this.#watchSubmit = null;
    }
    const reply = await this.#sendPatiently('content/report-outcome', { reservationId: watch.reservationId, outcome });
    const chip = this.#chip;
    if (!chip || outcome === 'accepted') return;
    chip.phase = 'offer';
    if (reply.ok) this.#takeOffer(chip, reply.value);
    this.#chipStatus(chip, outcome === 'rejected' ? TEXT.rejected : TEXT.unknownOutcome);
  }

  /**
   * An outcome must not be lost to a background that is restarting (MV3 workers and event pages
   * stop when idle; a message wakes them, but the first one can fail while they start).
   */
  async #sendPatiently<N extends keyof ContentRequests>(
    type: N,
    body: ContentRequests[N]['req'],
  ): Promise<Result<ContentRequests[N]['res']>> {
    let reply = await this.#d.send(type, body);
    for (const ms of [300, 1_000, 3_000]) {
      if (reply.ok || reply.error.code !== 'internal' || this.#d.scope.signal.aborted) break;
      await new Promise<void>((resolve) => this.#d.scope.setTimeout(resolve, ms));
      reply = await this.#d.send(type, body);
    }
    return reply;
  }

  /** A submit of the step we filled: the person's Next click (or ours, when auto-submitting). */
  #onPageClick(event: Event): void {
    const watch = this.#watch;
    const submit = this.#watchSubmit;
    if (!watch || watch.submitted || !submit) return;
    const target = event.target as Node | null;
    if (!target || !submit.contains(target) || isDisabled(submit)) return;
    watch.submit(this.#doc, this.#currentUrl());
  }

  #onPageKey(event: KeyboardEvent): void {
    const watch = this.#watch;
    if (!watch || watch.submitted || event.key !== 'Enter' || event.isComposing) return;
    if (event.target !== watch.input) return;
    if (this.#watchSubmit && isDisabled(this.#watchSubmit)) return;
    watch.submit(this.#doc, this.#currentUrl());
  }

  #onPageHide(): void {
    this.#watch?.pageHidden();
  }

  // ---- backup-code banner -------------------------------------------------------------------------

  #updateBanner(screen: CodeScreen | null): void {
    const banner = this.#banner;
    if (!screen) {
      if (banner) this.#removeBanner();
      return;
    }
    const key = `${screen.codes.join(' ')}|${screen.handle ?? ''}`;
    if (banner && banner.key === key) {
      banner.screen = screen;
      this.#placeBanner(banner);
      return;
    }
    if (banner) this.#removeBanner();
    if (this.#dismissed.has(key)) return;
    const fresh: BannerState = { key, screen, phase: 'asking', asked: 0, panel: this.#panel('banner') };
    this.#banner = fresh;
    void this.#askCapture(fresh);
  }

  async #askCapture(banner: BannerState): Promise<void> {
    const token = ++banner.asked;
    const body: ContentRequests['content/codes-seen']['req'] = { codes: banner.screen.codes };
    const handle = atHandle(banner.screen.handle);
    if (handle) body.handle = handle;
    const reply = await this.#d.send('content/codes-seen', body);
    if (this.#banner !== banner || token !== banner.asked) return;
    if (reply.ok) {
      banner.seen = reply.value;
      banner.phase = 'offer';
    } else {
      delete banner.seen;
    }
    this.#renderBanner(banner);
  }

  #bannerView(banner: BannerState): PanelView | null {
    const handle = atHandle(banner.screen.handle);
    const notNow: PanelButton = { label: TEXT.notNow, secondary: true, onActivate: () => this.#dismissBanner(banner) };
    const status = banner.status ? { status: banner.status } : {};
    if (banner.phase === 'saved') return { message: TEXT.saved(banner.seen?.label ?? handle), buttons: [], ...status };
    const seen = banner.seen;
    if (!seen) return null;
    if (seen.state === 'locked')
      return { message: TEXT.unlockToSave, hint: TEXT.unlockToSaveHint, buttons: [notNow], ...status };
    if (seen.fresh === 0 || !seen.captureId || !seen.preview) return null;
    const message = banner.screen.codes.length > 1 ? TEXT.saveMany(banner.screen.codes.length, handle) : TEXT.saveOne(handle);
    if (banner.phase === 'saving') return { message, buttons: [], status: TEXT.saving };
    // Exactly what Save does, before the click: the codes it adds, and what it invalidates.
    const preview = seen.preview;
    const hint = preview ? capturePreviewText(preview, this.#d.adapter.site.name) : undefined;
    return {
      message,
      ...(hint ? { hint } : {}),
      buttons: [{ label: TEXT.save, onActivate: () => void this.#save(banner) }, notNow],
      ...status,
    };
  }

  #renderBanner(banner: BannerState): void {
    const view = this.#bannerView(banner);
    if (!view) {
      banner.panel.hide();
      return;
    }
    banner.panel.render(view);
    this.#placeBanner(banner);
  }

  #placeBanner(banner: BannerState): void {
    if (!this.#bannerView(banner)) return;
    const win = this.#doc.defaultView;
    const viewport = { width: win?.innerWidth ?? 0, height: win?.innerHeight ?? 0 };
    const anchor = rectOf(banner.screen.anchor);
    if (!banner.screen.anchor.isConnected || !isVisibleRect(anchor, viewport)) {
      banner.panel.hide();
      return;
    }
    banner.panel.watch(banner.screen.anchor);
    const size = banner.panel.measure();
    banner.panel.show(placeBanner(rectOf(banner.screen.container), anchor, size, viewport));
  }

  async #save(banner: BannerState): Promise<void> {
    const captureId = banner.seen?.captureId;
    const revision = banner.seen?.preview?.revision;
    if (this.#banner !== banner || banner.phase !== 'offer' || !captureId || revision === undefined) return;
    banner.phase = 'saving';
    delete banner.status;
    this.#renderBanner(banner);
    const reply = await this.#d.send('content/codes-save', { captureId, revision, trusted: true });
    if (this.#banner !== banner) return;
    if (!reply.ok) {
      banner.phase = 'offer';
      banner.status = reply.error.message;
      this.#renderBanner(banner);
      // Locked meanwhile, or the capture expired: ask again so the banner tells the truth.
      void this.#askCapture(banner);
      return;
    }
    banner.phase = 'saved';
    this.#renderBanner(banner);
    this.#d.scope.setTimeout(() => {
      if (this.#banner !== banner) return;
      banner.panel.hide();
    }, SAVED_MS);
  }

  #dismissBanner(banner: BannerState): void {
    if (this.#banner !== banner) return;
    this.#dismissed.add(banner.key);
    // The background forgets the pending capture too, so the popup doesn't offer it later.
    const captureId = banner.seen?.captureId;
    if (captureId) void this.#d.send('content/codes-dismiss', { captureId, trusted: true });
    this.#removeBanner();
  }

  #removeBanner(): void {
    this.#banner?.panel.destroy();
    this.#banner = null;
  }

  // ---- fills started by the background (popup, keyboard, context menu) ----------------------------

  /** page/state: the 2FA step shown now (null for none and for an e-mailed code), and the hint. */
  pageState(): PageState {
    const mode = this.#d.adapter.detectChallenge(this.#doc, this.#currentUrl())?.mode;
    const challenge: ChallengeMode | null = mode && mode !== 'email' ? mode : null;
    return this.#hint ? { challenge, accountHint: this.#hint } : { challenge };
  }

  async pageFill(grant: PageFill): Promise<{ filled: boolean }> {
    let challenge = this.#d.adapter.detectChallenge(this.#doc, this.#currentUrl());
    if (!challenge || challenge.mode === 'email') return { filled: false };
    if (challenge.mode === 'app') {
      challenge = await this.#switchToBackup(challenge);
      if (!challenge) return { filled: false };
    }
    const filled = await this.#fill(challenge, grant, grant.autoSubmit && challenge.mode !== 'unknown');
    return { filled };
  }

  // ---- helpers ----------------------------------------------------------------------------------

  #panel(kind: 'chip' | 'banner'): PanelLike {
    return this.#d.makePanel ? this.#d.makePanel(this.#doc, kind) : new Panel(this.#doc, kind);
  }

  /** Polls fn every 50 ms until it returns something truthy; null on timeout or shutdown. */
  #until<T>(fn: () => T | null | undefined | false, timeoutMs: number): Promise<T | null> {
    const { scope } = this.#d;
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
  }

  /** For tests and diagnostics: what the runtime holds right now (no secrets). */
  get state() {
    return {
      hint: this.#hint,
      chip: this.#chip ? { mode: this.#chip.challenge.mode, phase: this.#chip.phase, offer: this.#chip.offer, status: this.#chip.status } : null,
      banner: this.#banner ? { phase: this.#banner.phase, seen: this.#banner.seen, codes: this.#banner.screen.codes.length } : null,
      watching: this.#watch ? { reservationId: this.#watch.reservationId, submitted: this.#watch.submitted } : null,
    };
  }
}
