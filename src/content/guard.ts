// The clickjacking guard: decides whether a click on our inline UI is a person's informed click.
//
// Design note (issue 7, item 1; "DOM-based extension clickjacking", M. Tóth, DEF CON 33, 2025).
// The threat is script on the real origin (an XSS on x.com, a compromised third-party script). It
// cannot open our closed shadow root, but it can style, move, hide or cover the host element and
// then lure a real click onto it: a fill burns a single-use code and hands it to that script. So
// a click counts only when all of this holds:
//   1. it is trusted (a script's el.click()/dispatchEvent cannot reach our buttons anyway: the
//      root is closed, and events on the host never reach them);
//   2. the host is as we wrote it: exactly our attributes (a MutationObserver reverts anything
//      else, a bounded number of times, so two observers cannot spin forever), still a child of
//      <html>, still in the top layer (popover); and nothing of the page's is in the top layer
//      (popover, modal dialog, fullscreen, a customizable select's picker), in its shadow roots
//      too, nor a view transition running, WHATEVER ITS BOX: a 0×0 popover opened after ours
//      paints its ::backdrop and its position:fixed children over the whole page with
//      pointer-events:none, and a view transition shows snapshots, not the live page (in Firefox
//      a click goes through them to us). No box comparison can tell; Firefox has no
//      IntersectionObserver v2 to see it either;
//   3. it and what it speaks about (X's code field) are drawn plainly: computed opacity, filter,
//      clip-path, mask and blending up the ancestors, <html> and <body> included; our host's own
//      ::backdrop draws nothing (page stylesheets reach it; the panel's shadow stylesheet hides it,
//      and getComputedStyle(host, '::backdrop') reports the page's styles in Chromium and Firefox
//      alike, so this catches it wherever the hiding fails); and (Chrome) IntersectionObserver v2,
//      which also sees occlusion by pointer-events:none overlays;
//   4. the click point's topmost element (elementsFromPoint) is our host;
//   5. the mouse moved onto the chip where it is now: a chip the page moved under a resting
//      pointer (or dragged along with it) does not count until the pointer leaves and comes back
//      (touch has no hover: there, the chip must have stayed put for SETTLE_MS);
//   6. none of the above failed in the last SETTLE_MS: a page that hides us and shows us again
//      just before the click (at pointerdown, say) is still caught, by the observers and by a
//      sampler that re-checks 2. and 3. every SAMPLE_MS while the chip is up.
// A refusal costs a person one more click; nothing is reserved before all of this passed.
// Filling from the popup, the keyboard command or the context menu never goes through here.
//
// Known limits: an attacker who covers us only between two samples and never mutates the DOM (by
// editing CSSOM rules) is caught in Chrome by IntersectionObserver v2 but in Firefox only when the
// click comes while it still covers us. A chip that appears in the path of a moving pointer counts.
// A site that keeps a popover or dialog of its own open while the chip is up gets every click on
// the chip refused (the popup and the keyboard command still fill): we cannot tell its decoys
// from its toasts.

/** A click counts only after this long without anything wrong with our UI. */
export const SETTLE_MS = 1_000;
/** How often the sampler re-checks the host while it is up. */
export const SAMPLE_MS = 150;
/**
 * Reverts (or re-shows) allowed per SAMPLE_MS: a page whose observer undoes each revert would
 * otherwise spin both observers forever in one task. Past that we stop fighting until the next
 * sample, and keep refusing.
 */
const MAX_REVERTS = 20;

export type Refusal = 'untrusted' | 'interfered' | 'moved';

export interface ClickFacts {
  trusted: boolean;
  x: number;
  y: number;
  /** 0 for a keyboard activation (no point to check), else the click count. */
  detail: number;
  /** 'mouse' | 'touch' | 'pen'; '' or undefined when unknown. */
  pointerType?: string | undefined;
}

/** Every host element we made: never counted as the page's top-layer element. */
const OURS = new WeakSet<Element>();

