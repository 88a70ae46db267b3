// Browser tests of the replica's pages: do they behave like X's React app where Sparekey depends
// on it? One headless Chromium for the whole file; the replica on a loopback port.
//
//   node --test test/replica/pages.test.mjs
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { createReplica } from './handler.mjs';
import { formatCode } from './referee.mjs';

const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/lib/chromium/chromium';
const PASSWORD = 'correct horse';

/** @type {ReturnType<typeof createReplica>} */
let replica;
let server;
let base = '';
let browser;

before(async () => {
  replica = createReplica({ seed: 'pages-test', latencyMs: 20, stepDelayMs: 20, toastMs: 60_000 });
  server = http.createServer(replica.handle);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server.close(resolve));
});

async function newPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, context, errors };
}

async function toChallenge(page, handle, query = '') {
  await page.goto(`${base}/i/flow/login${query}`);
  await page.fill('input[autocomplete="username"]', handle);
  await page.keyboard.press('Enter');
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('[data-testid="LoginForm_Login_Button"]');
  await page.waitForSelector('[data-testid="ocfEnterTextTextInput"]');
}

const NEXT = '[data-testid="ocfEnterTextNextButton"]';
const INPUT = '[data-testid="ocfEnterTextTextInput"]';

describe('X replica pages', () => {
  it('keeps Next disabled when a script only sets .value, and enables it after the native setter and a bubbling input event', async () => {
    replica.referee.createAccount({ handle: 'react_user', password: PASSWORD, codes: 1 });
    const { page, context, errors } = await newPage();
    await toChallenge(page, 'react_user');
    assert.equal(await page.getAttribute(NEXT, 'aria-disabled'), 'true');
    assert.equal(await page.getAttribute(NEXT, 'disabled'), '');

    const states = await page.evaluate(
      ({ input, next }) => {
        const el = /** @type {HTMLInputElement} */ (document.querySelector(input));
        const nextEl = () => document.querySelector(next);
        const out = [];
        el.value = 'abcd';
        out.push(['value only', nextEl().getAttribute('aria-disabled')]);
        el.dispatchEvent(new Event('input', { bubbles: true }));
        out.push(['value + input event', nextEl().getAttribute('aria-disabled')]);
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
        setter.call(el, 'abcde');
        el.dispatchEvent(new Event('input', { bubbles: false }));
        out.push(['native setter + non-bubbling event', nextEl().getAttribute('aria-disabled')]);
        setter.call(el, 'abcdef');
        el.dispatchEvent(new Event('input', { bubbles: true }));
        out.push(['native setter + bubbling input', nextEl().getAttribute('aria-disabled')]);
        setter.call(el, '');
        el.dispatchEvent(new Event('input', { bubbles: true }));
        out.push(['emptied', nextEl().getAttribute('aria-disabled')]);
        return out;
      },
      { input: INPUT, next: NEXT },
    );
    assert.deepEqual(states, [
      ['value only', 'true'],
      ['value + input event', 'true'],
      ['native setter + non-bubbling event', 'true'],
      ['native setter + bubbling input', null],
      ['emptied', 'true'],
    ]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('runs the whole login on one URL, replacing each step inside the same dialog', async () => {
    replica.referee.createAccount({ handle: 'steps_user', password: PASSWORD, codes: 1 });
    const { page, context } = await newPage();
    await page.goto(`${base}/login?input_flow_data=%7B%22requested_variant%22%3A%22x%22%7D`);
    await page.waitForSelector('input[autocomplete="username"]');
    const url = page.url();
    assert.match(url, /\/i\/flow\/login\?input_flow_data=/);
    await page.evaluate(() => {
      /** @type {any} */ (window).__sameDialog = document.querySelector('[role="dialog"]');
    });
    assert.equal(await page.textContent('#modal-header'), 'Sign in to X');
    await page.fill('input[autocomplete="username"]', 'steps_user');
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.waitForSelector('input[name="password"]');
    assert.equal(await page.textContent('#modal-header'), 'Enter your password');
    assert.equal(await page.inputValue('input[autocomplete="username"][disabled]'), 'steps_user');
    await page.fill('input[name="password"]', PASSWORD);
    await page.click('[data-testid="LoginForm_Login_Button"]');
    await page.waitForSelector(INPUT);
    assert.equal(await page.textContent('#modal-header'), 'Enter your backup code');
    assert.equal(page.url(), url);
    assert.equal(await page.evaluate(() => document.querySelector('[role="dialog"]') === /** @type {any} */ (window).__sameDialog), true);
    const input = await page.$eval(INPUT, (el) => Object.fromEntries([...el.attributes].filter((a) => a.name !== 'class').map((a) => [a.name, a.value])));
    assert.deepEqual(input, { 'data-testid': 'ocfEnterTextTextInput', name: 'text', type: 'text', autocomplete: 'on', inputmode: 'numeric', dir: 'auto', autocapitalize: 'none', autocorrect: 'off', spellcheck: 'false', value: '' });
    assert.equal(await page.$eval(INPUT, (el) => el.closest('label')?.textContent), 'Enter code');
    assert.equal(await page.getAttribute(INPUT, 'placeholder'), null);
    await context.close();
  });

  it('shows a toast on a rejected code with the same input still there, then goes to /home by pushState on the right one', async () => {
    replica.referee.createAccount({ handle: 'toast_user', displayName: 'Toast User', password: PASSWORD, codes: 2 });
    const { page, context } = await newPage();
    await toChallenge(page, 'toast_user');
    await page.evaluate((sel) => {
      /** @type {any} */ (window).__input = document.querySelector(sel);
    }, INPUT);
    await page.fill(INPUT, 'wrongwrong12');
    await page.click(NEXT);
    await page.waitForSelector('[data-testid="toast"][role="alert"]');
    assert.equal(await page.textContent('[data-testid="toast"]'), 'Incorrect. Please try again.');
    assert.equal(await page.evaluate((sel) => document.querySelector(sel) === /** @type {any} */ (window).__input, INPUT), true);
    assert.equal(await page.$$eval('[role="dialog"]', (d) => d.length), 1);

    const [first, second] = replica.referee.state('toast_user').codes;
    await page.fill(INPUT, formatCode(second.code));
    await page.click(NEXT);
    await page.waitForURL(`${base}/home`);
    await page.waitForSelector('[data-testid="SideNav_AccountSwitcher_Button"]');
    // Same document: the app navigated with history.pushState, not a page load.
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__input !== undefined), true);
    assert.equal(await page.$$eval('[role="dialog"]', (d) => d.length), 0);
    assert.match(await page.textContent('[data-testid="SideNav_AccountSwitcher_Button"]'), /Toast User@toast_user/);
    assert.deepEqual(replica.referee.state('toast_user').codes.map((c) => c.status), ['invalidated', 'used']);
    assert.equal(first.status, 'active');
    await context.close();
  });

  it('switches from app mode to a backup code through the choice screen, where only a click on a radio enables Next', async () => {
    replica.referee.createAccount({ handle: 'choice_user', password: PASSWORD, mode: 'app', codes: 1, choiceIds: { app: '2', backup: '9' } });
    const { page, context } = await newPage();
    await toChallenge(page, 'choice_user');
    assert.equal(await page.textContent('#modal-header'), 'Enter your verification code');
    await page.getByRole('link', { name: 'Choose a different verification method' }).click();
    await page.waitForSelector('input[name="single-choice"]');
    const choices = await page.$$eval('input[name="single-choice"]', (radios) => radios.map((r) => [r.closest('label')?.textContent, r.getAttribute('value')]));
    assert.deepEqual(choices, [
      ['Use a code generator app', '2'],
      ['Use a backup code', '9'],
    ]);
    const choiceNext = '[data-testid="ChoiceSelectionNextButton"]';
    // Like React: setting .checked and firing change does not select (React listens to click).
    await page.$eval('input[value="2"]', (r) => {
      /** @type {HTMLInputElement} */ (r).checked = true;
      r.dispatchEvent(new Event('change', { bubbles: true }));
    });
    assert.equal(await page.getAttribute(choiceNext, 'aria-disabled'), 'true');
    await page.getByText('Use a backup code').click();
    assert.equal(await page.getAttribute(choiceNext, 'aria-disabled'), null);
    await page.click(choiceNext);
    await page.waitForFunction(() => document.querySelector('#modal-header')?.textContent === 'Enter your backup code');
    await page.fill(INPUT, replica.referee.state('choice_user').codes[0].code);
    await page.click(NEXT);
    await page.waitForURL(`${base}/home`);
    await context.close();
  });

  it('draws the older <div role="button"> Next, which ignores clicks while aria-disabled', async () => {
    replica.referee.createAccount({ handle: 'legacy_user', password: PASSWORD, legacyNextButton: true, codes: 1 });
    const { page, context } = await newPage();
    await toChallenge(page, 'legacy_user');
    assert.equal(await page.$eval(NEXT, (el) => `${el.tagName} ${el.getAttribute('role')} ${el.getAttribute('aria-disabled')}`), 'DIV button true');
    await page.$eval(NEXT, (el) => /** @type {HTMLElement} */ (el).click());
    await page.waitForTimeout(100);
    assert.equal(replica.referee.state('legacy_user').attempts.length, 0);
    await page.fill(INPUT, replica.referee.state('legacy_user').codes[0].code);
    await page.click(NEXT);
    await page.waitForURL(`${base}/home`);
    await context.close();
  });

  it('shows the current backup code on the settings screen and replaces it in place after "Generate a new code"', async () => {
    replica.referee.createAccount({ handle: 'screen_user', password: PASSWORD, codes: 1 });
    const { page, context } = await newPage();
    const cookie = replica.signIn('screen_user');
    await context.addCookies([{ ...cookie, url: base }]);
    await page.goto(`${base}/settings/account/login_verification`);
    await page.getByRole('link', { name: 'Backup codes' }).click();
    await page.waitForURL(`${base}/settings/account/login_verification/backup_code`);
    const first = replica.referee.state('screen_user').codes[0].code;
    const codeSpan = page.locator('[role="dialog"] span', { hasText: formatCode(first) });
    await codeSpan.waitFor();
    assert.equal(await page.textContent('#modal-header'), 'Backup Code');
    await page.evaluate((shown) => {
      const walker = document.createTreeWalker(document.querySelector('[role="dialog"]'), NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) if (walker.currentNode.nodeValue === shown) /** @type {any} */ (window).__codeNode = walker.currentNode;
    }, formatCode(first));
    await page.getByRole('button', { name: 'Generate a new code' }).click();
    await page.waitForFunction((old) => /** @type {any} */ (window).__codeNode.nodeValue !== old, formatCode(first));
    const second = replica.referee.state('screen_user').codes[1].code;
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__codeNode.nodeValue), formatCode(second));
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__codeNode.isConnected), true);
    assert.match(await page.textContent('[data-testid="SideNav_AccountSwitcher_Button"]'), /@screen_user/);
    await context.close();
  });

  it('renders the flow in the language of ?lang= and keeps it in a cookie', async () => {
    replica.referee.createAccount({ handle: 'lang_user', password: PASSWORD, codes: 1 });
    const { page, context } = await newPage();
    await page.goto(`${base}/i/flow/login?lang=fr`);
    await page.waitForSelector('input[autocomplete="username"]');
    assert.equal(await page.textContent('#modal-header'), 'Connectez-vous à X');
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    await page.goto(`${base}/i/flow/login`);
    await page.fill('input[autocomplete="username"]', 'lang_user');
    await page.keyboard.press('Enter');
    await page.fill('input[name="password"]', PASSWORD);
    await page.click('[data-testid="LoginForm_Login_Button"]');
    await page.waitForSelector(INPUT);
    assert.equal(await page.textContent('#modal-header'), 'Saisissez votre code de sauvegarde');
    assert.equal(await page.textContent(NEXT), 'Suivant');
    await context.close();
  });
});
