// @vitest-environment jsdom
// Every GitHub detector on every fixture in test/fixtures/github (saved from the GitHub replica,
// each saying which real GitHub page it models): each detector matches its own fixtures and
// rejects every other one, and the same DOM on a lookalike origin gets nothing from any of them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { githubAdapter } from '../../../../src/sites/github';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/github');

interface FixtureFacts {
  file: string;
  url: string;
  models: string;
  step: 'recovery-codes' | 'login' | '2fa' | 'dashboard';
  mode?: 'app' | 'backup';
  codes?: string[];
  handle?: string;
  flash?: string;
}

const FACTS = JSON.parse(readFileSync(path.join(DIR, 'fixtures.json'), 'utf8')) as FixtureFacts[];

function load(f: FixtureFacts, url = f.url): { doc: Document; url: URL } {
  const html = readFileSync(path.join(DIR, f.file), 'utf8');
  return { doc: new DOMParser().parseFromString(html, 'text/html'), url: new URL(url) };
}

const lookalike = (url: string) => url.replace('https://github.com/', 'https://github.com.evil.test/');
const byFile = (file: string) => FACTS.find((f) => f.file === file)!;

describe('the GitHub fixtures', () => {
  it('are all listed in fixtures.json, and each says which real GitHub page it models', () => {
    const files = readdirSync(DIR).filter((n) => n.endsWith('.html')).sort();
    expect(FACTS.map((f) => f.file).sort()).toEqual(files);
    for (const f of FACTS) {
      const head = readFileSync(path.join(DIR, f.file), 'utf8').slice(0, 2_000);
      expect(head, f.file).toMatch(/^<!--[\s\S]*Models: [\s\S]*URL: https:\/\/github\.com\//);
    }
  });

  it('cover the codes page, both 2FA forms, the in-page swap, a refused code, and pages that are neither', () => {
    const steps = FACTS.map((f) => `${f.step}${f.mode ? `/${f.mode}` : ''}`);
    for (const s of ['recovery-codes', 'login', '2fa/app', '2fa/backup', 'dashboard']) expect(steps, s).toContain(s);
    expect(FACTS.some((f) => f.flash)).toBe(true);
    expect(FACTS.some((f) => f.file.includes('swapped'))).toBe(true);
  });
});

describe.each(FACTS)('$file', (f) => {
  const { doc, url } = load(f);

  it(f.step === '2fa' ? `detects the 2FA step in ${f.mode} mode` : 'shows no 2FA step', () => {
    const challenge = githubAdapter.detectChallenge(doc, url);
    if (f.step !== '2fa') {
      expect(challenge).toBeNull();
      return;
    }
    expect(challenge?.mode).toBe(f.mode);
    expect(challenge?.input.id).toBe(f.mode === 'backup' ? 'recovery_code' : 'app_totp');
    expect(challenge?.submit?.textContent?.trim()).toBe('Verify');
    expect(challenge?.container.tagName.toLowerCase()).toBe('form');
    // From the authenticator step, the way to the recovery step is GitHub's own link; never a fill of #app_totp.
    if (f.mode === 'app') expect(challenge?.switchMethod?.getAttribute('data-test-selector')).toBe('recovery-code-link');
    else expect(challenge?.switchMethod).toBeNull();
  });

  it('shows no method-choice screen (GitHub has none) and no login hint', () => {
    expect(githubAdapter.detectMethodChoice(doc, url)).toBeNull();
    expect(githubAdapter.detectLoginHint(doc, url)).toBeNull();
  });

  it(f.step === 'recovery-codes' ? 'reads the 16 recovery codes and the login' : 'shows no recovery codes', () => {
    const screen = githubAdapter.detectCodeScreen(doc, url);
    if (f.step !== 'recovery-codes') {
      expect(screen).toBeNull();
      return;
    }
    expect(screen?.codes).toEqual(f.codes);
    expect(screen?.codes).toHaveLength(16);
    expect(screen?.handle).toBe(f.handle);
    expect(screen?.anchor.textContent?.trim()).toBe(f.codes?.[0]);
  });

  it('is a candidate page exactly when it is a 2FA step or the recovery-codes page', () => {
    expect(githubAdapter.isCandidate(url)).toBe(f.step === '2fa' || f.step === 'recovery-codes');
  });

  it('gets nothing from any detector when the same DOM is served on https://github.com.evil.test', () => {
    const evil = new URL(lookalike(f.url));
    expect(githubAdapter.isCandidate(evil)).toBe(false);
    expect(githubAdapter.detectChallenge(doc, evil)).toBeNull();
    expect(githubAdapter.detectCodeScreen(doc, evil)).toBeNull();
    expect(githubAdapter.detectOutcome(doc, evil, githubAdapter.outcomeBaseline(doc, evil))).toBe('left');
  });
});

describe('the GitHub detectors on changed pages', () => {
  it('offer nothing at the authenticator step when the recovery link is gone, rather than fill #app_totp', () => {
    const { doc, url } = load(byFile('two-factor-app.html'));
    doc.querySelector('[data-test-selector="recovery-code-link"]')!.remove();
    expect(githubAdapter.detectChallenge(doc, url)).toBeNull();
  });

  it('read no codes from a page whose code elements were renamed', () => {
    const { doc, url } = load(byFile('recovery-codes.html'));
    for (const el of Array.from(doc.querySelectorAll('.two-factor-recovery-code'))) el.className = 'renamed';
    expect(githubAdapter.detectCodeScreen(doc, url)).toBeNull();
  });

  it('take at most 16 codes from one screen, each once', () => {
    const { doc, url } = load(byFile('recovery-codes.html'));
    const list = doc.querySelector('.two-factor-recovery-codes')!;
    for (const c of ['aaaaa-11111', 'bbbbb-22222']) list.insertAdjacentHTML('beforeend', `<li class="two-factor-recovery-code">${c}</li>`);
    list.insertAdjacentHTML('afterbegin', `<li class="two-factor-recovery-code">${byFile('recovery-codes.html').codes![0]}</li>`);
    const screen = githubAdapter.detectCodeScreen(doc, url)!;
    expect(screen.codes).toEqual(byFile('recovery-codes.html').codes);
  });

  it('leave out a login that is not a GitHub login', () => {
    const { doc, url } = load(byFile('recovery-codes.html'));
    doc.querySelector('meta[name="user-login"]')!.setAttribute('content', 'not a login!');
    expect(githubAdapter.detectCodeScreen(doc, url)?.handle).toBeUndefined();
  });
});

describe('the GitHub outcome detector, from the recovery step', () => {
  const before = load(byFile('two-factor-recovery.html'));
  const baseline = githubAdapter.outcomeBaseline(before.doc, before.url);

  it('says rejected for the form shown again with a new error flash, accepted for the dashboard', () => {
    for (const f of FACTS) {
      const { doc, url } = load(f);
      const verdict = githubAdapter.detectOutcome(doc, url, baseline);
      if (f.flash) expect(verdict, f.file).toBe('rejected');
      else if (f.step === 'dashboard') expect(verdict, f.file).toBe('accepted');
      else if (f.step === '2fa') expect(verdict, f.file).toBe('pending');
      else expect(verdict, f.file).toBe('left');
    }
  });

  it('ignores a flash that was already showing when the code was submitted', () => {
    const { doc, url } = load(byFile('two-factor-recovery-rejected.html'));
    expect(githubAdapter.detectOutcome(doc, url, githubAdapter.outcomeBaseline(doc, url))).toBe('pending');
  });

  it('accepts the return_to target as the end of a successful login, and no path off the site', () => {
    const home = load(byFile('dashboard.html'));
    const from = new URL('https://github.com/sessions/two-factor/recovery?return_to=%2Fsettings%2Fprofile');
    const base = githubAdapter.outcomeBaseline(before.doc, from);
    expect(githubAdapter.detectOutcome(home.doc, new URL('https://github.com/settings/profile'), base)).toBe('accepted');
    expect(githubAdapter.detectOutcome(home.doc, new URL('https://github.com/explore'), base)).toBe('left');
    const offsite = githubAdapter.outcomeBaseline(before.doc, new URL('https://github.com/sessions/two-factor/recovery?return_to=//evil.test/'));
    expect(offsite.successPaths).toEqual(['/']);
  });
});
