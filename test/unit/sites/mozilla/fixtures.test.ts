// @vitest-environment jsdom
// Every Mozilla account detector on every fixture in test/fixtures/mozilla (saved from the Mozilla
// replica, each saying which real fxa view it models): each detector matches its own fixtures and
// rejects every other one, and the same DOM on a lookalike origin gets nothing from any of them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mozillaAdapter } from '../../../../src/sites/mozilla';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/mozilla');

interface FixtureFacts {
  file: string;
  url: string;
  models: string;
  step: 'codes' | 'confirm' | 'signin' | 'totp' | 'recovery' | 'settings';
  codes?: string[];
  handle?: string;
  tooltip?: string;
}

const FACTS = JSON.parse(readFileSync(path.join(DIR, 'fixtures.json'), 'utf8')) as FixtureFacts[];

function load(f: FixtureFacts, url = f.url): { doc: Document; url: URL } {
  const html = readFileSync(path.join(DIR, f.file), 'utf8');
  return { doc: new DOMParser().parseFromString(html, 'text/html'), url: new URL(url) };
}

const lookalike = (url: string) => url.replace('https://accounts.firefox.com/', 'https://accounts.firefox.com.evil.test/');
const byFile = (file: string) => FACTS.find((f) => f.file === file)!;

describe('the Mozilla account fixtures', () => {
  it('are all listed in fixtures.json, and each says which real fxa view it models', () => {
    const files = readdirSync(DIR).filter((n) => n.endsWith('.html')).sort();
    expect(FACTS.map((f) => f.file).sort()).toEqual(files);
    for (const f of FACTS) {
      const head = readFileSync(path.join(DIR, f.file), 'utf8').slice(0, 2_000);
      expect(head, f.file).toMatch(/^<!--[\s\S]*Models: [\s\S]*URL: https:\/\/accounts\.firefox\.com\/[\s\S]*mozilla\/fxa/);
    }
  });

  it('cover the new codes, the step confirming one, the TOTP and backup-code views, a refused code, and pages that are neither', () => {
    const steps = FACTS.map((f) => f.step);
    for (const s of ['codes', 'confirm', 'signin', 'totp', 'recovery', 'settings']) expect(steps, s).toContain(s);
    expect(FACTS.some((f) => f.tooltip)).toBe(true);
  });
});

describe.each(FACTS)('$file', (f) => {
  const { doc, url } = load(f);

  it(f.step === 'recovery' ? 'detects the backup-code step' : 'shows no backup-code step (the TOTP view and the set-up confirmation included)', () => {
    const challenge = mozillaAdapter.detectChallenge(doc, url);
    if (f.step !== 'recovery') {
      expect(challenge).toBeNull();
      return;
    }
    expect(challenge?.mode).toBe('backup');
    expect(challenge?.input.getAttribute('data-testid')).toBe('signin-recovery-code-input-field');
    expect(challenge?.input.name).toBe('code');
    expect(challenge?.input.maxLength).toBe(10);
    expect(challenge?.submit?.textContent?.trim()).toBe('Confirm');
    expect(challenge?.container.tagName.toLowerCase()).toBe('form');
    expect(challenge?.switchMethod).toBeNull();
  });

  it('shows no method-choice screen and no login hint', () => {
    expect(mozillaAdapter.detectMethodChoice(doc, url)).toBeNull();
    expect(mozillaAdapter.detectLoginHint(doc, url)).toBeNull();
  });

  it(f.step === 'codes' ? 'reads the 8 new codes and the e-mail from the download name' : 'shows no codes', () => {
    const screen = mozillaAdapter.detectCodeScreen(doc, url);
    if (f.step !== 'codes') {
      expect(screen).toBeNull();
      return;
    }
    expect(screen?.codes).toEqual(f.codes);
    expect(screen?.codes).toHaveLength(8);
    expect(screen?.handle).toBe(f.handle);
    expect(screen?.anchor.textContent?.trim()).toBe(f.codes?.[0]);
  });

  it('is a candidate page exactly when it is the backup-code view or a codes flow', () => {
    expect(mozillaAdapter.isCandidate(url)).toBe(f.step === 'recovery' || f.step === 'codes' || f.step === 'confirm');
  });

  it('gets nothing from any detector when the same DOM is served on https://accounts.firefox.com.evil.test', () => {
    const evil = new URL(lookalike(f.url));
    expect(mozillaAdapter.isCandidate(evil)).toBe(false);
    expect(mozillaAdapter.detectChallenge(doc, evil)).toBeNull();
    expect(mozillaAdapter.detectCodeScreen(doc, evil)).toBeNull();
    expect(mozillaAdapter.detectOutcome(doc, evil, mozillaAdapter.outcomeBaseline(doc, evil))).toBe('left');
  });
});

