// @vitest-environment jsdom
// The generic detector as the page runtime uses it (src/content/main.ts): which origins get it at
// all, the same offers as the detector's table on every fixture page, nothing off its origin, and
// fills it never judges (the popup asks the person).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// adapter.ts, not gate.ts: the registry does not load under jsdom (origin.test.ts checks the gate).
import { genericAdapter } from '../../../../src/sites/generic/adapter';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/generic');
const TABLE = JSON.parse(readFileSync(path.join(DIR, 'fixtures.json'), 'utf8')) as { file: string; url: string; offer: boolean; mode?: string; input: string }[];
const parse = (file: string) => new DOMParser().parseFromString(readFileSync(path.join(DIR, file), 'utf8'), 'text/html');

describe('genericAdapter', () => {
  it.each(TABLE)('answers on $file as the detector table says, on its own origin only', (f) => {
    const url = new URL(f.url);
    const adapter = genericAdapter(url.origin);
    const doc = parse(f.file);
    const challenge = adapter.detectChallenge(doc, url);
    if (f.offer) expect(challenge).toMatchObject({ mode: f.mode, input: doc.querySelector(f.input), switchMethod: null });
    else expect(challenge).toBeNull();
    // The same page at another origin: nothing (the adapter is its origin's only).
    expect(adapter.detectChallenge(doc, new URL(`${url.pathname}${url.search}`, 'https://evil.test'))).toBeNull();
    expect(adapter.detectCodeScreen(doc, url)).toBeNull();
    expect(adapter.detectMethodChoice(doc, url)).toBeNull();
  });

  it('never judges a fill: pending while the step is there, left (unconfirmed) once it is gone or the tab moved', () => {
    const url = new URL('https://pypi.org/account/recovery-code/');
    const adapter = genericAdapter(url.origin);
    const doc = parse('pypi-recovery-code.html');
    const baseline = adapter.outcomeBaseline(doc, url);
    expect(adapter.detectOutcome(doc, url, baseline)).toBe('pending');
    expect(adapter.detectOutcome(parse('pypi-two-factor.html'), new URL('https://pypi.org/manage/projects/'), baseline)).toBe('left');
    expect(adapter.detectOutcome(doc, new URL('https://evil.test/account/recovery-code/'), baseline)).toBe('left');
    expect(adapter.verdictAfterLoad).toBeUndefined();
  });
});
