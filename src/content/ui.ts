// Our inline UI on the site's page: a small panel in a CLOSED shadow root under a host element
// with a random tag, shown in the top layer (popover="manual") where the browser supports it, so
// page styles cannot reach inside and page elements cannot be stacked above it without a fight.
// Buttons act only on clicks the guard accepts (guard.ts: issue 7, DOM-based clickjacking): a
// person's click on a host that is intact, visible, on top and was not moved under the pointer.
// Keyboard activation is accepted (the page cannot focus inside a closed root).
//
// Built with DOM calls and textContent only: no HTML strings, no innerHTML.
import { msg, textLanguage, type PlainKey } from '../i18n';
import { Guard, type Refusal } from './guard';
import type { Point, Size } from './place';

export interface PanelButton {
  /** The button's text, which is also its accessible name. */
  label: string;
  onActivate: () => void;
  secondary?: boolean;
}

export interface PanelView {
  /** The banner's question ("Save this backup code for @x to Sparekey?"); none on the chip. */
  message?: string;
  /** A second, quieter line under the message. */
  hint?: string;
  buttons: PanelButton[];
  /** Progress and results, announced politely to screen readers. */
  status?: string;
}

export type PanelKind = 'chip' | 'banner';

/** What the runtime needs of a panel (tests substitute a recorder). */
export interface PanelLike {
  render(view: PanelView): void;
  constrain(maxWidth: number): void;
  measure(): Size;
  show(at: Point): void;
  /** The page element the panel speaks about (X's code field): it must be visible for a click to count. */
  watch(context: Element | null): void;
  /** The guard's passive checks (guard.ts passive()): shown, seen plainly, nothing over it or the field. */
  seenPlainly(): boolean;
  hide(): void;
  destroy(): void;
}

// The page's stylesheets reach our host's ::backdrop (*::backdrop, [popover]::backdrop, the tag it
// reads off the host): a decoy over the whole page under the chip, a blur of it, or just a site's
// own backdrop dimming X's page whenever the chip is up. Important declarations from inside the
// shadow tree beat the page's important ones, in layers too (seen in Chromium 156 and Firefox
// 153), so it is never drawn. Transitions would outrank them: none. The guard refuses a click
// wherever the backdrop paints anyway (guard.ts).
const BACKDROP_STYLE = ':host::backdrop { display: none !important; transition: none !important; animation: none !important; }';

const STYLE = `
${BACKDROP_STYLE}
.panel {
  box-sizing: border-box;
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 6px;
  max-width: 340px;
  padding: 4px;
  font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  color: #0f172a;
  background: #ffffff;
  border: 1px solid #0f766e;
  border-radius: 16px;
  box-shadow: 0 2px 12px rgba(15, 23, 42, 0.22);
}
.banner { flex-direction: column; align-items: stretch; padding: 12px 14px; gap: 8px; width: 300px; border-radius: 12px; }
.brand { font-weight: 700; color: #0f766e; letter-spacing: 0.01em; }
.message { margin: 0; font-weight: 600; }
.hint { margin: 0; color: #334155; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; }
button {
  font: inherit;
  font-weight: 600;
  min-height: 28px;
  padding: 4px 12px;
  border-radius: 9999px;
  border: 1px solid #0f766e;
  background: #0f766e;
  color: #ffffff;
  cursor: pointer;
}
button.secondary { background: #ffffff; color: #0f766e; }
button:hover { filter: brightness(1.08); }
button:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 2px; }
/* Logical properties only (margin-inline…): the box's dir follows our words' language. */
.status { margin-block: 0; margin-inline: 6px; color: #334155; flex-basis: 100%; }
/* The chip is one row that fits inside X's code field: a short status before the button. */
.chip { flex-wrap: nowrap; }
.chip button { flex: none; white-space: nowrap; font-size: 12px; padding: 4px 10px; }
.chip .status {
  flex: 1 1 auto;
  order: -1;
  min-width: 72px;
  margin-block: 0;
  margin-inline: 6px 2px;
  font-size: 12px;
  line-height: 14px;
  display: -webkit-box;
  -webkit-box-orient: vertical;
  -webkit-line-clamp: 2;
  overflow: hidden;
}
.status:empty, .chip .status:empty { display: none; }
`;

/** A valid custom element name nobody can predict: two random lowercase words joined by "-". */
export function randomHostTag(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const word = (bytes: Uint8Array) => Array.from(bytes, (b) => letters[b % 26]).join('');
  const bytes = random(12);
  return `${word(bytes.subarray(0, 6))}-${word(bytes.subarray(6, 12))}`;
}

/**
 * Host styles, !important so page rules cannot move, hide or restyle the host (`all: initial`
 * already resets background, border, masks, transitions…; the rest is said explicitly).
 */
const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'fixed',
  inset: 'auto',
  margin: '0',
  padding: '0',
  overflow: 'visible',
  width: 'auto',
  height: 'auto',
  'max-width': 'none',
  'max-height': 'none',
  opacity: '1',
  visibility: 'visible',
  display: 'block',
  transform: 'none',
  filter: 'none',
  'clip-path': 'none',
  'pointer-events': 'auto',
  'z-index': '2147483647',
  'color-scheme': 'light',
};

/** The host's whole style attribute, placed at `at`. */
function hostStyle(at: Point): string {
  const all = { ...HOST_STYLE, left: `${at.x}px`, top: `${at.y}px` };
  return Object.entries(all)
    .map(([name, value]) => `${name}: ${value} !important;`)
    .join(' ');
}

/** What a refused click says (an untrusted one says nothing: no person is there to read it). */
export const REFUSED: Record<Exclude<Refusal, 'untrusted'>, PlainKey> = {
  interfered: 'inlineClickCovered',
  moved: 'inlineClickMoved',
};

