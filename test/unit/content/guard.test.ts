// @vitest-environment jsdom
// The clickjacking guard (src/content/guard.ts), rule by rule, in jsdom. jsdom cannot make trusted
// events, so verdicts are asked with the facts a click would carry; it has no top layer either, so
// where a rule needs one the test says what the browser would (showPopover, :popover-open). The
// e2e file test/e2e/adversarial-clickjacking.e2e.test.ts runs the same attacks in real browsers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backdropPaints, drawnPlainly, Guard, SAMPLE_MS, SETTLE_MS, trackPointer, type ClickFacts } from '../../../src/content/guard';

const OUR_STYLE = 'all: initial !important; position: fixed !important; left: 100px !important; top: 100px !important; opacity: 1 !important;';
/** Our host's box; the page's elements get theirs from `boxes`. */
const HOST_BOX = { x: 100, y: 100, width: 180, height: 36 };

let now = 0;
let host: HTMLElement;
let guard: Guard;
let pointer: AbortController;
const boxes = new Map<Element, typeof HOST_BOX>();

function rect(b: typeof HOST_BOX): DOMRect {
  return { ...b, left: b.x, top: b.y, right: b.x + b.width, bottom: b.y + b.height, toJSON: () => ({}) } as DOMRect;
}

/** Lets MutationObserver callbacks run. */
const flush = () => new Promise((r) => setTimeout(r, 0));

/** A click in the middle of our host, as a person's mouse makes it. */
const click = (over: Partial<ClickFacts> = {}): ClickFacts => ({
  trusted: true,
  x: HOST_BOX.x + HOST_BOX.width / 2,
  y: HOST_BOX.y + HOST_BOX.height / 2,
  detail: 1,
  pointerType: 'mouse',
  ...over,
});

/** A real-looking pointer move (jsdom has no PointerEvent constructor). */
function move(x: number, y: number, target: EventTarget = document.body, pointerType = 'mouse'): void {
  const event = new MouseEvent('pointermove', { clientX: x, clientY: y, bubbles: true, composed: true });
  Object.defineProperty(event, 'pointerType', { value: pointerType });
  target.dispatchEvent(event);
}

/**
 * What the browser would answer for the top layer (jsdom has none): `root`'s query for the
 * top-layer pseudo-classes finds `open`. Returns the selectors the guard asked for.
 */
function topLayer(root: Document | ShadowRoot, open: () => Element[]): string[] {
  const asked: string[] = [];
  const query = root.querySelectorAll.bind(root);
  root.querySelectorAll = ((selector: string) => {
    if (!selector.includes(':popover-open')) return query(selector);
    asked.push(selector);
    return open();
  }) as typeof root.querySelectorAll;
  return asked;
}

/** Our host as the browser shows it: in the top layer (a popover), as the panel puts it. */
function hostShownAsPopover(): void {
  Object.assign(host, { showPopover: () => undefined });
  const matches = host.matches.bind(host);
  host.matches = ((selector: string) => selector === ':popover-open' || matches(selector)) as typeof host.matches;
}

/** The mouse comes onto the chip from outside, as a person's does. */
function pointAtHost(): void {
  move(10, 10);
  move(HOST_BOX.x + HOST_BOX.width / 2, HOST_BOX.y + HOST_BOX.height / 2, host);
}

beforeEach(() => {
  now = 10_000;
  boxes.clear();
  boxes.set(document.documentElement, { x: 0, y: 0, width: 1280, height: 800 });
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    return rect(boxes.get(this) ?? { x: 0, y: 0, width: 0, height: 0 });
  });
  host = document.createElement('abcdef-ghijkl');
  host.attachShadow({ mode: 'closed' });
  boxes.set(host, HOST_BOX);
  guard = new Guard(host, () => now);
  guard.write({ style: OUR_STYLE });
  document.documentElement.append(host);
  guard.start();
  // The topmost element at any point is our host, unless a test says otherwise.
  document.elementsFromPoint = () => [host, document.documentElement];
  pointer = new AbortController();
  trackPointer(document, pointer.signal);
});

