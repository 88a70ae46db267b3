// Sparekey in a person's own language, end to end: Chromium started in German, Firefox in Japanese,
// and Chromium in Arabic (right to left). Each browser's own i18n picks the messages from its UI
// language (the l10n packages test/provision.mjs installs); every control is found by its role and
// its accessible name in that language (test/e2e/locale-words.ts reads the shipped messages), each
// popup screen is kept as a screenshot (test/artifacts/popup/<browser>-<locale>-<screen>.png), and
// no text may be wider than its box, in the popup and in the chip on X's page.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_ROOM } from '../../src/content/place';
import { createReplica } from '../replica/handler.mjs';
import type { BrowserName } from './harness/config';
import type { TestPage } from './harness/types';
import { waitUntil } from './harness/util';
import { useBrowser } from './harness/vitest';
import { CODE_INPUT, loginToCodeStep, PASSWORD, seedAccount, unlockedPopup, waitForCodeInput, waitForOurText } from './helpers';
import { wordsIn, type Words } from './locale-words';
import { beyondPopup, checkScreen, openPopupPage, overflowingText, SHOTS, typeInto } from './popup-screens';

const PASS = 'violet harbour pencil thunder';
const PASTED = `abcd efgh 2345
wxyz 9876 mnop
k3v8 p2q9 r4s7`;

interface Journey {
  browser: BrowserName;
  /** The browser's UI language, and the _locales folder Sparekey answers it with. */
  locale: string;
  dir: 'ltr' | 'rtl';
}

const JOURNEYS: Journey[] = [
  { browser: 'chromium', locale: 'de', dir: 'ltr' },
  { browser: 'firefox', locale: 'ja', dir: 'ltr' },
];

/** The screen is clean (axe, both schemes, nothing wider than the popup), kept, and no text overflows its box. */
async function screen(page: TestPage, journey: Journey, name: string): Promise<void> {
  expect(await beyondPopup(page), `${journey.locale} ${name}: reaching past the popup's sides`).toEqual([]);
  await checkScreen(page, `${journey.locale}-${name}`);
  expect(await overflowingText(page), `${journey.locale} ${name}: text wider than its box`).toEqual([]);
}

/** The popup says what it is in: the browser's UI language, Sparekey's messages, and the page's lang and dir. */
async function languageOf(page: TestPage) {
  return page.evaluate(() => {
    type I18n = { i18n: { getUILanguage(): string; getMessage(key: string): string } };
    const g = globalThis as unknown as { browser?: I18n; chrome?: I18n };
    const api = (g.browser ?? g.chrome)!;
    return {
      ui: api.i18n.getUILanguage(),
      messages: api.i18n.getMessage('messagesLocale'),
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
    };
  });
}

/** First run to a vault with one account of three pasted codes, screen by screen, in `t`'s language. */
async function createAndPaste(page: TestPage, journey: Journey, t: Words): Promise<void> {
  await page.waitForText(t('createTitle'));
  await screen(page, journey, '01-create');
  await typeInto(page, t('passphraseNew'), PASS);
  await typeInto(page, t('passphraseConfirm'), PASS);
  await page.waitForText(t('strengthStrong'));
  await screen(page, journey, '02-create-filled');
  await page.clickByRole('button', t('createAction'));
  await page.waitForText(t('emptyTitle'), { timeout: 20_000 });
  await screen(page, journey, '03-empty');
  await page.clickByRole('button', t('pasteAction'));
  await page.waitForText(t('addTitle'));
  await typeInto(page, t('newAccountLabel'), '@alice');
  await page.fillByRole('textbox', t('pasteLabel'), PASTED);
  await page.waitForText('k3v8 p2q9 r4s7');
  await screen(page, journey, '04-paste');
  await page.clickByRole('button', t('saveCodes', { count: 3 }));
  await page.waitForText(t('addedTo', { account: '@alice', count: 3 }));
  await page.clickByRole('button', t('navAccounts'));
  await page.waitForText(t('leftOf', { count: 3, total: 3 }));
  await screen(page, journey, '05-accounts');
}

