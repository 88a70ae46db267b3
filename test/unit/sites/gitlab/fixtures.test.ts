// @vitest-environment jsdom
// Every GitLab detector on every fixture in test/fixtures/gitlab (saved from the GitLab replica,
// each saying which real GitLab page it models): each detector matches its own fixtures and
// rejects every other one, and the same DOM on a lookalike origin gets nothing from any of them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { gitlabAdapter } from '../../../../src/sites/gitlab';
import { usernameFrom } from '../../../../src/sites/gitlab/decide';
import { detectRecoveryStep } from '../../../../src/sites/generic';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/gitlab');

interface FixtureFacts {
  file: string;
  url: string;
  models: string;
  step: 'codes' | 'settings' | 'login' | 'email' | '2fa' | '2fa-hidden' | 'dashboard';
  mode?: 'unknown';
  codes?: string[];
  handle?: string;
  flash?: string;
}

const FACTS = JSON.parse(readFileSync(path.join(DIR, 'fixtures.json'), 'utf8')) as FixtureFacts[];

function load(f: FixtureFacts, url = f.url): { doc: Document; url: URL } {
  const html = readFileSync(path.join(DIR, f.file), 'utf8');
  return { doc: new DOMParser().parseFromString(html, 'text/html'), url: new URL(url) };
}

const lookalike = (url: string) => url.replace('https://gitlab.com/', 'https://gitlab.com.evil.test/');
const byFile = (file: string) => FACTS.find((f) => f.file === file)!;

describe('the GitLab fixtures', () => {
  it('are all listed in fixtures.json, and each says which real GitLab page it models', () => {
    const files = readdirSync(DIR).filter((n) => n.endsWith('.html')).sort();
    expect(FACTS.map((f) => f.file).sort()).toEqual(files);
    for (const f of FACTS) {
      const head = readFileSync(path.join(DIR, f.file), 'utf8').slice(0, 2_000);
      expect(head, f.file).toMatch(/^<!--[\s\S]*Models: [\s\S]*URL: https:\/\/gitlab\.com\/[\s\S]*Source: gitlabhq/);
    }
  });

  it('cover both codes pages, the settings page, every sign-in step at the one URL, a refused code, WebAuthn, and the dashboard', () => {
    const steps = FACTS.map((f) => `${f.step}${f.mode ? `/${f.mode}` : ''}`);
    for (const s of ['codes', 'settings', 'login', 'email', '2fa/unknown', '2fa-hidden', 'dashboard']) expect(steps, s).toContain(s);
    expect(FACTS.filter((f) => f.step === 'codes')).toHaveLength(2);
    expect(FACTS.some((f) => f.flash)).toBe(true);
    // Password, e-mail and 2FA steps share one URL: only the DOM tells them apart.
    expect(new Set(FACTS.filter((f) => ['login', 'email', '2fa', '2fa-hidden'].includes(f.step)).map((f) => f.url))).toEqual(new Set(['https://gitlab.com/users/sign_in']));
  });
});

