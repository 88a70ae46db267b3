// @vitest-environment jsdom
// What the generic detector reads from a page: which inputs, and the words around each.
import { describe, expect, it } from 'vitest';
import { collectCodeInputs, detectRecoveryStep } from '../../../../src/sites/generic';

const page = (body: string, lang = 'en') => new DOMParser().parseFromString(`<html lang="${lang}"><body>${body}</body></html>`, 'text/html');
const ids = (doc: Document) => collectCodeInputs(doc).map((r) => r.el.id);

describe('collectCodeInputs', () => {
  it('reads visible, enabled, editable text-like inputs only', () => {
    const doc = page(`<form>
      <input id="a"><input id="b" type="tel"><input id="c" type="password"><input id="d" type="email">
      <input id="h1" type="hidden"><input id="h2" type="checkbox"><input id="h3" disabled><input id="h4" readonly>
      <input id="h5" hidden><div style="display: none"><input id="h6"></div><div aria-hidden="true"><input id="h7"></div>
      <input id="h8" style="visibility: hidden">
    </form>`);
    expect(ids(doc)).toEqual(['a', 'b', 'c', 'd']);
  });

  it("reads the field's label (for=, wrapping, aria-labelledby), its description and its own attributes", () => {
    const doc = page(`<form>
      <label for="x">Recovery code</label><span id="l2">(one of ten)</span><p id="d1">Lost your device?</p>
      <input id="x" name="rc" placeholder="xxxx-xxxx" aria-labelledby="l2" aria-describedby="d1" maxlength="9" inputmode="text" data-testid="rc-field">
      <label>Wrapped <input id="y"></label>
    </form>`);
    const [x, y] = collectCodeInputs(doc);
    expect(x?.label).toBe('Recovery code (one of ten)');
    expect(x?.described).toBe('Lost your device?');
    expect(x?.attrs).toMatchObject({ name: 'rc', placeholder: 'xxxx-xxxx', maxLength: 9, inputMode: 'text', hooks: ['rc-field'] });
    expect(y?.label).toBe('Wrapped');
  });

  it("reads the step's headings (also those just outside its form) and its prose, without link, button or hidden text", () => {
    const doc = page(`<main><h1>Sign in</h1>
      <form><h2>Two-factor</h2><p>Enter the code. <a href="/r">Use a recovery code</a></p>
        <p style="display:none">Enter one of your recovery codes.</p>
        <input id="x"><button>Use a backup code</button></form>
      <form><h2>Other form</h2></form></main>`);
    const [x] = collectCodeInputs(doc);
    expect(x?.step.headings).toEqual(['Two-factor', 'Sign in']);
    expect(x?.step.texts).toEqual(['Enter the code.']);
    expect(x?.stepKind).toBe('form');
    expect(detectRecoveryStep(doc, new URL('https://example.com/'), ['https://example.com'])).toBeNull();
  });

  it('takes the language from the nearest lang attribute', () => {
    const doc = page('<form lang="de-DE"><input id="x"></form><form><input id="y"></form>', 'fr');
    expect(collectCodeInputs(doc).map((r) => r.lang)).toEqual(['de-de', 'fr']);
  });
});

describe('detectRecoveryStep', () => {
  const doc = page('<form><h1>Use a backup code</h1><input id="x"><button type="submit">Verify</button></form>');

  it('finds the field, its container and its submit control on a granted origin', () => {
    const step = detectRecoveryStep(doc, new URL('https://example.com/login'), ['https://example.com']);
    expect(step).toMatchObject({ mode: 'backup', signal: 'step-text', matched: { lang: 'en', words: 'backup code' } });
    expect(step?.input.id).toBe('x');
    expect(step?.submit?.textContent).toBe('Verify');
  });

  it('reads nothing on any other origin: another scheme, host, port or a subdomain', () => {
    for (const url of ['http://example.com/login', 'https://www.example.com/login', 'https://example.com:8443/login', 'https://example.com.evil.test/login'])
      expect(detectRecoveryStep(doc, new URL(url), ['https://example.com']), url).toBeNull();
    expect(detectRecoveryStep(doc, new URL('https://example.com/login'), [])).toBeNull();
  });
});