describe.each(JOURNEYS)('Sparekey in $browser, UI language $locale', (journey) => {
  const t = wordsIn(journey.locale);
  const replica = createReplica({ seed: `sparekey-e2e-${journey.browser}-${journey.locale}`, latencyMs: 20, stepDelayMs: 10 });
  const env = useBrowser(journey.browser, { handler: replica.handle, locale: journey.locale });
  const popup = () => openPopupPage(env.browser);
  const alice = `@alice X ${t('leftOf', { count: 3, total: 3 })}`;

  it('speaks the browser’s language: the UI language, the messages and the popup’s lang and dir', async () => {
    const page = await popup();
    const language = await languageOf(page);
    expect(language.ui.toLowerCase().startsWith(journey.locale)).toBe(true);
    expect(language).toMatchObject({ messages: journey.locale, lang: journey.locale, dir: journey.dir });
  });

  it('creates the vault and pastes codes, every control found by its name in that language', async () => {
    const page = await popup();
    await createAndPaste(page, journey, t);
  });

  it('locks, refuses a wrong passphrase, unlocks, and confirms an invalidation in that language', async () => {
    const page = await popup();
    await page.clickByRole('button', t('lockAction'));
    await page.waitForText(t('unlockTitle'));
    await typeInto(page, t('passphrase'), 'violet harbour pencil');
    await page.press('Enter');
    await page.waitForText(t('errorWrongPassphrase'), { timeout: 20_000 });
    await screen(page, journey, '06-unlock-wrong');
    await typeInto(page, t('passphrase'), PASS);
    await page.press('Enter');
    await page.waitForText(t('leftOf', { count: 3, total: 3 }), { timeout: 20_000 });

    await page.clickByRole('button', alice);
    await page.waitForText(t('statusUnused'));
    await screen(page, journey, '07-account');
    await page.clickByRole('button', t('showCode', { seq: 1 }));
    await page.waitForText('abcd efgh 2345');
    await page.clickByRole('button', t('hideCode', { seq: 1 }));
    await page.evaluate(() => document.querySelectorAll('details')[1]!.setAttribute('open', ''));
    await page.clickByRole('button', t('markUsed'));
    await page.waitForText(t('confirmMarkTitle', { seq: 2 }));
    await screen(page, journey, '08-confirm-invalidation');
    await page.clickByRole('button', t('confirmMarkAction', { seq: 2 }));
    await page.waitForText(t('statusInvalidatedBy', { seq: 2 }));
    await page.waitForText(t('leftOf', { count: 1, total: 3 }));
  });

  it('shows the settings and the backup screens in that language', async () => {
    const page = await popup();
    await page.clickByRole('button', t('navSettings'));
    await page.waitForText(t('autoLockLabel'));
    await screen(page, journey, '09-settings');
    await page.clickByRole('button', t('navBackup'));
    await page.waitForText(t('backupIntro'));
    await typeInto(page, t('passphrase'), PASS);
    await page.clickByRole('button', t('exportAction'));
    // The tests run in order: by now the vault holds @alice and her three codes.
    const ready = t('exportReady', { accounts: t('accountCount', { count: 1 }), codes: t('codeCount', { count: 3 }) });
    await page.waitForText(ready, { timeout: 20_000 });
    await screen(page, journey, '10-backup');
  });

  it('offers the code on X’s 2FA step in that language, with a chip whose words fit, and fills it', async () => {
    const handle = 'sk_locale';
    replica.referee.createAccount({ handle, password: PASSWORD, mode: 'backup', codes: 2 });
    const issued = replica.referee.state(handle).codes.map((c) => c.code);
    const popupPage = await unlockedPopup(env.browser, PASS);
    await seedAccount(popupPage, `@${handle}`, issued);

    const page = await env.browser.openPage('https://x.com/i/flow/login');
    await loginToCodeStep(page, handle);
    const offer = t('inlineUseCode', { count: 2 });
    const roots = await waitForOurText(page, offer);
    const chip = roots.find((r) => r.text.includes(offer))!;
    const box = chip.elements.find((e) => e.attributes.class?.includes('panel'))!;
    expect(box.attributes).toMatchObject({ lang: journey.locale, dir: journey.dir });
    // Every piece of text fits its box, and the chip fits inside X's code field, at its inline end.
    const overflowing = chip.elements.filter((e) => e.visible && e.text !== '' && e.scrollWidth > e.clientWidth + 1);
    expect(overflowing.map((e) => `${e.tag} "${e.text}" ${e.scrollWidth}/${e.clientWidth}`)).toEqual([]);
    const field = await page.evaluate((sel: string) => {
      const r = (document.querySelector(sel)!.closest('label') ?? document.querySelector(sel)!).getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }, CODE_INPUT);
    // place.ts: inside the field, 8 px from its inline end (right here), leaving CODE_ROOM at its start.
    expect(Math.abs(chip.hostBox.x + chip.hostBox.width - (field.x + field.width - 8))).toBeLessThanOrEqual(1);
    expect(chip.hostBox.x).toBeGreaterThanOrEqual(field.x + CODE_ROOM);
    expect(chip.hostBox.y).toBeGreaterThanOrEqual(field.y);
    expect(chip.hostBox.y + chip.hostBox.height).toBeLessThanOrEqual(field.y + field.height);
    await page.screenshot(path.join(SHOTS, `${journey.browser}-${journey.locale}-x-chip.png`));

    await page.clickInClosedShadow(offer);
    await waitForCodeInput(page, issued[0]!, 'the first code in X’s input');
    await waitForOurText(page, t('inlineFilled'));
  });

  it('asks to save the code X shows in that language, in a banner whose words fit, and saves it', async () => {
    await bannerInLanguage(env, replica, t, journey);
  });
});

