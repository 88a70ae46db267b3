// @vitest-environment jsdom
// GitHub answers its recovery form with a new document: the filled page cannot see the outcome.
// The watch tells the background at the submit (with where a success goes) and stays quiet when
// the page unloads; X's watch is unchanged (outcome.test.ts: it still says unknown there).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OutcomeWatch } from '../../../src/content/outcome';
import type { Outcome } from '../../../src/messages/protocol';
import { githubAdapter } from '../../../src/sites/github';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/github');
const RECOVERY = new URL('https://github.com/sessions/two-factor/recovery?return_to=%2Fsettings%2Fprofile');
const CODE = 'abcde-12345';

function setup(withSubmitted = true) {
  const doc = new DOMParser().parseFromString(readFileSync(path.join(DIR, 'two-factor-recovery.html'), 'utf8'), 'text/html');
  const input = doc.querySelector<HTMLInputElement>('#recovery_code')!;
  input.value = CODE;
  const reports: Outcome[] = [];
  const submitted: (readonly string[])[] = [];
  const watch = new OutcomeWatch({
    adapter: githubAdapter,
    reservationId: 'r1',
    value: CODE,
    normalize: (raw) => githubAdapter.format.normalize(raw),
    input,
    clock: { setTimeout: () => () => undefined },
    report: (o) => reports.push(o),
    ...(withSubmitted ? { submitted: (paths: readonly string[]) => submitted.push(paths) } : {}),
  });
  return { doc, watch, reports, submitted };
}

describe('OutcomeWatch on a site that answers with a new page', () => {
  it('tells the background at the submit, with the success paths, and reports nothing when the page unloads', () => {
    const t = setup();
    t.watch.submit(t.doc, RECOVERY);
    expect(t.submitted).toEqual([['/', '/settings/profile']]);
    t.watch.pageHidden();
    expect(t.reports).toEqual([]);
    expect(t.watch.done).toBe(true);
  });

  it('still says unknown at the unload when nobody listens for the submit', () => {
    const t = setup(false);
    t.watch.submit(t.doc, RECOVERY);
    t.watch.pageHidden();
    expect(t.reports).toEqual(['unknown']);
  });

  it('tells nothing when the page unloads before any submit', () => {
    const t = setup();
    t.watch.pageHidden();
    expect(t.submitted).toEqual([]);
    expect(t.reports).toEqual([]);
  });
});

describe("GitHub's verdict from the page the tab lands on", () => {
  const verdict = (href: string, paths = ['/']) => githubAdapter.verdictAfterLoad!(new URL(href), paths);

  it('is accepted at a success path, rejected at the 2FA form again, and tells nothing anywhere else', () => {
    expect(verdict('https://github.com/')).toBe('accepted');
    expect(verdict('https://github.com/settings/profile', ['/', '/settings/profile'])).toBe('accepted');
    expect(verdict('https://github.com/sessions/two-factor/recovery')).toBe('rejected');
    expect(verdict('https://github.com/sessions/two-factor')).toBe('rejected');
    expect(verdict('https://github.com/login')).toBe('left');
    expect(verdict('https://github.com/explore')).toBe('left');
    expect(verdict('https://github.com.evil.test/')).toBe('left');
  });
});