describe.each(FACTS)('$file', (f) => {
  const { doc, url } = load(f);

  it(f.step === '2fa' ? 'detects the 2FA step in unknown mode (its field takes the authenticator code too)' : 'shows no 2FA step to fill', () => {
    const challenge = gitlabAdapter.detectChallenge(doc, url);
    if (f.step !== '2fa') {
      expect(challenge).toBeNull();
      return;
    }
    expect(challenge?.mode).toBe('unknown');
    expect(challenge?.input.id).toBe('user_otp_attempt');
    expect(challenge?.input.name).toBe('user[otp_attempt]');
    expect(challenge?.submit?.textContent?.trim()).toBe('Verify code');
    expect(challenge?.container.tagName.toLowerCase()).toBe('form');
    expect(challenge?.switchMethod).toBeNull();
  });

  it('shows no method-choice screen (GitLab has none) and no login hint', () => {
    expect(gitlabAdapter.detectMethodChoice(doc, url)).toBeNull();
    expect(gitlabAdapter.detectLoginHint(doc, url)).toBeNull();
  });

  it(f.step === 'codes' ? 'reads the 10 new recovery codes and the username' : 'shows no recovery codes', () => {
    const screen = gitlabAdapter.detectCodeScreen(doc, url);
    if (f.step !== 'codes') {
      expect(screen).toBeNull();
      return;
    }
    expect(screen?.codes).toEqual(f.codes);
    expect(screen?.codes).toHaveLength(10);
    expect(screen?.handle).toBe(f.handle);
    expect(screen?.anchor.textContent?.trim()).toBe(f.codes?.[0]);
    expect(screen?.container.getAttribute('data-testid')).toBe('recovery-codes');
  });

  it('is a candidate page exactly when it is the sign-in or a 2FA settings page', () => {
    expect(gitlabAdapter.isCandidate(url)).toBe(['codes', 'settings', 'login', 'email', '2fa', '2fa-hidden'].includes(f.step));
  });

  it('gets nothing from any detector when the same DOM is served on https://gitlab.com.evil.test', () => {
    const evil = new URL(lookalike(f.url));
    expect(gitlabAdapter.isCandidate(evil)).toBe(false);
    expect(gitlabAdapter.detectChallenge(doc, evil)).toBeNull();
    expect(gitlabAdapter.detectCodeScreen(doc, evil)).toBeNull();
    expect(gitlabAdapter.detectOutcome(doc, evil, gitlabAdapter.outcomeBaseline(doc, evil))).toBe('left');
    expect(gitlabAdapter.verdictAfterLoad?.(evil, ['/'])).toBe('left');
  });
});

describe('the GitLab detectors on changed pages', () => {
  it('offer nothing while the OTP form is hidden behind WebAuthn, and the field once it shows', () => {
    const { doc, url } = load(byFile('two-factor-webauthn.html'));
    expect(gitlabAdapter.detectChallenge(doc, url)).toBeNull();
    doc.querySelector('.js-2fa-form')!.classList.remove('hidden');
    expect(gitlabAdapter.detectChallenge(doc, url)?.input.id).toBe('user_otp_attempt');
  });

  it('offer nothing on a disabled field', () => {
    const { doc, url } = load(byFile('two-factor.html'));
    doc.querySelector<HTMLInputElement>('#user_otp_attempt')!.disabled = true;
    expect(gitlabAdapter.detectChallenge(doc, url)).toBeNull();
  });

  it('read no codes from a page whose code elements were renamed, nor from the card hidden', () => {
    const renamed = load(byFile('codes-regenerated.html'));
    for (const el of Array.from(renamed.doc.querySelectorAll('[data-testid="code-content"]'))) el.setAttribute('data-testid', 'renamed');
    expect(gitlabAdapter.detectCodeScreen(renamed.doc, renamed.url)).toBeNull();
    const hidden = load(byFile('codes-regenerated.html'));
    hidden.doc.querySelector('[data-testid="recovery-codes"]')!.setAttribute('hidden', '');
    expect(gitlabAdapter.detectCodeScreen(hidden.doc, hidden.url)).toBeNull();
  });

  it('still read the codes under the older data-qa-selector=code_content', () => {
    const { doc, url } = load(byFile('codes-regenerated.html'));
    for (const el of Array.from(doc.querySelectorAll('[data-testid="code-content"]'))) {
      el.removeAttribute('data-testid');
      el.setAttribute('data-qa-selector', 'code_content');
    }
    expect(gitlabAdapter.detectCodeScreen(doc, url)?.codes).toEqual(byFile('codes-regenerated.html').codes);
  });

  it('take at most 10 codes from one screen, each once', () => {
    const { doc, url } = load(byFile('codes-regenerated.html'));
    const list = doc.querySelector('[data-testid="recovery-codes"] ul')!;
    const first = byFile('codes-regenerated.html').codes![0];
    for (const c of ['aaaaaaaaaaaaaaa1', first]) list.insertAdjacentHTML('beforeend', `<li><span data-testid="code-content">${c}</span></li>`);
    expect(gitlabAdapter.detectCodeScreen(doc, url)?.codes).toEqual(byFile('codes-regenerated.html').codes);
  });

  it('leave out a username that is not a GitLab username, and read none when gon names nobody', () => {
    const bad = load(byFile('codes-regenerated.html'));
    for (const s of Array.from(bad.doc.querySelectorAll('script'))) s.textContent = (s.textContent ?? '').replace(/gon\.current_username="[^"]*"/, 'gon.current_username="not a name!"');
    expect(gitlabAdapter.detectCodeScreen(bad.doc, bad.url)?.handle).toBeUndefined();
    const none = load(byFile('codes-regenerated.html'));
    for (const s of Array.from(none.doc.querySelectorAll('script'))) s.textContent = (s.textContent ?? '').replace(/gon\.current_username="[^"]*";/, '');
    const screen = gitlabAdapter.detectCodeScreen(none.doc, none.url);
    expect(screen?.codes).toHaveLength(10);
    expect(screen?.handle).toBeUndefined();
  });

  it('take GitLab usernames as GitLab writes them', () => {
    for (const ok of ['sparekey-demo', 'a', 'john.smith', '_under', 'x'.repeat(255)]) expect(usernameFrom(ok), ok).toBe(ok);
    for (const bad of ['', '-dash', '.dot', 'trail.', 'repo.git', 'feed.atom', 'with space', 'é', 'x'.repeat(256)]) expect(usernameFrom(bad), bad).toBeUndefined();
  });
});