describe('Sparekey in chromium, UI language ar (right to left)', () => {
  const journey: Journey = { browser: 'chromium', locale: 'ar', dir: 'rtl' };
  const t = wordsIn('ar');
  const replica = createReplica({ seed: 'sparekey-e2e-chromium-ar', latencyMs: 20, stepDelayMs: 10 });
  const env = useBrowser('chromium', { handler: replica.handle, locale: 'ar' });

  it('lays the popup out right to left, in Arabic, with nothing wider than its box', async () => {
    const page = await openPopupPage(env.browser);
    expect(await languageOf(page)).toMatchObject({ messages: 'ar', lang: 'ar', dir: 'rtl' });
    await createAndPaste(page, journey, t);
    // Right to left: the first tab is the rightmost, and the account's name starts at the right.
    const layout = await page.evaluate(() => {
      const tabs = Array.from(document.querySelectorAll('nav.tabs button')).map((b) => b.getBoundingClientRect());
      const name = document.querySelector('.account-open .account-name')!.getBoundingClientRect();
      const left = document.querySelector('.account-open .left')!.getBoundingClientRect();
      const label = document.querySelector('.account-open .label bdi')!;
      return { firstTabX: tabs[0]!.x, lastTabX: tabs[tabs.length - 1]!.x, nameX: name.x, countX: left.x, labelDir: getComputedStyle(label).direction };
    });
    expect(layout.firstTabX).toBeGreaterThan(layout.lastTabX);
    expect(layout.nameX).toBeGreaterThan(layout.countX);
    // The account's name is isolated and runs left to right: "@alice", not "alice@".
    expect(layout.labelDir).toBe('ltr');
  });

  // X's code input says dir="auto" (test/replica/pages.test.mjs), so on X in Arabic or Hebrew the
  // empty field and the Latin code typed into it still run left to right: the chip stays at its
  // right end. A field that really runs right to left gets the chip at its left end.
  const CASES = [
    { what: 'English X', pageDir: 'ltr', fieldDir: 'auto', end: 'right' },
    { what: 'X in a right-to-left language, its code field dir="auto"', pageDir: 'rtl', fieldDir: 'auto', end: 'right' },
    { what: 'a right-to-left code field', pageDir: 'rtl', fieldDir: 'rtl', end: 'left' },
  ] as const;

  it('shows the chip in Arabic, right to left, at the inline end of X’s code field, whichever way the page runs', async () => {
    const handle = 'sk_rtl';
    replica.referee.createAccount({ handle, password: PASSWORD, mode: 'backup', codes: 2 });
    const popupPage = await unlockedPopup(env.browser, PASS);
    await seedAccount(popupPage, `@${handle}`, replica.referee.state(handle).codes.map((c) => c.code));
    const offer = t('inlineUseCode', { count: 2 });

    for (const c of CASES) {
      const page = await env.browser.openPage('https://x.com/i/flow/login');
      await page.evaluate(
        (pageDir: string, fieldDir: string, sel: string) => {
          document.documentElement.setAttribute('dir', pageDir);
          // The field's own dir, set as X renders it (before anything measures it).
          new MutationObserver(() => document.querySelector(sel)?.setAttribute('dir', fieldDir)).observe(document.body, { childList: true, subtree: true });
        },
        c.pageDir,
        c.fieldDir,
        CODE_INPUT,
      );
      await loginToCodeStep(page, handle);
      const chip = (await waitForOurText(page, offer)).find((r) => r.text.includes(offer))!;
      const box = chip.elements.find((e) => e.attributes.class?.includes('panel'))!;
      expect([box.attributes.lang, box.attributes.dir, box.direction]).toEqual(['ar', 'rtl', 'rtl']);
      const overflowing = chip.elements.filter((e) => e.visible && e.text !== '' && e.scrollWidth > e.clientWidth + 1);
      expect(overflowing.map((e) => `${e.tag} "${e.text}" ${e.scrollWidth}/${e.clientWidth}`)).toEqual([]);
      const field = await codeField(page);
      // place.ts: 8 px in from the field's inline end.
      const offEnd = (host: { x: number; width: number }) =>
        Math.abs(c.end === 'left' ? host.x - (field.x + 8) : field.x + field.width - 8 - (host.x + host.width));
      await waitUntil(async () => (await page.closedShadowRoots()).some((r) => r.text.includes(offer) && offEnd(r.hostBox) <= 1), {
        message: `${c.what}: the chip at the field's ${c.end} end (it is ${offEnd(chip.hostBox)} px off)`,
      });
      await page.screenshot(path.join(SHOTS, `${journey.browser}-${journey.locale}-x-chip-${c.pageDir}-page-${c.fieldDir}-field.png`));
      await page.close();
    }
  });

  it('asks to save the code X shows in Arabic, right to left, in a banner whose words fit, and saves it', async () => {
    await bannerInLanguage(env, replica, t, journey);
  });
});

