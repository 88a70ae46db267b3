// The generic detector's words and decisions on plain records: no DOM needed (collect, then decide).
import { describe, expect, it } from 'vitest';
import type { CodeInputRecord } from '../../../../src/sites/generic';
import { decideAll, decideInput, RECOVERY, REQUIRED_LANGUAGES, recoveryIn } from '../../../../src/sites/generic';

/** Real wordings per language (issue 13's list, and the sites' own strings where found). */
const PHRASES: [lang: string, text: string][] = [
  ['en', 'Enter one of your recovery codes'],
  ['en', 'Enter one of your 8-digit backup codes'],
  ['en', 'Enter backup authentication code'],
  ['de', 'Wiederherstellungscode eingeben'],
  ['de', 'Backup-Code'],
  ['de', 'Geben Sie einen Ihrer achtstelligen Back-up-Codes ein'],
  ['fr', 'Saisissez votre code de récupération'],
  ['fr', 'Utilisez un de vos codes de secours'],
  ['fr', 'Saisissez un code d’authentification de secours'],
  ['es', 'Introduce tu código de recuperación'],
  ['es', 'Usa un código de respaldo'],
  ['pt', 'Digite seu código de recuperação'],
  ['pt', 'Use um código de backup'],
  ['ja', 'リカバリーコードを入力'],
  ['ja', 'バックアップ コードを入力'],
  ['ja', 'リカバリコード'],
  ['zh', '输入恢复代码'],
  ['zh', '使用备用码'],
  ['zh', '輸入備用驗證碼'],
  ['it', 'Inserisci il codice di recupero'],
  ['it', 'Usa uno dei codici di backup'],
  ['nl', 'Voer een herstelcode in'],
  ['nl', 'Gebruik een back-upcode'],
  ['pl', 'Wpisz kod odzyskiwania'],
  ['pl', 'Użyj kodu zapasowego'],
  ['tr', 'Kurtarma kodunu girin'],
  ['tr', 'Yedek kod kullanın'],
  ['ru', 'Введите код восстановления'],
  ['ru', 'Используйте резервный код'],
];

/** Codes that are not saved recovery codes, in words the patterns must not take. */
const NOT_RECOVERY = [
  'Enter verification code',
  'Authentication code',
  'Sicherheitscode eingeben',
  'Code de vérification',
  'Código de verificación',
  'Discount code or gift card',
  'Recovery email',
  'Recovery phone number',
  '確認コードを入力',
  '输入验证码',
  'Код подтверждения',
  'Doğrulama kodu',
];

describe('the recovery-code words', () => {
  it('have a pattern for every language the issue asks for', () => {
    for (const lang of REQUIRED_LANGUAGES) expect(RECOVERY[lang], lang).toBeInstanceOf(RegExp);
  });

  it.each(PHRASES)('read "%s" wording: %s', (lang, text) => {
    const m = recoveryIn(text);
    expect(m).not.toBeNull();
    // English words inside another language ("Backup-Code") may match the English pattern first.
    expect([lang, 'en']).toContain(m?.lang);
  });

  it('give at least one example per required language matched by that language\'s own pattern', () => {
    for (const lang of REQUIRED_LANGUAGES) expect(PHRASES.some(([l, t]) => l === lang && recoveryIn(t)?.lang === lang), lang).toBe(true);
  });

  it.each(NOT_RECOVERY)('do not read "%s" as a recovery code', (text) => {
    expect(recoveryIn(text)).toBeNull();
  });
});

/** A plain record, as collect.ts would build it. */
function record(over: Partial<Omit<CodeInputRecord, 'attrs'>> & { attrs?: Partial<CodeInputRecord['attrs']> } = {}): CodeInputRecord {
  const container = over.container ?? ({} as Element);
  return {
    el: {} as HTMLInputElement,
    stepKind: 'form',
    inSearch: false,
    label: '',
    described: '',
    step: { headings: [], texts: [] },
    submit: null,
    lang: 'en',
    ...over,
    container,
    attrs: {
      type: 'text', role: '', id: '', name: '', autocomplete: '', inputMode: '', maxLength: null, pattern: '', placeholder: '', ariaLabel: '', title: '', hooks: [],
      ...over.attrs,
    },
  };
}