describe('the GitLab outcome detectors, from the 2FA step', () => {
  const before = load(byFile('two-factor.html'));
  const baseline = gitlabAdapter.outcomeBaseline(before.doc, before.url);

  it('say rejected for the form shown again with a new flash alert, accepted for the dashboard, in the document', () => {
    for (const f of FACTS) {
      const { doc, url } = load(f);
      const verdict = gitlabAdapter.detectOutcome(doc, url, baseline);
      if (f.flash) expect(verdict, f.file).toBe('rejected');
      else if (['login', 'email', '2fa', '2fa-hidden'].includes(f.step)) expect(verdict, f.file).toBe('pending');
      else expect(verdict, f.file).toBe('accepted');
    }
  });

  it('ignore a flash that was already showing when the code was submitted', () => {
    const { doc, url } = load(byFile('two-factor-rejected.html'));
    expect(gitlabAdapter.detectOutcome(doc, url, gitlabAdapter.outcomeBaseline(doc, url))).toBe('pending');
  });

  it('judge the load after the form post by its URL: the sign-in again is a refusal, any other gitlab.com page the stored location or the dashboard', () => {
    const verdict = (href: string) => gitlabAdapter.verdictAfterLoad!(new URL(href), baseline.successPaths);
    expect(verdict('https://gitlab.com/users/sign_in')).toBe('rejected');
    expect(verdict('https://gitlab.com/')).toBe('accepted');
    expect(verdict('https://gitlab.com/dashboard/projects')).toBe('accepted');
    expect(verdict('https://gitlab.com/group/project/-/issues/1')).toBe('accepted');
    for (const off of ['https://about.gitlab.com/', 'https://gitlab.com.evil.test/', 'http://gitlab.com/']) expect(verdict(off), off).toBe('left');
  });
});

// A self-managed GitLab gets the generic detector (src/sites/generic/DESIGN.md names this field
// `unknown`): on gitlab.com's own pages the adapter decides the same. Not the form hidden behind
// WebAuthn: the adapter waits for it to show, the generic detector does not look at GitLab's
// `hidden` class.
describe('the GitLab adapter and the generic detector', () => {
  it.each(FACTS.filter((f) => f.step !== '2fa-hidden'))('read $file alike: the same field in the same mode, or nothing', (f) => {
    const { doc, url } = load(f);
    const generic = detectRecoveryStep(doc, url, [url.origin]);
    const challenge = gitlabAdapter.detectChallenge(doc, url);
    expect(challenge ? { mode: challenge.mode, input: challenge.input } : null).toEqual(generic ? { mode: generic.mode, input: generic.input } : null);
  });
});
