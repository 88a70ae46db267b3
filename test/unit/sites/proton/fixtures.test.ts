// @vitest-environment jsdom
// Every Proton detector on every fixture in test/fixtures/proton (saved from the Proton replica,
// each saying which real Proton view it models): each detector matches its own fixtures and
// rejects every other one, and the same DOM on a lookalike origin gets nothing from any of them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { protonAdapter } from '../../../../src/sites/proton';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/proton');

interface FixtureFacts {
  file: string;
  url: string;
  models: string;
  step: 'signin' | 'totp' | 'recovery' | 'home' | 'settings' | 'confirm' | 'codes';
  codes?: string[];
  notification?: string;
}

const FACTS = JSON.parse(readFileSync(path.join(DIR, 'fixtures.json'), 'utf8')) as FixtureFacts[];

function load(f: FixtureFacts, url = f.url): { doc: Document; url: URL } {
  const html = readFileSync(path.join(DIR, f.file), 'utf8');
  return { doc: new DOMParser().parseFromString(html, 'text/html'), url: new URL(url) };
}

const lookalike = (url: string) => url.replace('https://account.proton.me/', 'https://account.proton.me.evil.test/');
const byFile = (file: string) => FACTS.find((f) => f.file === file)!;

describe('the Proton fixtures', () => {
  it('are all listed in fixtures.json, and each says which real Proton view it models', () => {
    const files = readdirSync(DIR).filter((n) => n.endsWith('.html')).sort();
    expect(FACTS.map((f) => f.file).sort()).toEqual(files);
    for (const f of FACTS) {
      const head = readFileSync(path.join(DIR, f.file), 'utf8').slice(0, 2_000);
      expect(head, f.file).toMatch(/^<!--[\s\S]*Models: [\s\S]*URL: https:\/\/account\.proton\.me\/[\s\S]*ProtonMail\/WebClients/);
    }
  });

  it('cover the new codes, the set-up confirm step, both modes of the login form, a refused code, and pages that are neither', () => {
    const steps = FACTS.map((f) => f.step);
    for (const s of ['signin', 'totp', 'recovery', 'home', 'settings', 'confirm', 'codes']) expect(steps, s).toContain(s);
    expect(FACTS.some((f) => f.notification)).toBe(true);
  });
});

describe.each(FACTS)('$file', (f) => {
  const { doc, url } = load(f);

  it(
    f.step === 'recovery' ? 'detects the recovery-code mode' : f.step === 'totp' ? 'offers only the switch at the TOTP mode' : 'shows no 2FA step (the set-up modal\'s six boxes included)',
    () => {
      const challenge = protonAdapter.detectChallenge(doc, url);
      if (f.step === 'recovery') {
        expect(challenge?.mode).toBe('backup');
        expect(challenge?.input.id).toBe('recovery-code');
        expect(challenge?.input.type).toBe('text');
        expect(challenge?.input.autocomplete).toBe('off');
        expect(challenge?.submit?.textContent?.trim()).toBe('Authenticate');
        expect(challenge?.container.getAttribute('name')).toBe('totpForm');
        expect(challenge?.switchMethod).toBeNull();
      } else if (f.step === 'totp') {
        // Mode app: the chip follows the switch and fills the recovery input, never these boxes.
        expect(challenge?.mode).toBe('app');
        expect(challenge?.input.id).toBe('totp');
        expect(challenge?.switchMethod?.textContent?.trim()).toBe('Use recovery code');
        expect(challenge?.container.querySelectorAll('input[id^="totp"]')).toHaveLength(6);
      } else expect(challenge).toBeNull();
    },
  );

  it('shows no method-choice screen and no login hint', () => {
    expect(protonAdapter.detectMethodChoice(doc, url)).toBeNull();
    expect(protonAdapter.detectLoginHint(doc, url)).toBeNull();
  });

  it(f.step === 'codes' ? 'reads every code the set-up modal shows, in order, with no account name' : 'shows no codes', () => {
    const screen = protonAdapter.detectCodeScreen(doc, url);
    if (f.step !== 'codes') {
      expect(screen).toBeNull();
      return;
    }
    expect(screen?.codes).toEqual(f.codes);
    expect(screen?.handle).toBeUndefined();
    expect(screen?.anchor.textContent?.trim()).toBe(f.codes?.[0]);
  });

  it('is a candidate page exactly when it is the login or the account-password settings', () => {
    expect(protonAdapter.isCandidate(url)).toBe(['signin', 'totp', 'recovery', 'settings', 'confirm', 'codes'].includes(f.step));
  });

  it('gets nothing from any detector when the same DOM is served on https://account.proton.me.evil.test', () => {
    const evil = new URL(lookalike(f.url));
    expect(protonAdapter.isCandidate(evil)).toBe(false);
    expect(protonAdapter.detectChallenge(doc, evil)).toBeNull();
    expect(protonAdapter.detectCodeScreen(doc, evil)).toBeNull();
    expect(protonAdapter.detectOutcome(doc, evil, protonAdapter.outcomeBaseline(doc, evil))).toBe('left');
    expect(protonAdapter.verdictAfterLoad?.(evil, [])).toBe('left');
  });
});

