// Our inline UI on the site's page: a small panel in a CLOSED shadow root under a host element
// with a random tag, shown in the top layer (popover="manual") where the browser supports it, so
// page styles cannot reach inside and page elements cannot be stacked above it without a fight.
// Buttons act only on trusted clicks that land on our host (issue 7: DOM-based clickjacking);
// keyboard activation is accepted (the page cannot focus inside a closed root).
//
// Built with DOM calls and textContent only: no HTML strings, no innerHTML.
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
  hide(): void;
  destroy(): void;
}

const STYLE = `
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
.status { margin: 0 6px; color: #334155; flex-basis: 100%; }
/* The chip is one row that fits inside X's code field: a short status left of the button. */
.chip { flex-wrap: nowrap; }
.chip button { flex: none; white-space: nowrap; font-size: 12px; padding: 4px 10px; }
.chip .status {
  flex: 1 1 auto;
  order: -1;
  min-width: 72px;
  margin: 0 2px 0 6px;
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

/** Host styles, !important so page rules cannot move, hide or restyle the host. */
const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'fixed',
  inset: 'auto',
  margin: '0',
  padding: '0',
  border: '0',
  background: 'transparent',
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
  #renderedKey = '';
  #handlers: (() => void)[] = [];
  #position: Point | null = null;
  #attached = false;

  constructor(doc: Document, kind: PanelKind, tag: string = randomHostTag()) {
    this.#doc = doc;
    this.kind = kind;
    this.host = doc.createElement(tag);
    for (const [name, value] of Object.entries(HOST_STYLE)) this.host.style.setProperty(name, value, 'important');
    this.host.style.setProperty('top', '-10000px', 'important');
    this.host.style.setProperty('left', '-10000px', 'important');
    if (supportsPopover(this.host)) this.host.setAttribute('popover', 'manual');
    this.#root = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    this.#box = doc.createElement('div');
    this.#box.className = `panel ${kind}`;
    // A chip is a small group of controls; the banner is a landmark a person can find again.
    this.#box.setAttribute('role', kind === 'chip' ? 'group' : 'region');
    this.#box.setAttribute('aria-label', 'Sparekey');
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
      brand.textContent = 'Sparekey';
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
    // Only a person's click counts: never one a page script dispatched, never one that landed on
    // something drawn over us (the topmost element at the click point must be our host).
    if (!event.isTrusted) return;
    if (event.detail !== 0 && !this.#isTopmostAt(event.clientX, event.clientY)) {
      this.#status.textContent = 'Sparekey ignored that click: something on the page covers it.';
      return;
    }
    this.#handlers[index]?.();
  }

  #isTopmostAt(x: number, y: number): boolean {
    const top = this.#doc.elementFromPoint(x, y);
    return top === this.host;
  }

  /** Caps the panel's width (px), before measuring and placing it. */
  constrain(maxWidth: number): void {
    this.#box.style.setProperty('max-width', `${maxWidth}px`);
  }

  /** Shows the panel at `at` (viewport coordinates). */
  show(at: Point): void {
    if (!this.#attached) {
      this.#doc.documentElement.append(this.host);
      this.#attached = true;
      this.#position = null;
    }
    this.#openTopLayer();
    if (this.#position?.x !== at.x || this.#position?.y !== at.y) {
      this.host.style.setProperty('left', `${at.x}px`, 'important');
      this.host.style.setProperty('top', `${at.y}px`, 'important');
      this.#position = at;
    }
  }

  /** Puts the panel in the page (off-screen) so it can be measured before it is placed. */
  measure(): Size {
    if (!this.#attached) {
      this.#doc.documentElement.append(this.host);
      this.#attached = true;
      this.#openTopLayer();
    }
    const r = this.host.getBoundingClientRect();
    return { width: r.width, height: r.height };
  }

  #openTopLayer(): void {
    const host = this.host as HTMLElement & { showPopover?: () => void };
    if (!host.showPopover || !host.isConnected) return;
    try {
      if (!host.matches(':popover-open')) host.showPopover();
    } catch {
      // Not in the top layer (e.g. the page removed the attribute): still shown, fixed on top.
    }
  }

  hide(): void {
    if (!this.#attached) return;
    this.host.remove();
    this.#attached = false;
    this.#position = null;
  }

  destroy(): void {
    this.hide();
    this.#handlers = [];
  }
}
