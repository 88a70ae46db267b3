// @vitest-environment jsdom
// Every X detector on every fixture in test/fixtures/x (saved from the replica, each saying which
// real X page it models): each detector matches its own fixtures and rejects every other one, and
// the same DOM on a lookalike origin gets nothing from any of them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { xAdapter } from '../../../../src/sites/x';

// (A string, not new URL(): under jsdom the global URL is jsdom's and fileURLToPath refuses it.)
const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/x');

interface FixtureFacts {
  file: string;
  url: string;
  lang: string;
  models: string;
  step: string;
  mode?: 'app' | 'backup' | 'email';
  nextButton?: 'button' | 'div';
  codes?: string[];
  handle?: string;
  identifier?: string;
  toast?: string;
  choices?: { app: string; backup: string };
}

const FACTS = JSON.parse(readFileSync(path.join(DIR, 'fixtures.json'), 'utf8')) as FixtureFacts[];

function load(f: FixtureFacts, url = f.url): { doc: Document; url: URL } {
  const html = readFileSync(path.join(DIR, f.file), 'utf8');
  return { doc: new DOMParser().parseFromString(html, 'text/html'), url: new URL(url) };
}

/** The same page served on a lookalike host. */
const lookalike = (url: string) => url.replace('https://x.com/', 'https://x.com.evil.test/');

/** Which fixtures each detector claims, by the facts the fixture saver wrote. */
const OWN = {
  challenge: (f: FixtureFacts) => f.step === '2fa' || f.step === 'email-code',
  methodChoice: (f: FixtureFacts) => f.step === 'choice',
  codeScreen: (f: FixtureFacts) => f.step === 'backup-code',
  loginHint: (f: FixtureFacts) => f.identifier !== undefined,
};