describe('the Mozilla detectors on changed pages', () => {
  it('offer nothing for a name=code input outside the backup-code view: the URL decides, not the input', () => {
    const totp = load(byFile('signin-totp-code.html'));
    // The TOTP view's DOM at its own URL: no offer.
    expect(mozillaAdapter.detectChallenge(totp.doc, totp.url)).toBeNull();
    // The backup-code view's DOM at the TOTP URL: no offer either.
    const recovery = load(byFile('signin-recovery-code.html'), 'https://accounts.firefox.com/signin_totp_code');
    expect(mozillaAdapter.detectChallenge(recovery.doc, recovery.url)).toBeNull();
  });

  it('still find the backup-code input by its name when fxa renames its test id', () => {
    const { doc, url } = load(byFile('signin-recovery-code.html'));
    doc.querySelector('[data-testid="signin-recovery-code-input-field"]')!.setAttribute('data-testid', 'renamed');
    expect(mozillaAdapter.detectChallenge(doc, url)?.input.name).toBe('code');
  });

  it('read no codes once the DataBlock is renamed, and at most 8 codes, each once', () => {
    const f = byFile('replace-codes.html');
    const renamed = load(f);
    renamed.doc.querySelector('[data-testid="datablock"]')!.setAttribute('data-testid', 'renamed');
    expect(mozillaAdapter.detectCodeScreen(renamed.doc, renamed.url)).toBeNull();
    const more = load(f);
    const list = more.doc.querySelector('[data-testid="datablock"] ul')!;
    for (const c of ['abcdefgh12', 'zzzzzzzz99']) list.insertAdjacentHTML('beforeend', `<li>${c}</li>`);
    list.insertAdjacentHTML('afterbegin', `<li>${f.codes![0]}</li>`);
    expect(mozillaAdapter.detectCodeScreen(more.doc, more.url)?.codes).toEqual(f.codes);
  });

  it('leave out an account name that is not an e-mail address', () => {
    const { doc, url } = load(byFile('replace-codes.html'));
    doc.querySelector('a[download]')!.setAttribute('download', 'Backup authentication codes.txt');
    expect(mozillaAdapter.detectCodeScreen(doc, url)?.handle).toBeUndefined();
  });
});

describe('the Mozilla outcome detector, from the backup-code view', () => {
  const before = load(byFile('signin-recovery-code.html'));
  const baseline = mozillaAdapter.outcomeBaseline(before.doc, before.url);

  it("says rejected for fxa's tooltip under the form, accepted at /settings, left anywhere else", () => {
    for (const f of FACTS) {
      const { doc, url } = load(f);
      const verdict = mozillaAdapter.detectOutcome(doc, url, baseline);
      if (f.tooltip) expect(verdict, f.file).toBe('rejected');
      else if (f.step === 'settings') expect(verdict, f.file).toBe('accepted');
      else if (f.step === 'recovery') expect(verdict, f.file).toBe('pending');
      else expect(verdict, f.file).toBe('left');
    }
  });

  it('waits at /settings while the backup-code form is still in the document (the router changes the URL before it renders)', () => {
    const { doc } = load(byFile('signin-recovery-code.html'));
    expect(mozillaAdapter.detectOutcome(doc, new URL('https://accounts.firefox.com/settings'), baseline)).toBe('pending');
  });

  it('ignores a tooltip that was already showing when the code was submitted', () => {
    const { doc, url } = load(byFile('signin-recovery-code-rejected.html'));
    expect(mozillaAdapter.detectOutcome(doc, url, mozillaAdapter.outcomeBaseline(doc, url))).toBe('pending');
  });

  it('says nothing of a relying party (another origin) but that the page left', () => {
    const { doc } = load(byFile('settings.html'));
    expect(mozillaAdapter.detectOutcome(doc, new URL('https://monitor.mozilla.org/user/dashboard'), baseline)).toBe('left');
  });
});
