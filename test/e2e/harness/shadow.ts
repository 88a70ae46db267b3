// Reading a closed shadow root from outside. Page scripts cannot reach a closed root
// (host.shadowRoot is null), and neither can Playwright's or puppeteer's locators. Both protocols
// can, though: Chromium's CDP DOM.getDocument({pierce: true}) lists closed roots, and WebDriver
// BiDi serializes them with serializationOptions.includeShadowTree = 'all'. Each driver gets a
// handle to the ShadowRoot object that way and calls `describeShadowRoot` on it as `this`.
import type { ClosedShadowRoot, ShadowElement } from './types';

/**
 * Runs in the page with `this` bound to a ShadowRoot; returns its JSON. Self-contained on purpose:
 * it is sent to the browser as source text.
 */
export function describeShadowRoot(this: ShadowRoot): string {
  const rect = (el: Element) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  };
  const implicitRole = (el: Element): string | null => {
    const tag = el.tagName.toLowerCase();
    if (tag === 'button') return 'button';
    if (tag === 'a' && el.hasAttribute('href')) return 'link';
    if (tag === 'input') {
      const type = (el.getAttribute('type') ?? 'text').toLowerCase();
      if (type === 'checkbox' || type === 'radio') return type;
      if (type === 'button' || type === 'submit' || type === 'reset') return 'button';
      return 'textbox';
    }
    if (tag === 'textarea') return 'textbox';
    if (/^h[1-6]$/.test(tag)) return 'heading';
    if (tag === 'dialog') return 'dialog';
    return null;
  };
  const root = this;
  const name = (el: Element): string => {
    const label = el.getAttribute('aria-label');
    if (label) return label.trim();
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      const text = by
        .split(/\s+/)
        .map((id) => root.getElementById(id)?.textContent?.trim() ?? '')
        .join(' ')
        .trim();
      if (text) return text;
    }
    return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  };
  const elements: ShadowElement[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    if (tag === 'style' || tag === 'script' || tag === 'template') continue;
    const style = getComputedStyle(el);
    const box = rect(el);
    const attributes: Record<string, string> = {};
    for (const attr of Array.from(el.attributes)) attributes[attr.name] = attr.value;
    elements.push({
      tag,
      role: el.getAttribute('role') ?? implicitRole(el),
      name: name(el),
      text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
      box,
      visible: style.display !== 'none' && style.visibility !== 'hidden' && box.width > 0 && box.height > 0,
      disabled: (el as HTMLButtonElement).disabled === true || el.getAttribute('aria-disabled') === 'true',
      attributes,
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
      direction: style.direction,
    });
  }
  const result: ClosedShadowRoot = {
    hostTag: root.host.tagName.toLowerCase(),
    hostBox: rect(root.host),
    text: (root.textContent ?? '').replace(/\s+/g, ' ').trim(),
    elements,
  };
  return JSON.stringify(result);
}

/** The element a person would click for `name`: interactive roles first, visible only. */
export function findInShadowRoots(roots: ClosedShadowRoot[], name: string | RegExp): ShadowElement | undefined {
  const matches = (el: ShadowElement) => (typeof name === 'string' ? el.name === name : name.test(el.name));
  const candidates = roots.flatMap((r) => r.elements).filter((el) => el.visible && matches(el));
  const interactive = ['button', 'link', 'checkbox', 'radio', 'textbox', 'menuitem', 'switch', 'tab', 'option'];
  return candidates.find((el) => el.role !== null && interactive.includes(el.role)) ?? candidates[0];
}
