// The X adapter's decisions on plain records (no DOM), and its string table against the replica's.
import { describe, expect, it } from 'vitest';
import { LANGUAGES, stringsFor } from '../../../replica/strings.mjs';
import type { InputRecord, LinkRecord, RadioRecord } from '../../../../src/sites/x/collect';
import {
  backupChoice,
  classifyEnterText,
  handleFrom,
  switchMethodLink,
} from '../../../../src/sites/x/decide';
import { localPath, newAlerts, successPaths } from '../../../../src/sites/outcome-rules';
import { X_LANGUAGES, X_STRINGS, isEmailBody, textKey } from '../../../../src/sites/x/strings';

const el = {} as HTMLElement;
const numeric: InputRecord = { el: {} as HTMLInputElement, value: '', inputMode: 'numeric', autocomplete: 'on', disabled: false };
const plain: InputRecord = { ...numeric, inputMode: '' };
const support: LinkRecord = { el, text: 'Contact X Support', external: true, href: 'https://help.twitter.com/forms/account-access/regain-access' };
const choose: LinkRecord = { el, text: 'Choose a different verification method', external: false, href: '/i/flow/login' };

describe('classifyEnterText', () => {
  it('names every step by its heading in all six languages', () => {
    for (const lang of X_LANGUAGES) {
      const s = X_STRINGS[lang];
      const step = (heading: string) => classifyEnterText({ heading, texts: [], links: [] }, numeric);
      expect(step(s.backupTitle), lang).toBe('backup');
      expect(step(s.appTitle), lang).toBe('app');
      expect(step(s.emailTitle), lang).toBe('email');
      expect(step(s.unusualTitle), lang).toBe('other');
    }
  });

  it('falls back to the line under the heading when the heading is worded differently', () => {
    const s = X_STRINGS.en;
    expect(classifyEnterText({ heading: 'Two-factor authentication', texts: [s.backupBody], links: [] }, numeric)).toBe('backup');
    expect(classifyEnterText({ heading: 'Two-factor authentication', texts: [s.appBody], links: [] }, numeric)).toBe('app');
    const body = `${s.emailBody[0]}sp******@ex*****.****${s.emailBody[1]}`;
    expect(classifyEnterText({ heading: 'Confirmation', texts: [body], links: [] }, numeric)).toBe('email');
  });

  it('calls a code step in an unknown language "unknown" (offer, never auto-submit) when its structure says code', () => {
    expect(classifyEnterText({ heading: 'Kod girin', texts: [], links: [choose, support] }, plain)).toBe('unknown');
    expect(classifyEnterText({ heading: 'Kod girin', texts: [], links: [] }, numeric)).toBe('unknown');
  });

  it('does not treat a text step in an unknown language as a code step', () => {
    expect(classifyEnterText({ heading: 'Telefon numaranızı girin', texts: [], links: [] }, plain)).toBe('other');
  });

  it('ignores case, spacing, curly apostrophes and a final full stop', () => {
    expect(classifyEnterText({ heading: '  ENTER your  backup code. ', texts: [], links: [] }, plain)).toBe('backup');
    expect(textKey('Entrez votre numéro de téléphone ou votre nom d’utilisateur')).toBe(
      textKey(X_STRINGS.fr.unusualTitle),
    );
  });
});

describe('switchMethodLink', () => {
  it('finds "Choose a different verification method" by its words', () => {
    expect(switchMethodLink([support, choose])).toBe(choose);
  });
  it('finds it by structure in an unknown language: the one in-app link beside the support link', () => {
    const other = { ...choose, text: 'Farklı bir doğrulama yöntemi seç' };
    expect(switchMethodLink([other, { ...support, text: 'Destek' }])).toBe(other);
  });
  it('finds nothing when the structure is ambiguous', () => {
    const a = { ...choose, text: 'a' };
    const b = { ...choose, text: 'b' };
    expect(switchMethodLink([a, b, support])).toBeNull();
    expect(switchMethodLink([a])).toBeNull();
  });
});