describe('decideInput', () => {
  it('leaves a one-time-code field that says nothing of recovery codes alone: a TOTP field', () => {
    const totp = record({ attrs: { autocomplete: 'one-time-code', inputMode: 'numeric', maxLength: 6 }, label: 'Authentication code' });
    expect(decideInput(totp)).toEqual({ offer: false, refusal: 'no-recovery-words' });
  });

  it('offers a field whose own name says recovery code, in backup mode', () => {
    expect(decideInput(record({ attrs: { id: 'recovery_code' } }))).toMatchObject({ offer: true, mode: 'backup', signal: 'attribute' });
    expect(decideInput(record({ attrs: { name: 'backupCodePin', type: 'tel' } }))).toMatchObject({ offer: true, mode: 'backup' });
    // autocomplete=one-time-code on a field named for recovery codes (Jetstream) does not make it shared.
    expect(decideInput(record({ attrs: { id: 'recovery_code', autocomplete: 'one-time-code' } }))).toMatchObject({ mode: 'backup' });
  });

  it('offers a field named by its label or its description, in any language', () => {
    expect(decideInput(record({ label: 'Code de récupération' }))).toMatchObject({ offer: true, signal: 'label', matched: { lang: 'fr' } });
    expect(decideInput(record({ described: 'Введите резервный код' }))).toMatchObject({ offer: true, signal: 'description', matched: { lang: 'ru' } });
  });

  it("says 'unknown' when the same field also takes the authenticator app's code", () => {
    const discord = record({ attrs: { placeholder: '6-digit authentication code/8-digit backup code', ariaLabel: 'Enter Discord Auth/Backup Code' } });
    expect(decideInput(discord)).toMatchObject({ offer: true, mode: 'unknown', signal: 'attribute' });
    const gitlab = record({
      attrs: { name: 'user[otp_attempt]', inputMode: 'numeric' },
      label: 'Enter verification code',
      step: { headings: [], texts: ["Enter the code from your two-factor authenticator app. If you've lost your device, you can enter one of your recovery codes."] },
    });
    expect(decideInput(gitlab)).toMatchObject({ offer: true, mode: 'unknown', signal: 'step-text' });
  });

  it('reads "backup authentication code" as a recovery code, not as the app\'s code', () => {
    const mozilla = record({ step: { headings: ['Enter backup authentication code'], texts: [] }, label: 'Enter 10-character code' });
    expect(decideInput(mozilla)).toMatchObject({ offer: true, mode: 'backup', signal: 'step-text' });
  });

  it('refuses a code that was sent, even when the site calls it a recovery code', () => {
    const steam = record({ attrs: { id: 'recovery_code' }, step: { headings: [], texts: ['An email with an account recovery code has been sent to you.'] } });
    expect(decideInput(steam)).toEqual({ offer: false, refusal: 'sent-code' });
    const fr = record({ label: 'Code de récupération', step: { headings: [], texts: ['Nous vous avons envoyé un code par e-mail.'] } });
    expect(decideInput(fr)).toEqual({ offer: false, refusal: 'sent-code' });
  });

  it('refuses e-mail, password, coupon and recovery e-mail or phone fields', () => {
    const step = { headings: ['Use a backup code'], texts: [] };
    expect(decideInput(record({ attrs: { type: 'email' }, step }))).toEqual({ offer: false, refusal: 'not-a-code-field' });
    expect(decideInput(record({ attrs: { autocomplete: 'username' }, step }))).toEqual({ offer: false, refusal: 'not-a-code-field' });
    expect(decideInput(record({ attrs: { type: 'password' }, step }))).toEqual({ offer: false, refusal: 'password' });
    expect(decideInput(record({ attrs: { autocomplete: 'current-password' }, step }))).toEqual({ offer: false, refusal: 'password' });
    expect(decideInput(record({ attrs: { placeholder: 'Gift card or discount code' }, step }))).toEqual({ offer: false, refusal: 'something-else' });
    expect(decideInput(record({ label: 'Recovery email', step }))).toEqual({ offer: false, refusal: 'something-else' });
    expect(decideInput(record({ label: 'Recovery phone number', step }))).toEqual({ offer: false, refusal: 'something-else' });
  });

  it('offers a masked recovery field when its own name says so (type=password or autocomplete=current-password)', () => {
    expect(decideInput(record({ attrs: { type: 'password', name: 'recovery_code' } }))).toMatchObject({ offer: true, mode: 'backup' });
    expect(decideInput(record({ attrs: { name: 'recovery_code', autocomplete: 'current-password' } }))).toMatchObject({ offer: true });
  });

  it('does not guess between two fields that only the step words name', () => {
    const form = {} as Element;
    const step = { headings: ['Use a backup code'], texts: [] };
    const both = [record({ container: form, step, attrs: { name: 'a' } }), record({ container: form, step, attrs: { name: 'b' } })];
    expect(decideAll(both).map((d) => d.decision)).toEqual([
      { offer: false, refusal: 'ambiguous-step' },
      { offer: false, refusal: 'ambiguous-step' },
    ]);
    // An e-mail field beside it is not a rival: it is refused on its own.
    const withEmail = [record({ container: form, step, attrs: { type: 'email' } }), record({ container: form, step })];
    expect(decideAll(withEmail).map((d) => d.decision.offer)).toEqual([false, true]);
  });

  it('does not take a help page about recovery codes for a recovery step: no form around the field, or a search box', () => {
    const article = { headings: ['What are recovery codes?'], texts: ['Recovery codes let you sign in when you lose your phone.'] };
    expect(decideInput(record({ stepKind: 'region', step: article }))).toEqual({ offer: false, refusal: 'not-in-a-form' });
    expect(decideInput(record({ step: article, attrs: { name: 'q' } }))).toEqual({ offer: false, refusal: 'not-a-code-field' });
    expect(decideInput(record({ step: article, attrs: { role: 'combobox' } }))).toEqual({ offer: false, refusal: 'not-a-code-field' });
    expect(decideInput(record({ step: article, inSearch: true }))).toEqual({ offer: false, refusal: 'not-a-code-field' });
    // A field named for recovery codes is offered wherever it sits.
    expect(decideInput(record({ stepKind: 'region', attrs: { id: 'recovery_code' } }))).toMatchObject({ offer: true, mode: 'backup' });
  });
});