/**
 * X's backup-code screen: the capture banner asks in the language, runs in its direction, every
 * text fits its box, and it sits beside X's dialog; Save saves. Returns nothing: it asserts.
 */
async function bannerInLanguage(env: ReturnType<typeof useBrowser>, replica: ReturnType<typeof createReplica>, t: Words, journey: Journey): Promise<void> {
  const handle = `sk_banner_${journey.locale}`;
  replica.referee.createAccount({ handle, password: PASSWORD, mode: 'backup' });
  await unlockedPopup(env.browser, PASS);
  const page = await env.browser.openPage(
    `https://x.com/__replica/session?handle=${handle}&next=${encodeURIComponent('/settings/account/login_verification/backup_code')}`,
  );
  const question = t('inlineSaveOneFor', { account: `@${handle}` });
  const banner = (await waitForOurText(page, question)).find((r) => r.text.includes(question))!;
  const box = banner.elements.find((e) => e.attributes.class?.includes('panel'))!;
  expect([box.attributes.lang, box.attributes.dir, box.direction]).toEqual([journey.locale, journey.dir, journey.dir]);
  const overflowing = banner.elements.filter((e) => e.visible && e.text !== '' && e.scrollWidth > e.clientWidth + 1);
  expect(overflowing.map((e) => `${e.tag} "${e.text}" ${e.scrollWidth}/${e.clientWidth}`)).toEqual([]);
  // Beside X's dialog (right of it: this X page runs left to right), not over it.
  const dialog = await page.evaluate(() => {
    const r = document.querySelector('[role="dialog"]')!.getBoundingClientRect();
    return { x: r.x, width: r.width };
  });
  expect(banner.hostBox.x).toBeGreaterThanOrEqual(dialog.x + dialog.width);
  await page.screenshot(path.join(SHOTS, `${journey.browser}-${journey.locale}-x-banner.png`));
  await page.clickInClosedShadow(t('inlineSave'));
  await waitForOurText(page, t('inlineSavedFor', { account: `@${handle}` }));
}

/** X's code field (its label box, as place.ts measures it). */
async function codeField(page: TestPage) {
  return page.evaluate((sel: string) => {
    const r = (document.querySelector(sel)!.closest('label') ?? document.querySelector(sel)!).getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, CODE_INPUT);
}