describe('backupChoice', () => {
  it('picks the radio labelled "Use a backup code" in every language, whatever its value', () => {
    for (const lang of X_LANGUAGES) {
      const app: RadioRecord = { el: { value: '3' } as HTMLInputElement, label: X_STRINGS[lang].choiceApp };
      const backup: RadioRecord = { el: { value: '11' } as HTMLInputElement, label: X_STRINGS[lang].choiceBackup };
      expect(backupChoice([app, backup]), lang).toBe(backup);
      expect(backupChoice([backup, app]), lang).toBe(backup);
    }
  });
  it('picks nothing when no label is known (never guesses by position)', () => {
    const r = (label: string): RadioRecord => ({ el: {} as HTMLInputElement, label });
    expect(backupChoice([r('Kod üretici'), r('Yedek kod')])).toBeNull();
  });
});

describe('small decisions', () => {
  it('reads an X handle from the account switcher text', () => {
    expect(handleFrom('Sparekey Demo@sparekey_demo')).toBe('sparekey_demo');
    expect(handleFrom('no handle here')).toBeUndefined();
    expect(handleFrom('@this_is_far_too_long_for_x')).toBeUndefined();
  });
  it('accepts only local paths as redirect targets', () => {
    expect(localPath('/settings/account?x=1')).toBe('/settings/account');
    expect(localPath('//evil.test/home')).toBeUndefined();
    expect(localPath('https://evil.test/home')).toBeUndefined();
    expect(localPath(null)).toBeUndefined();
  });
  it('takes the return target of the login as a success path only when it is local', () => {
    expect(successPaths(new URL('https://x.com/i/flow/login?redirect_after_login=%2Fsettings'), '/home', 'redirect_after_login')).toEqual(['/home', '/settings']);
    expect(successPaths(new URL('https://x.com/i/flow/login?redirect_after_login=//evil.test/'), '/home', 'redirect_after_login')).toEqual(['/home']);
    expect(successPaths(new URL('https://github.com/sessions/two-factor/app?return_to=/'), '/', 'return_to')).toEqual(['/']);
  });
  it('tells new alerts from those already on screen', () => {
    const a = {} as Element;
    const b = {} as Element;
    expect(newAlerts(new Map([[a, 'Wrong password!']]), new Map([[a, 'Wrong password!']]))).toEqual([]);
    expect(newAlerts(new Map([[a, 'Wrong password!']]), new Map([[a, 'Wrong password!'], [b, 'Incorrect.']]))).toEqual(['Incorrect.']);
    expect(newAlerts(new Map(), new Map([[b, '']]))).toEqual([]);
  });
});

describe('the X string table', () => {
  it('knows the same six languages as the replica', () => {
    expect([...X_LANGUAGES].sort()).toEqual([...LANGUAGES].sort());
  });

  it('has exactly the replica’s strings for every step it classifies (edit both together)', () => {
    for (const lang of X_LANGUAGES) {
      const r = stringsFor(lang);
      const s = X_STRINGS[lang];
      expect(s.appTitle, lang).toBe(r.twoFactorAppTitle);
      expect(s.appBody, lang).toBe(r.twoFactorAppBody);
      expect(s.backupTitle, lang).toBe(r.twoFactorBackupTitle);
      expect(s.backupBody, lang).toBe(r.twoFactorBackupBody);
      expect(s.emailTitle, lang).toBe(r.emailTitle);
      expect(s.emailBody.join('{email}'), lang).toBe(r.emailBody);
      expect(s.unusualTitle, lang).toBe(r.unusualTitle);
      expect(s.chooseMethod, lang).toBe(r.chooseMethod);
      expect(s.choiceApp, lang).toBe(r.choiceApp);
      expect(s.choiceBackup, lang).toBe(r.choiceBackup);
      expect(isEmailBody(r.emailBody!.replace('{email}', 'sp***@ex***.***')), lang).toBe(true);
    }
  });

  it('keeps every heading distinct across steps and languages, so no step can pass for another', () => {
    const all = X_LANGUAGES.flatMap((l) => [X_STRINGS[l].appTitle, X_STRINGS[l].backupTitle, X_STRINGS[l].emailTitle, X_STRINGS[l].unusualTitle].map(textKey));
    expect(new Set(all).size).toBe(all.length);
  });
});