describe('the Proton detectors on changed pages', () => {
  it('offer nothing for the login form at a settings URL, nor for the codes at the login URL: the URL decides', () => {
    const recovery = load(byFile('login-recovery.html'), 'https://account.proton.me/u/0/mail/account-password');
    expect(protonAdapter.detectChallenge(recovery.doc, recovery.url)).toBeNull();
    const codes = load(byFile('setup-codes.html'), 'https://account.proton.me/login');
    expect(protonAdapter.detectCodeScreen(codes.doc, codes.url)).toBeNull();
  });

  it('offer nothing at the TOTP mode once the switch to recovery codes is gone (nowhere to go but the boxes)', () => {
    const { doc, url } = load(byFile('login-totp.html'));
    doc.querySelector('button[data-switch]')!.remove();
    expect(protonAdapter.detectChallenge(doc, url)).toBeNull();
  });

  it('offer nothing while the form is disabled (a submit in flight)', () => {
    const { doc, url } = load(byFile('login-recovery.html'));
    (doc.querySelector('#recovery-code') as HTMLInputElement).disabled = true;
    expect(protonAdapter.detectChallenge(doc, url)).toBeNull();
  });

  it('take however many codes the modal shows (the server decides), each once, and none once the test id changes', () => {
    const f = byFile('setup-codes.html');
    const more = load(f);
    const box = more.doc.querySelector('code[data-testid="totp:recovery-code"]')!.parentElement!;
    for (const c of ['0a1b2c3d', '4e5f6a7b', '8c9d0e1f', 'a2b3c4d5']) box.insertAdjacentHTML('beforeend', `<code data-testid="totp:recovery-code">${c}</code>`);
    box.insertAdjacentHTML('beforeend', `<code data-testid="totp:recovery-code">${f.codes![0]}</code>`);
    expect(protonAdapter.detectCodeScreen(more.doc, more.url)?.codes).toEqual([...f.codes!, '0a1b2c3d', '4e5f6a7b', '8c9d0e1f', 'a2b3c4d5']);
    const fewer = load(f);
    for (const el of Array.from(fewer.doc.querySelectorAll('code[data-testid="totp:recovery-code"]')).slice(2)) el.remove();
    expect(protonAdapter.detectCodeScreen(fewer.doc, fewer.url)?.codes).toEqual(f.codes!.slice(0, 2));
    const renamed = load(f);
    for (const el of Array.from(renamed.doc.querySelectorAll('code[data-testid="totp:recovery-code"]'))) el.setAttribute('data-testid', 'renamed');
    expect(protonAdapter.detectCodeScreen(renamed.doc, renamed.url)).toBeNull();
  });

  it("read the codes in ModalTwo's dialog, which has no open attribute (CSS shows it), and none once the modal is gone or hidden", () => {
    const f = byFile('setup-codes.html');
    const shown = load(f);
    expect(shown.doc.querySelector('dialog.modal-two-dialog')!.hasAttribute('open')).toBe(false);
    expect(protonAdapter.detectCodeScreen(shown.doc, shown.url)?.codes).toEqual(f.codes);
    const closed = load(f);
    closed.doc.querySelector('.modal-two')!.remove();
    expect(protonAdapter.detectCodeScreen(closed.doc, closed.url)).toBeNull();
    const hidden = load(f);
    hidden.doc.querySelector('.modal-two')!.setAttribute('hidden', '');
    expect(protonAdapter.detectCodeScreen(hidden.doc, hidden.url)).toBeNull();
  });
});