interface Pointer {
  last: { x: number; y: number } | null;
  /** Per host: the box it had when the mouse last moved onto it from outside. */
  entered: WeakMap<Element, string>;
}
const pointers = new WeakMap<Document, Pointer>();

type Box = { left: number; top: number; right: number; bottom: number; width: number; height: number };
const keyOf = (r: Box) => [r.left, r.top, r.width, r.height].map(Math.round).join();
const centreOf = (el: Element): [number, number] => {
  const r = el.getBoundingClientRect();
  return [r.left + r.width / 2, r.top + r.height / 2];
};
const inside = (p: { x: number; y: number }, r: Box) => p.x >= r.left && p.x <= r.right && p.y >= r.top && p.y <= r.bottom;

/**
 * Follows the mouse over the whole document from the start (so "where was the pointer before the
 * chip came?" has an answer), noting when it moves onto one of our hosts from outside it.
 */
export function trackPointer(doc: Document, signal: AbortSignal): void {
  const p: Pointer = { last: null, entered: new WeakMap() };
  pointers.set(doc, p);
  const on = (e: PointerEvent) => {
    const target = e.target as Element | null;
    if (e.type === 'pointermove' && e.pointerType === 'mouse' && target && OURS.has(target)) {
      const r = target.getBoundingClientRect();
      if (!p.last || !inside(p.last, r)) p.entered.set(target, keyOf(r));
    }
    p.last = { x: e.clientX, y: e.clientY };
  };
  const opts = { capture: true, passive: true, signal };
  doc.addEventListener('pointermove', on, opts);
  doc.addEventListener('pointerdown', on, opts);
}

type ShadowApi = { dom?: { openOrClosedShadowRoot?: (el: Element) => ShadowRoot | null } };