function supportsPopover(el: HTMLElement): boolean {
  return typeof (el as HTMLElement & { showPopover?: unknown }).showPopover === 'function';
}

export class Panel implements PanelLike {
  readonly host: HTMLElement;
  readonly kind: PanelKind;
  readonly #doc: Document;
  readonly #root: ShadowRoot;
  readonly #box: HTMLElement;
  readonly #status: HTMLElement;
  readonly #guard: Guard;
  readonly #popover: boolean;
  #renderedKey = '';
  #handlers: (() => void)[] = [];
  #position: Point | null = null;
  #attached = false;

  constructor(doc: Document, kind: PanelKind, tag: string = randomHostTag()) {
    this.#doc = doc;
    this.kind = kind;
    this.host = doc.createElement(tag);
    this.#guard = new Guard(this.host);
    this.#popover = supportsPopover(this.host);
    this.#place({ x: -10000, y: -10000 });
    this.#root = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    this.#box = doc.createElement('div');
    this.#box.className = `panel ${kind}`;
    // A chip is a small group of controls; the banner is a landmark a person can find again.
    this.#box.setAttribute('role', kind === 'chip' ? 'group' : 'region');
    this.#box.setAttribute('aria-label', msg('appName'));
    // Our words' language and direction, whatever the page's: Arabic runs right to left in the
    // chip and the banner on an English X page too (the CSS below is in logical properties).
    const { lang, dir } = textLanguage();
    this.#box.lang = lang;
    this.#box.dir = dir;
    this.#status = doc.createElement('p');
    this.#status.className = 'status';
    this.#status.setAttribute('role', 'status');
    this.#status.setAttribute('aria-live', 'polite');
    this.#root.append(style, this.#box);
  }

  get attached(): boolean {
    return this.#attached;
  }

  /** Draws `view`; redraws only when something visible changed, so focus is kept. */
  render(view: PanelView): void {
    const key = JSON.stringify([view.message, view.hint, view.buttons.map((b) => [b.label, b.secondary]), view.status]);
    if (key === this.#renderedKey) {
      this.#handlers = view.buttons.map((b) => b.onActivate);
      return;
    }
    this.#renderedKey = key;
    this.#handlers = view.buttons.map((b) => b.onActivate);
    const doc = this.#doc;
    const parts: Node[] = [];
    if (this.kind === 'banner') {
      const brand = doc.createElement('span');
      brand.className = 'brand';
      brand.textContent = msg('appName');
      parts.push(brand);
    }
    if (view.message) {
      const p = doc.createElement('p');
      p.className = 'message';
      p.textContent = view.message;
      parts.push(p);
    }
    if (view.hint) {
      const p = doc.createElement('p');
      p.className = 'hint';
      p.textContent = view.hint;
      parts.push(p);
    }
    const actions = this.kind === 'banner' ? doc.createElement('div') : null;
    if (actions) actions.className = 'actions';
    view.buttons.forEach((b, i) => {
      const button = doc.createElement('button');
      button.type = 'button';
      button.textContent = b.label;
      if (b.secondary) button.className = 'secondary';
      button.addEventListener('click', (event) => this.#onClick(event, i));
      if (actions) actions.append(button);
      else parts.push(button);
    });
    if (actions && view.buttons.length) parts.push(actions);
    this.#status.textContent = view.status ?? '';
    // The chip may clip a long status to two lines; the full text stays available on hover.
    if (view.status) this.#status.title = view.status;
    else this.#status.removeAttribute('title');
    parts.push(this.#status);
    this.#box.replaceChildren(...parts);
  }

  #onClick(event: MouseEvent, index: number): void {
    const refusal = this.#guard.verdict({
      trusted: event.isTrusted,
      x: event.clientX,
      y: event.clientY,
      detail: event.detail,
      pointerType: (event as PointerEvent).pointerType,
    });
    if (refusal) {
      if (refusal !== 'untrusted') this.#status.textContent = msg(REFUSED[refusal]);
      return;
    }
    this.#handlers[index]?.();
  }

  /** Writes the host's attributes (through the guard, which treats anything else as the page's). */
  #place(at: Point): void {
    this.#guard.write(this.#popover ? { style: hostStyle(at), popover: 'manual' } : { style: hostStyle(at) });
    this.#position = at;
  }

  watch(context: Element | null): void {
    this.#guard.watch(context);
  }

  seenPlainly(): boolean {
    return this.#attached && this.#guard.passive();
  }

  /** Caps the panel's width (px), before measuring and placing it. */
  constrain(maxWidth: number): void {
    this.#box.style.setProperty('max-width', `${maxWidth}px`);
  }

  /** Shows the panel at `at` (viewport coordinates). */
  show(at: Point): void {
    this.#attach();
    if (this.#position?.x !== at.x || this.#position?.y !== at.y) this.#place(at);
  }

  /** Puts the panel in the page (off-screen) so it can be measured before it is placed. */
  measure(): Size {
    this.#attach();
    const r = this.host.getBoundingClientRect();
    return { width: r.width, height: r.height };
  }

  /** In the page as a child of <html> and in the top layer (again, if the page moved it). */
  #attach(): void {
    const html = this.#doc.documentElement;
    if (!this.#attached || this.host.parentNode !== html) {
      html.append(this.host);
      this.#attached = true;
      this.#guard.start();
    }
    this.#guard.reopen();
  }

  hide(): void {
    if (!this.#attached) return;
    this.#guard.stop();
    this.host.remove();
    this.#attached = false;
  }

  destroy(): void {
    this.hide();
    this.#handlers = [];
  }
}
