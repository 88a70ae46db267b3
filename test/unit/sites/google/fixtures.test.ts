// @vitest-environment jsdom
// Every Google detector on every fixture in test/fixtures/google (saved from the Google replica,
// each saying which real Google page it models): each detector matches its own fixtures and
// rejects every other one, the authenticator, SMS and "Try another way" challenges get no offer,
// and the same DOM on a lookalike origin gets nothing from any of them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { googleAdapter } from '../../../../src/sites/google';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/google');

interface FixtureFacts {
  file: string;
  url: string;
  models: string;
  step: 'backup-codes' | 'home' | 'identifier' | 'totp' | 'sms' | 'selection' | 'backup';
  codes?: string[];
  handle?: string;
  email?: string;
  error?: string;
}

const FACTS = JSON.parse(readFileSync(path.join(DIR, 'fixtures.json'), 'utf8')) as FixtureFacts[];

function load(f: FixtureFacts, url = f.url): { doc: Document; url: URL } {
  const html = readFileSync(path.join(DIR, f.file), 'utf8');
  return { doc: new DOMParser().parseFromString(html, 'text/html'), url: new URL(url) };
}

const lookalike = (url: string) => url.replace(/^https:\/\/(accounts|myaccount)\.google\.com\//, 'https://$1.google.com.evil.test/');
const byFile = (file: string) => FACTS.find((f) => f.file === file)!;

describe('the Google fixtures', () => {
  it('are all listed in fixtures.json, and each says which real Google page it models', () => {
    const files = readdirSync(DIR).filter((n) => n.endsWith('.html')).sort();
    expect(FACTS.map((f) => f.file).sort()).toEqual(files);
    for (const f of FACTS) {
      const head = readFileSync(path.join(DIR, f.file), 'utf8').slice(0, 2_000);
      expect(head, f.file).toMatch(/^<!--[\s\S]*Models: [\s\S]*URL: https:\/\/(accounts|myaccount)\.google\.com\//);
    }
  });

  it('cover the codes page, the backup-code challenge and a refused code, the challenges that are not ours, and pages that are neither', () => {
    const steps = FACTS.map((f) => f.step);
    for (const s of ['backup-codes', 'home', 'identifier', 'totp', 'sms', 'selection', 'backup']) expect(steps, s).toContain(s);
    expect(FACTS.some((f) => f.error)).toBe(true);
  });
});

describe.each(FACTS)('$file', (f) => {
  const { doc, url } = load(f);

  it(f.step === 'backup' ? 'detects the backup-code challenge' : 'shows no challenge Sparekey offers a code at', () => {
    const challenge = googleAdapter.detectChallenge(doc, url);
    if (f.step !== 'backup') {
      expect(challenge).toBeNull();
      return;
    }
    expect(challenge?.mode).toBe('backup');
    expect(challenge?.input.id).toBe('backupCodePin');
    expect(challenge?.input.type).toBe('tel');
    expect(challenge?.submit?.textContent?.trim()).toBe('Next');
    expect(challenge?.container.tagName.toLowerCase()).toBe('form');
    expect(challenge?.switchMethod).toBeNull();
  });

  it('shows no method-choice screen Sparekey acts on', () => {
    expect(googleAdapter.detectMethodChoice(doc, url)).toBeNull();
  });

  it(f.step === 'backup' ? 'reads the email being signed in' : 'reads no login hint', () => {
    expect(googleAdapter.detectLoginHint(doc, url)).toBe(f.step === 'backup' ? f.email : null);
  });

  it(f.step === 'backup-codes' ? 'reads the 10 backup codes and the account' : 'shows no backup codes', () => {
    const screen = googleAdapter.detectCodeScreen(doc, url);
    if (f.step !== 'backup-codes') {
      expect(screen).toBeNull();
      return;
    }
    expect(screen?.codes).toEqual(f.codes);
    expect(screen?.codes).toHaveLength(10);
    expect(screen?.handle).toBe(f.handle);
    expect(screen?.anchor.textContent?.replace(/\s/g, '')).toBe(f.codes?.[0]);
  });

  it('is a candidate page exactly when it is the backup-code challenge or the backup-codes page', () => {
    expect(googleAdapter.isCandidate(url)).toBe(f.step === 'backup' || f.step === 'backup-codes');
  });

  it('gets nothing from any detector when the same DOM is served on a lookalike of its origin', () => {
    const evil = new URL(lookalike(f.url));
    expect(evil.hostname.endsWith('.evil.test')).toBe(true);
    expect(googleAdapter.isCandidate(evil)).toBe(false);
    expect(googleAdapter.detectChallenge(doc, evil)).toBeNull();
    expect(googleAdapter.detectCodeScreen(doc, evil)).toBeNull();
    expect(googleAdapter.detectLoginHint(doc, evil)).toBeNull();
    expect(googleAdapter.detectOutcome(doc, evil, googleAdapter.outcomeBaseline(doc, evil))).toBe('left');
  });
});

describe('the Google detectors on changed pages and after a submit', () => {
  const challenge = byFile('challenge-backup-code.html');
  const rejected = byFile('challenge-backup-code-rejected.html');

  it('offer nothing when #backupCodePin sits on the authenticator challenge URL, or the TOTP input on the backup-code URL', () => {
    const totp = byFile('challenge-totp.html');
    expect(googleAdapter.detectChallenge(load(challenge, totp.url).doc, new URL(totp.url))).toBeNull();
    expect(googleAdapter.detectChallenge(load(totp, challenge.url).doc, new URL(challenge.url))).toBeNull();
  });

  it('offer nothing when the backup-code input is hidden or disabled', () => {
    const hidden = load(challenge);
    hidden.doc.querySelector('form')!.setAttribute('hidden', '');
    expect(googleAdapter.detectChallenge(hidden.doc, hidden.url)).toBeNull();
    const disabled = load(challenge);
    disabled.doc.querySelector<HTMLInputElement>('#backupCodePin')!.disabled = true;
    expect(googleAdapter.detectChallenge(disabled.doc, disabled.url)).toBeNull();
  });

  it("find the Next button by its words when Google's #backupCodeNext is gone", () => {
    const { doc, url } = load(challenge);
    doc.querySelector('#backupCodeNext')!.removeAttribute('id');
    expect(googleAdapter.detectChallenge(doc, url)?.submit?.textContent?.trim()).toBe('Next');
  });

  it('call a new inline error with the challenge still up a rejection, and nothing new pending', () => {
    const before = load(challenge);
    const baseline = googleAdapter.outcomeBaseline(before.doc, before.url);
    expect(googleAdapter.detectOutcome(before.doc, before.url, baseline)).toBe('pending');
    before.doc.querySelector('[aria-live="assertive"]')!.textContent = rejected.error!;
    expect(googleAdapter.detectOutcome(before.doc, before.url, baseline)).toBe('rejected');
    // The same error still showing at the next submit is not a new refusal.
    const after = load(rejected);
    const again = googleAdapter.outcomeBaseline(after.doc, after.url);
    expect(googleAdapter.detectOutcome(after.doc, after.url, again)).toBe('pending');
  });

  it('judge the load after a submit: myaccount.google.com accepted, the challenge again rejected, elsewhere nothing', () => {
    const { doc, url } = load(challenge);
    const { successPaths } = googleAdapter.outcomeBaseline(doc, url);
    expect(successPaths).toEqual([]);
    const verdict = (u: string) => googleAdapter.verdictAfterLoad!(new URL(u), successPaths);
    expect(verdict('https://myaccount.google.com/')).toBe('accepted');
    expect(verdict('https://accounts.google.com/v3/signin/challenge/bc?continue=x')).toBe('rejected');
    expect(verdict('https://accounts.google.com/v3/signin/identifier')).toBe('left');
    expect(verdict('https://mail.google.com/mail/')).toBe('left');
    expect(verdict('https://myaccount.google.com.evil.test/')).toBe('left');
  });

  it('take a continue that stays on accounts.google.com as the success path, and only that', () => {
    const { doc } = load(challenge);
    const at = (c: string) => new URL(`https://accounts.google.com/v3/signin/challenge/bc?continue=${encodeURIComponent(c)}`);
    expect(googleAdapter.outcomeBaseline(doc, at('https://accounts.google.com/b/0/ManageAccount')).successPaths).toEqual(['/b/0/ManageAccount']);
    expect(googleAdapter.outcomeBaseline(doc, at('https://mail.google.com/mail/')).successPaths).toEqual([]);
    expect(googleAdapter.verdictAfterLoad!(new URL('https://accounts.google.com/b/0/ManageAccount'), ['/b/0/ManageAccount'])).toBe('accepted');
  });

  it('take at most 10 codes from one screen, each once, and read none from a page without them', () => {
    const f = byFile('backup-codes.html');
    const { doc, url } = load(f);
    const list = doc.querySelector('ul.codes')!;
    for (const c of ['1111 2222', '3333 4444']) list.insertAdjacentHTML('beforeend', `<li><div>${c}</div></li>`);
    list.insertAdjacentHTML('afterbegin', `<li><div>${f.codes![0]!.slice(0, 4)} ${f.codes![0]!.slice(4)}</div></li>`);
    expect(googleAdapter.detectCodeScreen(doc, url)!.codes).toEqual(f.codes);
    list.remove();
    expect(googleAdapter.detectCodeScreen(doc, url)).toBeNull();
  });
});