describe('the Proton outcome detector, from the recovery-code mode', () => {
  const before = load(byFile('login-recovery.html'));
  const baseline = protonAdapter.outcomeBaseline(before.doc, before.url);

  it("says rejected for Proton's error notification with the form still up, accepted on a signed-in page, left anywhere else", () => {
    for (const f of FACTS) {
      const { doc, url } = load(f);
      const verdict = protonAdapter.detectOutcome(doc, url, baseline);
      if (f.notification) expect(verdict, f.file).toBe('rejected');
      else if (['home', 'settings', 'confirm', 'codes'].includes(f.step)) expect(verdict, f.file).toBe('accepted');
      else if (f.step === 'signin') expect(verdict, f.file).toBe('left');
      else expect(verdict, f.file).toBe('pending');
    }
  });

  it('waits on a signed-in URL while the form is still in the document (the router changes the URL before it renders)', () => {
    const { doc } = load(byFile('login-recovery.html'));
    expect(protonAdapter.detectOutcome(doc, new URL('https://account.proton.me/u/0/mail/dashboard'), baseline)).toBe('pending');
  });

  it('ignores a notification that was already showing when the code was submitted, and success notifications', () => {
    const { doc, url } = load(byFile('login-recovery-rejected.html'));
    expect(protonAdapter.detectOutcome(doc, url, protonAdapter.outcomeBaseline(doc, url))).toBe('pending');
    const fresh = load(byFile('login-recovery.html'));
    fresh.doc.querySelector('.notifications-container')!.innerHTML = '<div role="alert" class="notification notification--success">Two-factor authentication enabled</div>';
    expect(protonAdapter.detectOutcome(fresh.doc, fresh.url, baseline)).toBe('pending');
  });

  it('says left when the password step is back (Proton cancels the login on any other error)', () => {
    const { doc, url } = load(byFile('login.html'));
    expect(protonAdapter.detectOutcome(doc, url, baseline)).toBe('left');
  });

  it('judges a new document by its URL: a signed-in account page is accepted; /login again, another Proton app or a lookalike tell nothing', () => {
    const after = protonAdapter.verdictAfterLoad!;
    expect(after(new URL('https://account.proton.me/u/0/mail/dashboard'), [])).toBe('accepted');
    expect(after(new URL('https://account.proton.me/u/3/pass/'), [])).toBe('accepted');
    expect(after(new URL('https://account.proton.me/login'), [])).toBe('left');
    expect(after(new URL('https://mail.proton.me/u/0/inbox'), [])).toBe('left');
    expect(after(new URL('https://account.proton.me.evil.test/u/0/mail/dashboard'), [])).toBe('left');
  });
});

describe("the Proton detectors on the generic detector's hand-built Proton pages (test/fixtures/generic)", () => {
  const generic = (file: string) => {
    const html = readFileSync(path.resolve(DIR, '../generic', file), 'utf8');
    return { doc: new DOMParser().parseFromString(html, 'text/html'), url: new URL('https://account.proton.me/login') };
  };

  it('read them as the replica\'s: the TOTP mode offers only the switch, the recovery-code mode is the step to fill', () => {
    const totp = generic('proton-login-totp.html');
    const atTotp = protonAdapter.detectChallenge(totp.doc, totp.url);
    expect(atTotp?.mode).toBe('app');
    expect(atTotp?.switchMethod?.textContent?.trim()).toBe('Use recovery code');
    const recovery = generic('proton-login-recovery.html');
    const atRecovery = protonAdapter.detectChallenge(recovery.doc, recovery.url);
    expect(atRecovery?.mode).toBe('backup');
    expect(atRecovery?.input.id).toBe('recovery-code');
  });
});
