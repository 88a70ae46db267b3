// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OUTCOME_TIMEOUT_MS, OutcomeWatch } from '../../../src/content/outcome';
import type { Outcome } from '../../../src/messages/protocol';
import { xAdapter } from '../../../src/sites/x';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/x');
const parse = (file: string) => new DOMParser().parseFromString(readFileSync(path.join(DIR, file), 'utf8'), 'text/html');

const LOGIN = new URL('https://x.com/i/flow/login');
const HOME = new URL('https://x.com/home');
const CODE = 'abcd1234efgh';

function setup(knownStep?: boolean) {
  const doc = parse('login-2fa-backup.html');
  const input = doc.querySelector<HTMLInputElement>('[data-testid="ocfEnterTextTextInput"]')!;
  input.value = CODE;
  const reports: Outcome[] = [];
  const watch = new OutcomeWatch({
    adapter: xAdapter,
    reservationId: 'r1',
    value: CODE,
    normalize: (raw) => xAdapter.format.normalize(raw),
    input,
    ...(knownStep === undefined ? {} : { knownStep }),
    clock: {
      setTimeout: (fn, ms) => {
        const id = setTimeout(fn, ms);
        return () => clearTimeout(id);
      },
    },
    report: (o) => reports.push(o),
  });
  /** X's answer to a wrong code: a toast appears and the dialog stays. */
  const toast = () => {
    const el = doc.createElement('div');
    el.setAttribute('data-testid', 'toast');
    el.setAttribute('role', 'alert');
    el.textContent = 'Incorrect. Please try again.';
    doc.body.append(el);
  };
  /** X's answer to a right code: the flow ends and the app shows /home. */
  const home = () => doc.body.replaceChildren(...Array.from(parse('home.html').body.childNodes).map((n) => doc.importNode(n, true)));
  return { doc, input, watch, reports, toast, home };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('OutcomeWatch', () => {
  it('reports rejected when a toast appears after the submit while the step stays', () => {
    const t = setup();
    t.watch.submit(t.doc, LOGIN);
    t.watch.check(t.doc, LOGIN);
    expect(t.reports).toEqual([]);
    t.toast();
    t.watch.check(t.doc, LOGIN);
    expect(t.reports).toEqual(['rejected']);
  });

  it('reports unknown, not rejected, for a toast on a step it could not name (it may be the e-mailed-code step)', () => {
    const t = setup(false);
    t.watch.submit(t.doc, LOGIN);
    t.toast();
    t.watch.check(t.doc, LOGIN);
    expect(t.reports).toEqual(['unknown']);
  });

  it('still reports accepted on a step it could not name when the login succeeds', () => {
    const t = setup(false);
    t.watch.submit(t.doc, LOGIN);
    t.home();
    t.watch.check(t.doc, HOME);
    expect(t.reports).toEqual(['accepted']);
  });

  it('reports accepted when the step is gone and the page is /home', () => {
    const t = setup();
    t.watch.submit(t.doc, LOGIN);
    t.home();
    t.watch.check(t.doc, HOME);
    expect(t.reports).toEqual(['accepted']);
  });

  it('reports unknown when the page goes anywhere but a successful login', () => {
    const t = setup();
    t.watch.submit(t.doc, LOGIN);
    t.home();
    t.watch.check(t.doc, new URL('https://x.com/'));
    expect(t.reports).toEqual(['unknown']);
  });

  it('reports unknown 30 s after the submit when X said nothing', () => {
    const t = setup();
    t.watch.submit(t.doc, LOGIN);
    vi.advanceTimersByTime(OUTCOME_TIMEOUT_MS - 1);
    t.watch.check(t.doc, LOGIN);
    expect(t.reports).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(t.reports).toEqual(['unknown']);
  });

  it('starts the 30 s at the submit, not at the fill: a person may take their time', () => {
    const t = setup();
    vi.advanceTimersByTime(5 * 60_000);
    t.watch.check(t.doc, LOGIN);
    expect(t.reports).toEqual([]);
    t.watch.submit(t.doc, LOGIN);
    t.toast();
    t.watch.check(t.doc, LOGIN);
    expect(t.reports).toEqual(['rejected']);
  });

  it('ignores a toast that was already on screen at the submit (e.g. "Wrong password!")', () => {
    const t = setup();
    t.toast();
    t.watch.submit(t.doc, LOGIN);
    t.watch.check(t.doc, LOGIN);
    expect(t.reports).toEqual([]);
  });

  it('reports unknown when the page unloads after the submit, and nothing when it unloads before', () => {
    const before = setup();
    before.watch.pageHidden();
    expect(before.reports).toEqual([]);
    const after = setup();
    after.watch.submit(after.doc, LOGIN);
    after.watch.pageHidden();
    expect(after.reports).toEqual(['unknown']);
  });

  it('reports unknown at once when the input no longer holds our code at the submit', () => {
    const t = setup();
    t.input.value = '123456';
    t.watch.submit(t.doc, LOGIN);
    expect(t.reports).toEqual(['unknown']);
  });

  it('accepts the code spaced or in capitals, as X does', () => {
    const t = setup();
    t.input.value = 'ABCD 1234 EFGH';
    t.watch.submit(t.doc, LOGIN);
    t.home();
    t.watch.check(t.doc, HOME);
    expect(t.reports).toEqual(['accepted']);
  });

  it('counts an unseen submit as accepted only when our code was in the input as the step ended', () => {
    const ours = setup();
    ours.watch.check(ours.doc, LOGIN);
    ours.home();
    ours.watch.check(ours.doc, HOME);
    expect(ours.reports).toEqual(['accepted']);

    const other = setup();
    other.input.value = '123456';
    other.watch.check(other.doc, LOGIN);
    other.home();
    other.watch.check(other.doc, HOME);
    expect(other.reports).toEqual([]);
  });

  it('reports exactly once, and never after cancel', () => {
    const t = setup();
    t.watch.submit(t.doc, LOGIN);
    t.toast();
    t.watch.check(t.doc, LOGIN);
    t.toast();
    t.watch.check(t.doc, LOGIN);
    t.watch.pageHidden();
    vi.advanceTimersByTime(OUTCOME_TIMEOUT_MS);
    expect(t.reports).toEqual(['rejected']);

    const c = setup();
    c.watch.submit(c.doc, LOGIN);
    c.watch.cancel();
    vi.advanceTimersByTime(OUTCOME_TIMEOUT_MS);
    c.toast();
    c.watch.check(c.doc, LOGIN);
    expect(c.reports).toEqual([]);
  });
});