/** The shadow root of `el`, closed ones too: extensions may (chrome.dom / Firefox's Xray API). */
function shadowOf(el: Element): ShadowRoot | null {
  try {
    const chromeDom = (globalThis as { chrome?: ShadowApi }).chrome?.dom;
    if (chromeDom?.openOrClosedShadowRoot) return chromeDom.openOrClosedShadowRoot(el);
    return (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ?? el.shadowRoot;
  } catch {
    return null;
  }
}

/**
 * What puts a page element in the top layer (or, for a view transition, draws over all of it):
 * popovers, modal dialogs, fullscreen, a customizable <select>'s picker (Chromium: drawn by the
 * page, in the top layer, matched by `select:open` but not `:popover-open`), and an element with
 * an active view transition (<html> for the document's; Chromium's element-scoped ones too).
 * Only those this engine parses, as one selector: one query per root. Built on first use.
 */
let topLayerSelector: string | undefined;
function topLayerQuery(doc: Document): string {
  if (topLayerSelector === undefined) {
    const known = [':popover-open', ':modal', ':fullscreen', 'select:open', ':active-view-transition'].filter((selector) => {
      try {
        doc.documentElement.matches(selector);
        return true;
      } catch {
        return false; // a selector this engine does not know: nothing of that kind can be open
      }
    });
    topLayerSelector = known.join(',');
  }
  return topLayerSelector;
}

/**
 * Whether anything of the page's is in the top layer, whatever its box (`deep`: in its shadow
 * roots too). A 0×0 popover still paints its ::backdrop and its position:fixed children over all
 * of the page, with pointer-events:none; no box comparison can tell.
 */
function pageInTopLayer(root: Document | ShadowRoot, selector: string, deep: boolean): boolean {
  if (selector) for (const el of root.querySelectorAll(selector)) if (!OURS.has(el)) return true;
  if (!deep) return false;
  for (const el of root.querySelectorAll('*')) {
    if (OURS.has(el)) continue;
    const shadow = shadowOf(el);
    if (shadow && pageInTopLayer(shadow, selector, true)) return true;
  }
  return false;
}

/**
 * Whether a view transition is running: the person sees its snapshots, not the live page (and
 * in Firefox a click goes through them to whatever is beneath). The property where the engine has
 * it (the selector query above catches the rest).
 */
function viewTransitionActive(doc: Document): boolean {
  try {
    return !!(doc as Document & { activeViewTransition?: unknown }).activeViewTransition;
  } catch {
    return false;
  }
}

const isSet = (v: string | undefined) => !!v && v !== 'none' && v !== 'normal';

/**
 * Whether `el` is drawn as itself: visible, and the product of opacities up to <html> at least
 * `minOpacity`; on <html>, its children (<body>, our host) no filter, clip-path, mask or blending.
 */
export function drawnPlainly(el: Element, minOpacity: number): boolean {
  const win = el.ownerDocument.defaultView;
  if (!win) return false;
  const check = (el as Element & { checkVisibility?: (o: object) => boolean }).checkVisibility;
  if (check && !check.call(el, { opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) return false;
  let opacity = 1;
  for (let e: Element | null = el; e; e = e.parentElement ?? (e.parentNode as ShadowRoot | null)?.host ?? null) {
    const s = win.getComputedStyle(e);
    const o = parseFloat(s.opacity);
    if (!Number.isNaN(o)) opacity *= o;
    if (s.visibility === 'hidden' || s.visibility === 'collapse') return false;
    if (!e.parentElement?.parentElement && [s.filter, s.clipPath, s.maskImage, s.mixBlendMode].some(isSet)) return false;
  }
  return opacity >= minOpacity;
}

/** A computed colour that draws nothing: transparent, or alpha 0 (rgba()'s fourth value, or after "/"). */
function clear(colour: string): boolean {
  if (!colour || colour === 'transparent') return true;
  const alpha = /^rgba\((?:[^,]*,){3}\s*([\d.]+)%?\s*\)$/.exec(colour) ?? /\/\s*([\d.]+)%?\s*\)$/.exec(colour);
  return !!alpha && parseFloat(alpha[1]!) === 0;
}

/**
 * Whether `host`'s ::backdrop (it has one while in the top layer) draws anything. The page's own
 * stylesheets reach it (`*::backdrop`, `[popover]::backdrop`, the tag it reads off the host) and
 * could paint a decoy over the whole page under our chip, or blur it. The panel's shadow
 * stylesheet hides it (ui.ts), which holds in Chromium and Firefox; this refuses wherever it does
 * not. Both report the page's styles here, so anything that paints is seen.
 */
export function backdropPaints(host: Element): boolean {
  const win = host.ownerDocument.defaultView;
  if (!win) return false;
  let s: CSSStyleDeclaration;
  try {
    s = win.getComputedStyle(host, '::backdrop');
  } catch {
    return false; // no ::backdrop in this engine
  }
  if (s.display === 'none') return false;
  const widths = [s.borderTopWidth, s.borderRightWidth, s.borderBottomWidth, s.borderLeftWidth];
  return (
    !clear(s.backgroundColor) ||
    [s.backgroundImage, s.borderImageSource, s.boxShadow, s.filter, s.backdropFilter].some(isSet) ||
    widths.some((w) => parseFloat(w) > 0) ||
    (isSet(s.outlineStyle) && parseFloat(s.outlineWidth) > 0) ||
    // Scrollbars are drawn, even on an empty box.
    s.overflowX === 'scroll' ||
    s.overflowY === 'scroll'
  );
}

export class Guard {
  readonly #host: HTMLElement;
  readonly #doc: Document;
  readonly #now: () => number;
  #attrs: Record<string, string> = {};
  #context: Element | null = null;
  #badAt = -Infinity;
  #reverts: number[] = [];
  #observer: MutationObserver | null = null;
  #io: IntersectionObserver | null = null;
  /** IntersectionObserver v2's last word (Chrome): false while something covers or fades us. */
  #ioVisible: boolean | undefined;
  #timer = 0;
  /**
   * We showed the host in the top layer since start(): finding it closed later means the page
   * closed it (we close it only by stopping), even when we reopen it in the same moment, before
   * any sample could see it (a page's observer that hides it as it appears: auto-fill's case).
   */
  #shown = false;
  /** The host's box and since when (for touch, which has no hover). */
  #placed = { key: '', at: 0 };

  constructor(host: HTMLElement, now: () => number = () => performance.now()) {
    this.#host = host;
    this.#doc = host.ownerDocument;
    this.#now = now;
    OURS.add(host);
  }

  /** Writes the host's whole attribute set; anything else on it later is the page's doing. */
  write(attrs: Record<string, string>): void {
    this.#attrs = attrs;
    this.#restore();
  }

  /** The page element our UI speaks about (X's code field): it must be drawn plainly too. */
  watch(context: Element | null): void {
    this.#context = context;
  }

  /** Starts watching (the host is in the page); idempotent. */
  start(): void {
    if (this.#observer) return;
    const win = this.#doc.defaultView;
    const observer = new (win?.MutationObserver ?? MutationObserver)((records) => this.#onMutations(records));
    observer.observe(this.#host, { attributes: true });
    const ancestors = { attributes: true, attributeFilter: ['style', 'class', 'hidden', 'inert'] };
    observer.observe(this.#doc.documentElement, ancestors);
    if (this.#doc.body) observer.observe(this.#doc.body, ancestors);
    this.#observer = observer;
    const IO = win?.IntersectionObserver;
    if (IO) {
      try {
        const io = new IO(
          (entries) => {
            for (const entry of entries) {
              const visible = (entry as IntersectionObserverEntry & { isVisible?: boolean }).isVisible;
              if (visible === undefined || !entry.isIntersecting) continue;
              // Covered, or just uncovered: either way the last SETTLE_MS were not clean.
              if (!visible || this.#ioVisible === false) this.#bad();
              this.#ioVisible = visible;
            }
          },
          { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
        );
        io.observe(this.#host);
        this.#io = io;
      } catch {
        // No visibility tracking here (Firefox): the sampler and the click-time checks remain.
      }
    }
    const tick = () => {
      this.sample();
      this.#timer = (win ?? globalThis).setTimeout(tick, SAMPLE_MS) as unknown as number;
    };
    this.#timer = (win ?? globalThis).setTimeout(tick, SAMPLE_MS) as unknown as number;
  }

  stop(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#io?.disconnect();
    this.#io = null;
    this.#ioVisible = undefined;
    (this.#doc.defaultView ?? globalThis).clearTimeout(this.#timer);
    this.#shown = false;
  }

  /** One look at the host: records trouble, restores what it may. */
  sample(): void {
    if (!this.#intact()) {
      this.#bad();
      if (this.#mayFight()) this.#restore();
    }
    if (this.#host.isConnected && !this.#inTopLayer()) {
      this.#bad();
      if (this.#mayFight()) this.reopen();
    }
    // Chrome's IntersectionObserver v2 sees any cover, so there the light DOM is enough between
    // clicks (piercing every shadow root costs ~10 µs an element through chrome.dom).
    if (!this.#clean() || this.#pageOnTop(this.#ioVisible === undefined)) this.#bad();
    const key = keyOf(this.#host.getBoundingClientRect());
    if (key !== this.#placed.key) this.#placed = { key, at: this.#now() };
  }

  /** Puts the host (back) in the top layer, on top of it. */
  reopen(): void {
    const host = this.#host as HTMLElement & { showPopover?: () => void };
    if (!host.showPopover || !host.isConnected || !host.hasAttribute('popover')) return;
    try {
      if (!host.matches(':popover-open')) {
        if (this.#shown) this.#bad();
        host.showPopover();
      }
      this.#shown = true;
    } catch {
      // Not allowed right now (e.g. the host is being moved): the next sample tries again.
    }
  }

  /**
   * The passive checks, for a fill no click starts (auto-fill, issue 14): everything verdict()
   * checks but the click itself. Our host is intact, in the top layer, drawn plainly and topmost
   * at its centre; X's code field is drawn plainly and nothing of the page's covers its centre
   * (our own chip may); nothing of the page's is in the top layer; and nothing was wrong in the
   * last SETTLE_MS. Where the engine cannot say what is on top (no elementsFromPoint), no.
   */
  passive(): boolean {
    // One deep look (every shadow root) only: it is what costs here, and the step is waiting.
    if (!this.#clean() || this.#pageOnTop(true)) {
      this.#bad();
      return false;
    }
    if (this.#now() - this.#badAt < SETTLE_MS) return false;
    const doc = this.#doc;
    if (typeof doc.elementsFromPoint !== 'function') return false;
    if (doc.elementsFromPoint(...centreOf(this.#host))[0] !== this.#host) return false;
    const context = this.#context;
    if (!context) return true;
    const over = doc.elementsFromPoint(...centreOf(context)).find((e) => !OURS.has(e));
    return !!over && (over === context || context.contains(over));
  }

  /** Why this click must not act, or null when it may. */
  verdict(click: ClickFacts): Refusal | null {
    if (!click.trusted) return 'untrusted';
    this.sample();
    const box = this.#host.getBoundingClientRect();
    if (!this.#clean() || this.#pageOnTop(true)) {
      this.#bad();
      return 'interfered';
    }
    const now = this.#now();
    if (now - this.#badAt < SETTLE_MS) return 'interfered';
    if (click.detail === 0) return null; // keyboard: the person moved focus here themselves
    if (this.#doc.elementsFromPoint?.(click.x, click.y)[0] !== this.#host) {
      this.#bad();
      return 'interfered';
    }
    if (!click.pointerType || click.pointerType === 'mouse') {
      return pointers.get(this.#doc)?.entered.get(this.#host) === keyOf(box) ? null : 'moved';
    }
    return now - this.#placed.at >= SETTLE_MS ? null : 'moved';
  }

  #bad(): void {
    this.#badAt = this.#now();
  }

  /** Everything but the event-specific checks: intact, in the top layer, drawn plainly. */
  #clean(): boolean {
    const host = this.#host;
    const box = host.getBoundingClientRect();
    return (
      this.#intact() &&
      host.parentNode === this.#doc.documentElement &&
      this.#inTopLayer() &&
      !this.#doc.fullscreenElement &&
      this.#ioVisible !== false &&
      box.width >= 16 &&
      box.height >= 16 &&
      drawnPlainly(host, 0.99) &&
      !(this.#popoverOpen() && backdropPaints(host)) &&
      (!this.#context || (this.#context.isConnected && drawnPlainly(this.#context, 0.5)))
    );
  }

  /** The page has something in the top layer (any box), or a view transition over it all. */
  #pageOnTop(deep: boolean): boolean {
    return viewTransitionActive(this.#doc) || pageInTopLayer(this.#doc, topLayerQuery(this.#doc), deep);
  }

  #inTopLayer(): boolean {
    const host = this.#host as HTMLElement & { showPopover?: unknown };
    return typeof host.showPopover !== 'function' || host.matches(':popover-open');
  }

  /** Shown as a popover: only then has the host a ::backdrop (whatever its computed style says). */
  #popoverOpen(): boolean {
    const host = this.#host as HTMLElement & { showPopover?: unknown };
    return typeof host.showPopover === 'function' && host.matches(':popover-open');
  }

  #intact(): boolean {
    const host = this.#host;
    const names = Object.keys(this.#attrs);
    return host.attributes.length === names.length && names.every((n) => host.getAttribute(n) === this.#attrs[n]);
  }

  #restore(): void {
    const host = this.#host;
    for (const name of host.getAttributeNames()) if (!(name in this.#attrs)) host.removeAttribute(name);
    for (const [name, value] of Object.entries(this.#attrs)) if (host.getAttribute(name) !== value) host.setAttribute(name, value);
  }

  #mayFight(): boolean {
    const now = this.#now();
    this.#reverts = this.#reverts.filter((t) => now - t < SAMPLE_MS);
    if (this.#reverts.length >= MAX_REVERTS) return false;
    this.#reverts.push(now);
    return true;
  }

  #onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.target !== this.#host) {
        this.#bad(); // <html> or <body> restyled: what the person sees may just have changed
      } else if (!this.#intact()) {
        this.#bad();
        if (this.#mayFight()) this.#restore();
      }
    }
  }
}