describe('the X fixtures', () => {
  it('are all listed in fixtures.json, and each says which real X page it models', () => {
    const files = readdirSync(DIR).filter((n) => n.endsWith('.html')).sort();
    expect(FACTS.map((f) => f.file).sort()).toEqual(files);
    for (const f of FACTS) {
      const head = readFileSync(path.join(DIR, f.file), 'utf8').slice(0, 2_000);
      expect(head, f.file).toMatch(/^<!--[\s\S]*Models: [\s\S]*URL: https:\/\/x\.com\//);
    }
  });

  it('cover every step the detectors must tell apart, in the six languages for the code steps', () => {
    const steps = new Set(FACTS.map((f) => f.step));
    for (const s of ['identifier', 'unusual-activity', 'password', '2fa', 'choice', 'email-code', 'backup-code', 'home'])
      expect(steps, s).toContain(s);
    for (const lang of ['en', 'es', 'fr', 'de', 'ja', 'pt']) {
      for (const mode of ['app', 'backup', 'email'])
        expect(FACTS.some((f) => f.lang === lang && f.mode === mode), `${mode} in ${lang}`).toBe(true);
    }
  });
});

describe.each(FACTS)('$file', (f) => {
  const { doc, url } = load(f);

  it(OWN.challenge(f) ? `detects the code step in ${f.mode} mode` : 'shows no code step', () => {
    const challenge = xAdapter.detectChallenge(doc, url);
    if (!OWN.challenge(f)) {
      expect(challenge).toBeNull();
      return;
    }
    expect(challenge?.mode).toBe(f.mode);
    expect(challenge?.input.getAttribute('data-testid')).toBe('ocfEnterTextTextInput');
    expect(challenge?.submit?.getAttribute('data-testid')).toBe('ocfEnterTextNextButton');
    expect(challenge?.submit?.tagName.toLowerCase()).toBe(f.nextButton === 'div' ? 'div' : 'button');
    expect(challenge?.container.getAttribute('role')).toBe('dialog');
    // The way to backup codes exists on the 2FA step only.
    if (f.mode === 'email') expect(challenge?.switchMethod).toBeNull();
    else expect(challenge?.switchMethod?.tagName.toLowerCase()).toBe('a');
  });

  it(OWN.methodChoice(f) ? 'finds the "Use a backup code" radio by its label' : 'shows no method choice', () => {
    const choice = xAdapter.detectMethodChoice(doc, url);
    if (!OWN.methodChoice(f)) {
      expect(choice).toBeNull();
      return;
    }
    expect(choice?.backup?.value).toBe(f.choices?.backup);
    expect(choice?.submit?.getAttribute('data-testid')).toBe('ChoiceSelectionNextButton');
  });

  it(OWN.codeScreen(f) ? 'reads the backup code and the @handle' : 'shows no backup code', () => {
    const screen = xAdapter.detectCodeScreen(doc, url);
    if (!OWN.codeScreen(f)) {
      expect(screen).toBeNull();
      return;
    }
    expect(screen?.codes).toEqual(f.codes);
    expect(screen?.handle).toBe(f.handle);
    expect(screen?.anchor.textContent?.replace(/\s+/g, '')).toBe(f.codes?.[0]);
  });

  it(OWN.loginHint(f) ? 'reads the identifier typed at the first step' : 'offers no login hint', () => {
    expect(xAdapter.detectLoginHint(doc, url)).toBe(OWN.loginHint(f) ? f.identifier : null);
  });

  it('is a candidate page exactly when it is on the login flow or the backup-code screen', () => {
    const expected = url.pathname === '/i/flow/login' || url.pathname.endsWith('/backup_code');
    expect(xAdapter.isCandidate(url)).toBe(expected);
  });

  it('gets nothing from any detector when the same DOM is served on https://x.com.evil.test', () => {
    const evil = new URL(lookalike(f.url));
    expect(xAdapter.isCandidate(evil)).toBe(false);
    expect(xAdapter.detectChallenge(doc, evil)).toBeNull();
    expect(xAdapter.detectMethodChoice(doc, evil)).toBeNull();
    expect(xAdapter.detectCodeScreen(doc, evil)).toBeNull();
    expect(xAdapter.detectLoginHint(doc, evil)).toBeNull();
    expect(xAdapter.detectOutcome(doc, evil, xAdapter.outcomeBaseline(doc, evil))).toBe('left');
  });
});

describe('the outcome detector, from the 2FA step in backup mode', () => {
  const start = FACTS.find((f) => f.file === 'login-2fa-backup.html')!;
  const before = load(start);
  const baseline = xAdapter.outcomeBaseline(before.doc, before.url);

  it('says rejected for the page with the "Incorrect" toast, and accepted for /home', () => {
    for (const f of FACTS) {
      const { doc, url } = load(f);
      const verdict = xAdapter.detectOutcome(doc, url, baseline);
      if (f.toast) expect(verdict, f.file).toBe('rejected');
      else if (f.step === 'home') expect(verdict, f.file).toBe('accepted');
      else if (url.pathname === '/i/flow/login') expect(verdict, f.file).toBe('pending');
      else expect(verdict, f.file).toBe('left');
    }
  });

  it('ignores a toast that was already showing when the code was submitted', () => {
    const toast = FACTS.find((f) => f.toast)!;
    const { doc, url } = load(toast);
    expect(xAdapter.detectOutcome(doc, url, xAdapter.outcomeBaseline(doc, url))).toBe('pending');
  });

  it('sees the same toast element again when its words change', () => {
    const toast = FACTS.find((f) => f.toast)!;
    const { doc, url } = load(toast);
    const base = xAdapter.outcomeBaseline(doc, url);
    const el = doc.querySelector('[data-testid="toast"] span')!;
    el.textContent = 'Incorrect. Please try again. (2)';
    expect(xAdapter.detectOutcome(doc, url, base)).toBe('rejected');
  });

  it('accepts the redirect_after_login target as the end of a successful login', () => {
    const home = load(FACTS.find((f) => f.step === 'home')!);
    const from = new URL('https://x.com/i/flow/login?redirect_after_login=%2Fsettings%2Faccount');
    const base = xAdapter.outcomeBaseline(before.doc, from);
    expect(xAdapter.detectOutcome(home.doc, new URL('https://x.com/settings/account'), base)).toBe('accepted');
    expect(xAdapter.detectOutcome(home.doc, new URL('https://x.com/explore'), base)).toBe('left');
    // A redirect to another host is not a path of ours.
    const offsite = xAdapter.outcomeBaseline(before.doc, new URL('https://x.com/i/flow/login?redirect_after_login=//evil.test/home'));
    expect(offsite.successPaths).toEqual(['/home']);
  });
});