afterEach(() => {
  guard.stop();
  pointer.abort();
  host.remove();
  document.documentElement.removeAttribute('style');
  document.body.removeAttribute('style');
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('a click on an untouched chip', () => {
  it('counts when it is trusted and the mouse came onto the chip', () => {
    pointAtHost();
    expect(guard.verdict(click())).toBeNull();
  });

  it('never counts when a script made it (isTrusted false)', () => {
    pointAtHost();
    expect(guard.verdict(click({ trusted: false }))).toBe('untrusted');
  });

  it('counts from the keyboard (no point to check: the person put focus there)', () => {
    expect(guard.verdict(click({ detail: 0, pointerType: '' }))).toBeNull();
  });
});

describe('the host as we wrote it (MutationObserver)', () => {
  it('reverts a style the page sets on the host and refuses clicks until SETTLE_MS passed quietly', async () => {
    pointAtHost();
    host.style.setProperty('opacity', '0', 'important');
    await flush();
    expect(host.getAttribute('style')).toBe(OUR_STYLE);
    expect(guard.verdict(click())).toBe('interfered');
    now += SETTLE_MS - 1;
    expect(guard.verdict(click())).toBe('interfered');
    now += 1;
    expect(guard.verdict(click())).toBeNull();
  });

  it('removes attributes the page adds (hidden, inert, class, tabindex) and refuses meanwhile', async () => {
    for (const [name, value] of [['hidden', ''], ['inert', ''], ['class', 'x'], ['tabindex', '0']]) {
      now += SETTLE_MS;
      pointAtHost();
      host.setAttribute(name!, value!);
      await flush();
      expect(host.hasAttribute(name!)).toBe(false);
      expect(guard.verdict(click())).toBe('interfered');
    }
  });

  it('stops fighting a page that undoes every revert (no endless observer loop) and keeps refusing', async () => {
    let rounds = 0;
    const page = new MutationObserver(() => {
      rounds++;
      if (host.style.getPropertyValue('opacity') !== '0') host.style.setProperty('opacity', '0', 'important');
    });
    page.observe(host, { attributes: true });
    host.style.setProperty('opacity', '0', 'important');
    for (let i = 0; i < 5; i++) await flush();
    page.disconnect();
    expect(rounds).toBeLessThan(50);
    expect(host.style.getPropertyValue('opacity')).toBe('0');
    pointAtHost();
    now += SETTLE_MS * 5;
    expect(guard.verdict(click())).toBe('interfered');
    // Past a sample period, the guard reverts again (the page stopped fighting).
    now += SAMPLE_MS;
    guard.sample();
    expect(host.getAttribute('style')).toBe(OUR_STYLE);
  });

  it('refuses when the page moved the host out of <html>', () => {
    pointAtHost();
    document.body.append(host);
    expect(guard.verdict(click())).toBe('interfered');
  });

  it('treats a restyled <html> or <body> as interference (what the person sees just changed)', async () => {
    pointAtHost();
    document.body.className = 'anything';
    await flush();
    expect(guard.verdict(click())).toBe('interfered');
    now += SETTLE_MS;
    expect(guard.verdict(click())).toBeNull();
  });
});

describe('drawn plainly (computed styles up the ancestors)', () => {
  it('sees opacity, filter, clip-path and visibility on the element, <html> or <body>', () => {
    const field = document.createElement('input');
    const label = document.createElement('label');
    label.append(field);
    document.body.append(label);
    expect(drawnPlainly(field, 0.5)).toBe(true);
    const tricks: [HTMLElement, string, string][] = [
      [document.documentElement, 'opacity', '0.001'],
      [document.body, 'opacity', '0'],
      [label, 'opacity', '0.2'],
      [document.body, 'filter', 'opacity(0)'],
      [document.documentElement, 'clip-path', 'inset(50%)'],
      [label, 'visibility', 'hidden'],
    ];
    for (const [el, prop, value] of tricks) {
      el.style.setProperty(prop, value);
      expect(drawnPlainly(field, 0.5), `${el.localName} { ${prop}: ${value} }`).toBe(false);
      el.style.removeProperty(prop);
      expect(drawnPlainly(field, 0.5)).toBe(true);
    }
  });

  it('refuses while X\'s code field (what the chip speaks about) is faded out', () => {
    const field = document.createElement('input');
    document.body.append(field);
    guard.watch(field);
    pointAtHost();
    expect(guard.verdict(click())).toBeNull();
    document.body.style.opacity = '0';
    expect(guard.verdict(click())).toBe('interfered');
    document.body.style.opacity = '';
    now += SETTLE_MS;
    field.remove();
    expect(guard.verdict(click())).toBe('interfered');
  });

  it('refuses a host shrunk below a readable size', () => {
    pointAtHost();
    boxes.set(host, { ...HOST_BOX, width: 4, height: 4 });
    expect(guard.verdict(click())).toBe('interfered');
  });
});

describe('on top (elementsFromPoint, top layer, IntersectionObserver v2)', () => {
  it('refuses when something else is the topmost element at the click point', () => {
    pointAtHost();
    const cover = document.createElement('div');
    document.body.append(cover);
    document.elementsFromPoint = () => [cover, host];
    expect(guard.verdict(click())).toBe('interfered');
  });

  it('refuses while the page keeps our host out of the top layer, and puts it back', () => {
    let open = true;
    const show = vi.fn(() => {
      open = true;
    });
    Object.assign(host, { showPopover: show });
    const matches = host.matches.bind(host);
    host.matches = ((selector: string) => (selector === ':popover-open' ? open : matches(selector))) as typeof host.matches;
    pointAtHost();
    expect(guard.verdict(click())).toBeNull();
    open = false; // the page called hidePopover()
    host.setAttribute('popover', 'manual');
    guard.write({ style: OUR_STYLE, popover: 'manual' });
    guard.sample();
    expect(show).toHaveBeenCalled();
    expect(guard.verdict(click())).toBe('interfered');
    now += SETTLE_MS;
    expect(guard.verdict(click())).toBeNull();
  });

  it('refuses while a page popover is open anywhere, whatever its box, even inside a closed shadow root', () => {
    const holder = document.createElement('div');
    const shadow = holder.attachShadow({ mode: 'closed' });
    const decoy = document.createElement('div');
    shadow.append(decoy);
    document.body.append(holder);
    // What the extension APIs give: the closed root (Firefox's openOrClosedShadowRoot).
    Object.defineProperty(holder, 'openOrClosedShadowRoot', { value: shadow });
    let open = false;
    topLayer(shadow, () => (open ? [decoy] : []));
    pointAtHost();
    expect(guard.verdict(click())).toBeNull();
    open = true;
    for (const box of [
      { x: 900, y: 600, width: 100, height: 100 }, // far from ours: its ::backdrop still covers the page
      { x: 0, y: 0, width: 0, height: 0 }, // no box at all: its position:fixed children draw anywhere
      { x: 0, y: 0, width: 1280, height: 800 },
    ]) {
      boxes.set(decoy, box);
      expect(guard.verdict(click()), JSON.stringify(box)).toBe('interfered');
    }
    open = false;
    now += SETTLE_MS;
    expect(guard.verdict(click())).toBeNull();
  });

  it('asks for every kind of top-layer element this engine knows, in one query a root', () => {
    const asked = topLayer(document, () => []);
    pointAtHost();
    expect(guard.verdict(click())).toBeNull();
    const kinds = asked[0]!.split(',');
    expect(kinds).toEqual(expect.arrayContaining([':popover-open', ':modal', ':fullscreen', 'select:open']));
    // jsdom cannot parse it: left out, rather than making the whole query throw.
    expect(kinds).not.toContain(':active-view-transition');
  });

  it('catches a page popover the sampler saw, though it closed before the click', () => {
    const popover = document.createElement('div');
    document.body.append(popover);
    let open = true;
    topLayer(document, () => (open ? [popover] : []));
    pointAtHost();
    guard.sample();
    open = false;
    expect(guard.verdict(click())).toBe('interfered');
    now += SETTLE_MS;
    expect(guard.verdict(click())).toBeNull();
  });

  it('never counts our own hosts (the chip, the banner) as the page\'s', () => {
    const banner = document.createElement('mnopqr-stuvwx');
    new Guard(banner, () => now);
    document.documentElement.append(banner);
    topLayer(document, () => [host, banner]);
    pointAtHost();
    expect(guard.verdict(click())).toBeNull();
    banner.remove();
  });

  it('refuses while a view transition runs (its snapshots are what the person sees)', () => {
    pointAtHost();
    Object.defineProperty(document, 'activeViewTransition', { value: {}, configurable: true });
    try {
      expect(guard.verdict(click())).toBe('interfered');
      Object.defineProperty(document, 'activeViewTransition', { value: null, configurable: true });
      expect(guard.verdict(click())).toBe('interfered');
      now += SETTLE_MS;
      expect(guard.verdict(click())).toBeNull();
      // An engine whose property throws: the selector query is what remains, not an exception.
      Object.defineProperty(document, 'activeViewTransition', {
        get: () => {
          throw new Error('not here');
        },
        configurable: true,
      });
      expect(guard.verdict(click())).toBeNull();
    } finally {
      delete (document as { activeViewTransition?: unknown }).activeViewTransition;
    }
  });

  it('refuses while the page is fullscreen', () => {
    pointAtHost();
    Object.defineProperty(document, 'fullscreenElement', { value: document.body, configurable: true });
    expect(guard.verdict(click())).toBe('interfered');
    Object.defineProperty(document, 'fullscreenElement', { value: null, configurable: true });
  });

  it('believes IntersectionObserver v2 when it says something covers or fades the host (Chrome)', () => {
    guard.stop();
    let report: (entries: unknown[]) => void = () => undefined;
    const IO = vi.fn(function (this: unknown, cb: (entries: unknown[]) => void, _options?: unknown) {
      report = cb;
      return { observe: () => undefined, disconnect: () => undefined };
    });
    vi.stubGlobal('IntersectionObserver', IO);
    try {
      guard.start();
      expect(IO.mock.calls[0]![1]).toMatchObject({ trackVisibility: true, delay: 100 });
      pointAtHost();
      report([{ isIntersecting: true, isVisible: true }]);
      expect(guard.verdict(click())).toBeNull();
      report([{ isIntersecting: true, isVisible: false }]);
      expect(guard.verdict(click())).toBe('interfered');
      now += SETTLE_MS;
      report([{ isIntersecting: true, isVisible: true }]); // uncovered just now: still not settled
      expect(guard.verdict(click())).toBe('interfered');
      now += SETTLE_MS;
      expect(guard.verdict(click())).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('the pointer came to the chip, not the chip to the pointer', () => {
  it('refuses a chip that moved under a resting pointer, until the pointer leaves and comes back', () => {
    pointAtHost();
    expect(guard.verdict(click())).toBeNull();
    // The page moves X's field; our placement follows; the pointer has not moved.
    boxes.set(host, { ...HOST_BOX, x: HOST_BOX.x + 30 });
    expect(guard.verdict(click({ x: HOST_BOX.x + 100 }))).toBe('moved');
    // A move inside the chip is not coming onto it.
    move(HOST_BOX.x + 101, HOST_BOX.y + 10, host);
    expect(guard.verdict(click({ x: HOST_BOX.x + 101 }))).toBe('moved');
    move(5, 5);
    move(HOST_BOX.x + 100, HOST_BOX.y + 10, host);
    expect(guard.verdict(click({ x: HOST_BOX.x + 100 }))).toBeNull();
  });

  it('refuses a chip dragged along with the pointer (it is re-placed after each move)', () => {
    for (let i = 0; i < 5; i++) {
      move(10 + i, 10);
      move(HOST_BOX.x + 50, HOST_BOX.y + 10, host);
      boxes.set(host, { ...HOST_BOX, x: HOST_BOX.x + i + 1 });
    }
    expect(guard.verdict(click())).toBe('moved');
  });

  it('on touch (no hover) counts only once the chip stayed put for SETTLE_MS', () => {
    guard.sample();
    expect(guard.verdict(click({ pointerType: 'touch' }))).toBe('moved');
    now += SETTLE_MS;
    guard.sample();
    expect(guard.verdict(click({ pointerType: 'touch' }))).toBeNull();
    boxes.set(host, { ...HOST_BOX, y: 300 });
    guard.sample();
    expect(guard.verdict(click({ pointerType: 'touch', y: 310 }))).toBe('moved');
  });
});

describe('our host\'s ::backdrop (page stylesheets reach it)', () => {
  let spy: { mockRestore(): void } | undefined;
  afterEach(() => spy?.mockRestore());

  /** What getComputedStyle(host, '::backdrop') reports from now on: the engines' default plus `styles`. */
  function backdrop(styles: Record<string, string>): void {
    spy?.mockRestore();
    const real = window.getComputedStyle.bind(window);
    const initial: Record<string, string> = {
      display: 'block',
      backgroundColor: 'rgba(0, 0, 0, 0)',
      backgroundImage: 'none',
      borderImageSource: 'none',
      borderTopWidth: '0px',
      borderRightWidth: '0px',
      borderBottomWidth: '0px',
      borderLeftWidth: '0px',
      outlineStyle: 'none',
      outlineWidth: '3px',
      boxShadow: 'none',
      filter: 'none',
      backdropFilter: 'none',
      overflowX: 'visible',
      overflowY: 'visible',
    };
    spy = vi.spyOn(window, 'getComputedStyle').mockImplementation((el, pseudo) =>
      pseudo === '::backdrop' ? ({ ...initial, ...styles } as unknown as CSSStyleDeclaration) : real(el),
    );
  }

  it('sees what paints: colours, pictures, borders, outlines, shadows, filters, blur, scrollbars', () => {
    const painting: Record<string, string>[] = [
      { backgroundColor: 'rgb(255, 0, 0)' },
      { backgroundColor: 'rgb(0, 0, 0)' },
      { backgroundColor: 'rgba(0, 0, 0, 0.01)' },
      { backgroundColor: 'color(srgb 0 0 0)' },
      { backgroundColor: 'oklch(0.6 0.2 30 / 0.5)' },
      { backgroundImage: 'url("data:image/svg+xml,decoy")' },
      { backgroundImage: 'linear-gradient(rgb(255, 0, 0), rgb(0, 0, 255))' },
      { borderImageSource: 'linear-gradient(red, red)' },
      { borderLeftWidth: '40px' },
      { outlineStyle: 'solid' },
      { boxShadow: 'rgb(255, 0, 0) 0px 0px 0px 2000px inset' },
      { filter: 'drop-shadow(rgb(0, 0, 0) 0px 0px 4px)' },
      { backdropFilter: 'blur(4px)' },
      { overflowY: 'scroll' },
    ];
    for (const styles of painting) {
      backdrop(styles);
      expect(backdropPaints(host), JSON.stringify(styles)).toBe(true);
    }
  });

  it('lets through what draws nothing: the engines\' default, transparent in any notation, hidden', () => {
    const quiet: Record<string, string>[] = [
      {},
      { backgroundColor: 'transparent' },
      { backgroundColor: 'color(srgb 1 0 0 / 0)' },
      { backgroundColor: 'oklch(0.6 0.2 30 / 0%)' },
      { outlineStyle: 'solid', outlineWidth: '0px' },
      // Our shadow stylesheet's answer: the page's decoy is still in the computed style, not drawn.
      { display: 'none', backgroundColor: 'rgb(255, 0, 0)', backdropFilter: 'blur(4px)' },
    ];
    for (const styles of quiet) {
      backdrop(styles);
      expect(backdropPaints(host), JSON.stringify(styles)).toBe(false);
    }
  });

  it('refuses clicks while a page-styled backdrop paints under our shown host, until SETTLE_MS after', () => {
    hostShownAsPopover();
    pointAtHost();
    expect(guard.verdict(click())).toBeNull();
    backdrop({ backgroundImage: 'url("data:image/svg+xml,decoy")' });
    guard.sample();
    backdrop({ display: 'none', backgroundImage: 'url("data:image/svg+xml,decoy")' });
    expect(guard.verdict(click())).toBe('interfered');
    now += SETTLE_MS;
    expect(guard.verdict(click())).toBeNull();
  });

  it('ignores the computed backdrop while the host is not in the top layer (it has none then)', () => {
    pointAtHost();
    backdrop({ backgroundColor: 'rgb(255, 0, 0)' });
    expect(guard.verdict(click())).toBeNull();
  });
});

describe('the passive checks, for a fill no click starts (auto-fill, issue 14)', () => {
  /** X's code field, in the page, where elementsFromPoint finds it unless a test covers it. */
  function field(): HTMLInputElement {
    const input = document.createElement('input');
    document.body.append(input);
    boxes.set(input, { x: 100, y: 300, width: 400, height: 40 });
    document.elementsFromPoint = (_x, y) => (y > 200 ? [input, document.body] : [host, document.documentElement]);
    guard.watch(input);
    return input;
  }

  it('pass on an untouched chip and field', () => {
    field();
    expect(guard.passive()).toBe(true);
  });

  it('fail while the page restyles our host, and for SETTLE_MS after', async () => {
    field();
    host.style.setProperty('opacity', '0', 'important');
    await flush();
    expect(guard.passive()).toBe(false);
    now += SETTLE_MS - 1;
    expect(guard.passive()).toBe(false);
    now += 1;
    expect(guard.passive()).toBe(true);
  });

  it('fail while <html> is faded out, or X\'s field is', () => {
    const input = field();
    document.documentElement.style.opacity = '0.001';
    expect(guard.passive()).toBe(false);
    document.documentElement.style.opacity = '';
    now += SETTLE_MS;
    input.style.opacity = '0.1';
    expect(guard.passive()).toBe(false);
  });

  it('fail while something of the page\'s covers X\'s field or our chip', () => {
    const input = field();
    const cover = document.createElement('div');
    document.body.append(cover);
    document.elementsFromPoint = (_x, y) => (y > 200 ? [cover, input] : [host]);
    expect(guard.passive()).toBe(false);
    document.elementsFromPoint = (_x, y) => (y > 200 ? [input] : [cover, host]);
    expect(guard.passive()).toBe(false);
    // Our own chip over part of the field is not a cover.
    document.elementsFromPoint = (_x, y) => (y > 200 ? [host, input] : [host]);
    expect(guard.passive()).toBe(true);
  });

  it('fail while a page popover is open, whatever its box', () => {
    field();
    const decoy = document.createElement('div');
    document.body.append(decoy);
    const query = document.querySelectorAll;
    topLayer(document, () => [decoy]);
    try {
      expect(guard.passive()).toBe(false);
    } finally {
      document.querySelectorAll = query;
    }
  });

  it('fail where the engine cannot say what is on top (no elementsFromPoint)', () => {
    field();
    (document as { elementsFromPoint?: unknown }).elementsFromPoint = undefined;
    expect(guard.passive()).toBe(false);
  });
});

describe('a page that closes our popover', () => {
  it('is interference, though we reopen it at once (before any sample could see it closed)', () => {
    let open = false;
    host.setAttribute('popover', 'manual');
    guard.write({ style: OUR_STYLE, popover: 'manual' });
    Object.assign(host, { showPopover: () => void (open = true) });
    const matches = host.matches.bind(host);
    host.matches = ((selector: string) => (selector === ':popover-open' ? open : matches(selector))) as typeof host.matches;
    document.elementsFromPoint = () => [host, document.documentElement];
    guard.reopen(); // our first show: nothing wrong
    expect(guard.passive(), 'after our own first show').toBe(true);
    open = false; // the page's hidePopover()
    guard.reopen(); // our placement shows it again in the same task
    expect(open).toBe(true);
    expect(guard.passive(), 'after the page closed it').toBe(false);
    now += SETTLE_MS;
    expect(guard.passive(), 'SETTLE_MS later').toBe(true);
  });
});
