// Generic recovery-code step, step 1 of 2: read the page into plain records, one per visible,
// enabled text-like input, with everything that may name it (its own attributes, its label, its
// aria-describedby text) and the visible words of the step around it. Nothing here decides;
// decide.ts works on these records alone.

/** Input types a person types a code into. Everything else (checkbox, file, hidden…) is skipped. */
const TEXT_LIKE = new Set(['', 'text', 'tel', 'number', 'password', 'search', 'email', 'url']);

/** Elements whose text is not the step's prose: controls, links, labels (read per input), code. */
const NOT_PROSE =
  'a, button, [role="button"], [role="link"], [role="tab"], label, select, option, input, textarea, script, style, noscript, template';

const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"], legend';

/** What holds one step: the form or dialog around the input, else the page's main region. */
const STEP = 'form, [role="dialog"], dialog, [role="main"], main';

export interface InputAttributes {
  type: string;
  /** Its ARIA role ('searchbox', 'combobox'…), '' when none. */
  role: string;
  id: string;
  name: string;
  autocomplete: string;
  inputMode: string;
  maxLength: number | null;
  pattern: string;
  placeholder: string;
  ariaLabel: string;
  title: string;
  /** Test and framework hooks that name the field: data-testid, data-test-selector, formcontrolname… */
  hooks: string[];
}

export interface StepText {
  /** Headings and legends of the step, then of the page region around it when the step is a form. */
  headings: string[];
  /** Visible prose of the step (paragraphs, hints), outside links, buttons, labels and inputs. */
  texts: string[];
}

/** One input as plain data, plus the elements to act on. */
export interface CodeInputRecord {
  el: HTMLInputElement;
  attrs: InputAttributes;
  /** Its <label> (for=, wrapping) and aria-labelledby text. */
  label: string;
  /** Its aria-describedby text. */
  described: string;
  step: StepText;
  /** What holds the step: a form or dialog, or only the page's main region (or body). */
  stepKind: 'form' | 'dialog' | 'region';
  /** Inside a search landmark (role=search, <search>). */
  inSearch: boolean;
  container: Element;
  submit: HTMLElement | null;
  /** The nearest lang attribute, else the document's; '' when none. */
  lang: string;
}

export function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function hides(style: { display?: string; visibility?: string } | undefined): boolean {
  return style !== undefined && (style.display === 'none' || style.visibility === 'hidden');
}

/**
 * Hidden by attribute or style, on the element or any ancestor. The live page has a view and
 * computed styles; a parsed document (DOMParser, the tests) has none, so inline styles are read too
 * (Alpine's and Vue's x-show/v-show hide with an inline display:none).
 */
function isHidden(el: Element, seen: Map<Element, boolean>): boolean {
  const known = seen.get(el);
  if (known !== undefined) return known;
  const view = el.ownerDocument.defaultView;
  const self =
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    hides((el as Partial<HTMLElement>).style) ||
    (view !== null && hides(view.getComputedStyle(el)));
  // One answer per element per collect: a page's text nodes share their ancestors.
  const hidden = self || (el.parentElement !== null && isHidden(el.parentElement, seen));
  seen.set(el, hidden);
  return hidden;
}

function textOfIds(doc: Document, ids: string | null): string {
  if (!ids) return '';
  return clean(
    ids
      .split(/\s+/)
      .map((id) => (id ? doc.getElementById(id)?.textContent : ''))
      .join(' '),
  );
}

function labelOf(input: HTMLInputElement): string {
  const doc = input.ownerDocument;
  const parts: string[] = [];
  const wrapping = input.closest('label');
  if (wrapping) parts.push(clean(wrapping.textContent));
  if (input.id)
    for (const label of Array.from(doc.querySelectorAll('label')))
      if (label.htmlFor === input.id && label !== wrapping) parts.push(clean(label.textContent));
  parts.push(textOfIds(doc, input.getAttribute('aria-labelledby')));
  return clean(parts.join(' '));
}

function attributesOf(input: HTMLInputElement): InputAttributes {
  const get = (name: string) => input.getAttribute(name) ?? '';
  const hooks = ['data-testid', 'data-test-selector', 'data-qa-selector', 'data-cy', 'data-cy-login', 'formcontrolname']
    .map(get)
    .filter(Boolean);
  const max = Number.parseInt(get('maxlength'), 10);
  return {
    type: get('type').toLowerCase(),
    role: get('role').toLowerCase(),
    id: input.id,
    name: get('name'),
    autocomplete: get('autocomplete').toLowerCase(),
    inputMode: get('inputmode').toLowerCase(),
    maxLength: Number.isFinite(max) && max > 0 ? max : null,
    pattern: get('pattern'),
    placeholder: get('placeholder'),
    ariaLabel: get('aria-label'),
    title: get('title'),
    hooks,
  };
}

/** Each element that directly holds visible prose, once. */
function proseOf(container: Element, seenHidden: Map<Element, boolean>): string[] {
  const doc = container.ownerDocument;
  const seen = new Set<Element>();
  const texts: string[] = [];
  const walker = doc.createTreeWalker(container, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || seen.has(parent) || !clean(node.nodeValue)) continue;
    seen.add(parent);
    if (parent.closest(NOT_PROSE) || parent.closest(HEADINGS) || isHidden(parent, seenHidden)) continue;
    // A block's own words only: text inside a link or button within it stays out.
    const own = Array.from(parent.childNodes)
      .map((n) => (n.nodeType === 3 ? n.nodeValue : n instanceof Element && !n.matches(NOT_PROSE) ? n.textContent : ''))
      .join(' ');
    const text = clean(own);
    if (text) texts.push(text);
  }
  return texts;
}

function headingsOf(container: Element, skipForms: boolean, seenHidden: Map<Element, boolean>): string[] {
  return Array.from(container.querySelectorAll(HEADINGS))
    .filter((h) => !isHidden(h, seenHidden) && !(skipForms && h.closest('form')))
    .map((h) => clean(h.textContent))
    .filter(Boolean);
}

function stepOf(input: HTMLInputElement, seenHidden: Map<Element, boolean>): { container: Element; step: StepText } {
  const doc = input.ownerDocument;
  const container = input.closest(STEP) ?? doc.body ?? doc.documentElement;
  const headings = headingsOf(container, false, seenHidden);
  // A form's heading often sits outside it (PyPI's "Login using recovery codes" h1): add the
  // headings of the region around the form, leaving out other forms' own headings.
  if (container.matches('form')) {
    const region = container.parentElement?.closest('[role="dialog"], dialog, [role="main"], main') ?? doc.body;
    if (region) for (const h of headingsOf(region, true, seenHidden)) if (!headings.includes(h)) headings.push(h);
  }
  return { container, step: { headings, texts: proseOf(container, seenHidden) } };
}

function submitOf(container: Element): HTMLElement | null {
  return (
    container.querySelector<HTMLElement>('button[type="submit"], input[type="submit"]') ??
    container.querySelector<HTMLElement>('button:not([type]), button[type=""]')
  );
}

function langOf(input: HTMLInputElement): string {
  return (input.closest('[lang]')?.getAttribute('lang') ?? input.ownerDocument.documentElement.lang ?? '').toLowerCase();
}

/** Every visible, enabled, editable text-like input of the page, in document order. */
export function collectCodeInputs(doc: Document): CodeInputRecord[] {
  const records: CodeInputRecord[] = [];
  const seenHidden = new Map<Element, boolean>();
  for (const el of Array.from(doc.querySelectorAll('input'))) {
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    if (!TEXT_LIKE.has(type) || el.disabled || el.readOnly || isHidden(el, seenHidden)) continue;
    const { container, step } = stepOf(el, seenHidden);
    records.push({
      el,
      attrs: attributesOf(el),
      label: labelOf(el),
      described: textOfIds(doc, el.getAttribute('aria-describedby')),
      step,
      stepKind: container.matches('form') ? 'form' : container.matches('[role="dialog"], dialog') ? 'dialog' : 'region',
      inSearch: el.closest('[role="search"], search') !== null,
      container,
      submit: submitOf(container),
      lang: langOf(el),
    });
  }
  return records;
}
