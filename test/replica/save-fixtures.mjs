#!/usr/bin/env node
// Saves the X adapter's fixtures (test/fixtures/x/*.html) from the replica: each step of X's login
// flow, the settings and backup-code screens and the home timeline, rendered by the replica's page
// code in headless Chromium, as document.documentElement.outerHTML.
//
//   node test/replica/save-fixtures.mjs                 write the fixtures, README.md, fixtures.json
//   node test/replica/save-fixtures.mjs --check         exit 1 if any saved file differs from a fresh render
//   node test/replica/save-fixtures.mjs --screenshots DIR   also save a PNG of each
//
// The replica runs on a loopback port for this script only (plain HTTP; the fixtures don't
// depend on the origin). Everything is deterministic (fixed seed, no randomness in the DOM), so a
// fresh render equals the saved files until the replica changes; --check catches drift.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createReplica } from './handler.mjs';
import { formatCode } from './referee.mjs';
import { LANGUAGES, stringsFor } from './strings.mjs';

const OUT_DIR = fileURLToPath(new URL('../fixtures/x/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/lib/chromium/chromium';
const SEED = 'sparekey-fixtures';
const PASSWORD = 'correct horse';
const OTHER_LANGS = LANGUAGES.filter((l) => l !== 'en');

const args = process.argv.slice(2);
const CHECK = args.includes('--check');
const shotsIndex = args.indexOf('--screenshots');
const SHOTS = shotsIndex >= 0 ? args[shotsIndex + 1] : undefined;

const SOURCE = [
  "Source: X's DOM as described in Sparekey issue 4 (\"What X's real pages look like\", from X's",
  '2025 web bundles) and public captures of X\'s login API (POST /1.1/onboarding/task.json:',
  'subtask ids, headings, hint_text, detail_text links; iSarabjitDhiman/TweeterPy issue 78 for',
  'backup mode). Rendered by the Sparekey X replica (test/replica) in headless Chromium by',
  'test/replica/save-fixtures.mjs: a model of x.com, not a capture of it. Class names are',
  'hashed like React Native for Web\'s and carry no meaning.',
];

function makeReplica() {
  const replica = createReplica({ seed: SEED, latencyMs: 0, stepDelayMs: 0, toastMs: 10 * 60_000 });
  const r = replica.referee;
  r.createAccount({ handle: 'sparekey_demo', displayName: 'Sparekey Demo', password: PASSWORD, mode: 'backup', codes: 2 });
  r.createAccount({ handle: 'sparekey_app', displayName: 'Sparekey App', password: PASSWORD, mode: 'app', codes: 1 });
  r.createAccount({ handle: 'sparekey_email', displayName: 'Sparekey Email', password: PASSWORD, mode: 'email' });
  r.createAccount({ handle: 'sparekey_unusual', displayName: 'Sparekey Unusual', password: PASSWORD, mode: 'backup', unusualActivity: true, codes: 1 });
  r.createAccount({ handle: 'sparekey_legacy', displayName: 'Sparekey Legacy', password: PASSWORD, mode: 'backup', legacyNextButton: true, codes: 1 });
  return replica;
}

// ------------------------------------------------------------------ how to reach each step

async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('[role="progressbar"]'));
}

async function openLogin(page, base, lang) {
  await page.goto(`${base}/i/flow/login${lang === 'en' ? '' : `?lang=${lang}`}`);
  await page.waitForSelector('input[autocomplete="username"]');
  await settled(page);
}

async function toPassword(page, base, lang, handle) {
  await openLogin(page, base, lang);
  await page.fill('input[autocomplete="username"]', handle);
  await page.getByRole('button', { name: stringsFor(lang).next, exact: true }).click();
  await page.waitForSelector('input[name="password"]');
  await settled(page);
}

async function toAfterPassword(page, base, lang, handle) {
  await toPassword(page, base, lang, handle);
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('[data-testid="LoginForm_Login_Button"]');
  await page.waitForSelector('[data-testid="ocfEnterTextTextInput"]');
  await settled(page);
}

async function toChoice(page, base, lang) {
  await toAfterPassword(page, base, lang, 'sparekey_app');
  await page.getByRole('link', { name: stringsFor(lang).chooseMethod }).click();
  await page.waitForSelector('input[name="single-choice"]');
  await settled(page);
}

async function signedIn(page, base, handle, pathAndQuery) {
  await page.goto(`${base}/__replica/session?handle=${handle}&next=${encodeURIComponent(pathAndQuery)}`);
}

async function toBackupScreen(page, base, lang) {
  await signedIn(page, base, 'sparekey_demo', `/settings/account/login_verification${lang === 'en' ? '' : `?lang=${lang}`}`);
  await page.waitForSelector('[data-testid="SideNav_AccountSwitcher_Button"]');
  await page.getByRole('link', { name: stringsFor(lang).backupCodes }).click();
  await page.waitForFunction((once) => document.querySelector('[role="dialog"]')?.textContent?.includes(once), stringsFor(lang).backupOnce);
  await settled(page);
}

// ------------------------------------------------------------------ the fixtures

const LOGIN_URL = 'https://x.com/i/flow/login';

/** @type {Array<{ file: string, title: string, models: string, lang: string, reach: Function, facts: (ctx: any) => object }>} */
const FIXTURES = [
  {
    file: 'login-identifier.html',
    title: 'Login, first step: the identifier',
    models: 'https://x.com/i/flow/login as it opens: "Sign in to X", input name="text" autocomplete="username" (LoginEnterUserIdentifierSSO).',
    lang: 'en',
    reach: (page, base) => openLogin(page, base, 'en'),
    facts: () => ({ step: 'identifier', subtask: 'LoginEnterUserIdentifierSSO' }),
  },
  {
    file: 'login-unusual-activity.html',
    title: 'Login: the unusual-activity check',
    models: 'https://x.com/i/flow/login after the identifier when X suspects unusual activity: "Enter your phone number or username" in the same ocfEnterText component as the code step (LoginEnterAlternateIdentifierSubtask). Not a code step.',
    lang: 'en',
    reach: async (page, base) => {
      await openLogin(page, base, 'en');
      await page.fill('input[autocomplete="username"]', 'sparekey_unusual');
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await page.waitForSelector('[data-testid="ocfEnterTextTextInput"]');
      await settled(page);
    },
    facts: () => ({ step: 'unusual-activity', subtask: 'LoginEnterAlternateIdentifierSubtask', nextButton: 'button' }),
  },
  {
    file: 'login-password.html',
    title: 'Login: the password step',
    models: 'https://x.com/i/flow/login after the identifier: "Enter your password", the typed identifier in a disabled field, input name="password", Log in data-testid="LoginForm_Login_Button" (LoginEnterPassword).',
    lang: 'en',
    reach: (page, base) => toPassword(page, base, 'en', 'sparekey_demo'),
    facts: () => ({ step: 'password', subtask: 'LoginEnterPassword', identifier: 'sparekey_demo' }),
  },
  {
    file: 'login-2fa-app.html',
    title: 'Login: 2FA step, code generator app mode',
    models: 'https://x.com/i/flow/login after the password for an account whose 2FA is an authenticator app: "Enter your verification code" / "Use your code generator app to generate a code and enter it below." (LoginTwoFactorAuthChallenge).',
    lang: 'en',
    reach: (page, base) => toAfterPassword(page, base, 'en', 'sparekey_app'),
    facts: () => ({ step: '2fa', mode: 'app', subtask: 'LoginTwoFactorAuthChallenge', nextButton: 'button' }),
  },
  {
    file: 'login-2fa-backup.html',
    title: 'Login: 2FA step, backup-code mode',
    models: 'https://x.com/i/flow/login after the password when X asks for a backup code: "Enter your backup code" / "Enter your backup code below." (LoginTwoFactorAuthChallenge).',
    lang: 'en',
    reach: (page, base) => toAfterPassword(page, base, 'en', 'sparekey_demo'),
    facts: () => ({ step: '2fa', mode: 'backup', subtask: 'LoginTwoFactorAuthChallenge', nextButton: 'button' }),
  },
  {
    file: 'login-2fa-backup-div-button.html',
    title: 'Login: 2FA step, backup-code mode, older build with <div role="button"> Next',
    models: 'The same 2FA step as login-2fa-backup.html in older X builds, whose Next (data-testid="ocfEnterTextNextButton") is a <div role="button" aria-disabled="true"> instead of a <button>.',
    lang: 'en',
    reach: (page, base) => toAfterPassword(page, base, 'en', 'sparekey_legacy'),
    facts: () => ({ step: '2fa', mode: 'backup', subtask: 'LoginTwoFactorAuthChallenge', nextButton: 'div' }),
  },
  {
    file: 'login-2fa-wrong-code-toast.html',
    title: 'Login: 2FA step (backup mode) after a rejected code',
    models: 'https://x.com/i/flow/login after submitting a wrong backup code: the API answered 400 {"errors":[{"code":399,"message":"Incorrect. Please try again."}]}, a toast (data-testid="toast") shows the message and the dialog stays with the typed code.',
    lang: 'en',
    reach: async (page, base) => {
      await toAfterPassword(page, base, 'en', 'sparekey_demo');
      await page.fill('[data-testid="ocfEnterTextTextInput"]', 'aaaa1111bbbb');
      await page.click('[data-testid="ocfEnterTextNextButton"]');
      await page.waitForSelector('[data-testid="toast"]');
      await page.waitForSelector('[data-testid="ocfEnterTextNextButton"]:not([aria-disabled])');
    },
    facts: () => ({ step: '2fa', mode: 'backup', subtask: 'LoginTwoFactorAuthChallenge', nextButton: 'button', toast: 'Incorrect. Please try again.', typed: 'aaaa1111bbbb' }),
  },
  {
    file: 'login-2fa-choice.html',
    title: 'Login: "Choose a different verification method"',
    models: 'https://x.com/i/flow/login after clicking "Choose a different verification method" at the 2FA step: radios name="single-choice" labelled "Use a code generator app" / "Use a backup code" (values differ per account), Next data-testid="ChoiceSelectionNextButton" (LoginTwoFactorAuthChooseMethod).',
    lang: 'en',
    reach: (page, base) => toChoice(page, base, 'en'),
    facts: (ctx) => ({ step: 'choice', subtask: 'LoginTwoFactorAuthChooseMethod', choices: { app: ctx.choiceIds.app, backup: ctx.choiceIds.backup } }),
  },
  {
    file: 'login-email-code.html',
    title: 'Login: the e-mailed code step (not 2FA)',
    models: 'https://x.com/i/flow/login when X e-mails a confirmation code instead: "Check your email", the same ocfEnterText input and Next as the 2FA step (LoginAcid). Sparekey must not offer a backup code here.',
    lang: 'en',
    reach: (page, base) => toAfterPassword(page, base, 'en', 'sparekey_email'),
    facts: () => ({ step: 'email-code', mode: 'email', subtask: 'LoginAcid', nextButton: 'button' }),
  },
  {
    file: 'settings-login-verification.html',
    title: 'Settings: two-factor authentication',
    models: 'https://x.com/settings/account/login_verification: the two-factor settings with the "Backup codes" link; the @handle in the side navigation\'s account switcher (data-testid="SideNav_AccountSwitcher_Button").',
    lang: 'en',
    reach: async (page, base) => {
      await signedIn(page, base, 'sparekey_demo', '/settings/account/login_verification');
      await page.waitForSelector('[data-testid="SideNav_AccountSwitcher_Button"]');
    },
    facts: () => ({ step: 'settings', handle: 'sparekey_demo' }),
  },
  {
    file: 'settings-backup-code.html',
    title: 'Settings: the backup code screen',
    models: 'https://x.com/settings/account/login_verification/backup_code: "Backup Code", one code bold and centred in groups of 4, "This code can only be used once.", "Copy code", "Generate a new code"; the @handle in the account switcher.',
    lang: 'en',
    reach: (page, base) => toBackupScreen(page, base, 'en'),
    facts: (ctx) => ({ step: 'backup-code', handle: 'sparekey_demo', codes: [ctx.currentCode], shown: formatCode(ctx.currentCode) }),
  },
  {
    file: 'home.html',
    title: 'Home timeline after a successful login',
    models: 'https://x.com/home, where X navigates (history.pushState) when the login flow ends: the home timeline shell with the account switcher.',
    lang: 'en',
    reach: async (page, base, ctx) => {
      await toAfterPassword(page, base, 'en', 'sparekey_demo');
      await page.fill('[data-testid="ocfEnterTextTextInput"]', ctx.loginCode);
      await page.click('[data-testid="ocfEnterTextNextButton"]');
      await page.waitForURL('**/home');
      await page.waitForSelector('[data-testid="SideNav_AccountSwitcher_Button"]');
    },
    facts: () => ({ step: 'home', handle: 'sparekey_demo' }),
  },
];

for (const lang of OTHER_LANGS) {
  const S = stringsFor(lang);
  FIXTURES.push(
    {
      file: `login-2fa-backup.${lang}.html`,
      title: `Login: 2FA step, backup-code mode (${lang})`,
      models: `https://x.com/i/flow/login?lang=${lang}: the backup-code 2FA step in ${lang}: "${S.twoFactorBackupTitle}" / "${S.twoFactorBackupBody}" (LoginTwoFactorAuthChallenge).`,
      lang,
      reach: (page, base) => toAfterPassword(page, base, lang, 'sparekey_demo'),
      facts: () => ({ step: '2fa', mode: 'backup', subtask: 'LoginTwoFactorAuthChallenge', nextButton: 'button' }),
    },
    {
      file: `login-2fa-app.${lang}.html`,
      title: `Login: 2FA step, code generator app mode (${lang})`,
      models: `https://x.com/i/flow/login?lang=${lang}: the app-mode 2FA step in ${lang}: "${S.twoFactorAppTitle}" (LoginTwoFactorAuthChallenge).`,
      lang,
      reach: (page, base) => toAfterPassword(page, base, lang, 'sparekey_app'),
      facts: () => ({ step: '2fa', mode: 'app', subtask: 'LoginTwoFactorAuthChallenge', nextButton: 'button' }),
    },
    {
      file: `login-email-code.${lang}.html`,
      title: `Login: the e-mailed code step (${lang})`,
      models: `https://x.com/i/flow/login?lang=${lang}: the e-mailed code step in ${lang}: "${S.emailTitle}" (LoginAcid). Not 2FA.`,
      lang,
      reach: (page, base) => toAfterPassword(page, base, lang, 'sparekey_email'),
      facts: () => ({ step: 'email-code', mode: 'email', subtask: 'LoginAcid', nextButton: 'button' }),
    },
    {
      file: `settings-backup-code.${lang}.html`,
      title: `Settings: the backup code screen (${lang})`,
      models: `https://x.com/settings/account/login_verification/backup_code with ?lang=${lang}: "${S.backupTitle}", one code, "${S.copyCode}", "${S.generateCode}".`,
      lang,
      reach: (page, base) => toBackupScreen(page, base, lang),
      facts: (ctx) => ({ step: 'backup-code', handle: 'sparekey_demo', codes: [ctx.currentCode], shown: formatCode(ctx.currentCode) }),
    },
  );
}

// The home fixture uses up a code; keep it last so the backup screens all show the same code.
FIXTURES.sort((a, b) => (a.file === 'home.html') - (b.file === 'home.html'));

// ------------------------------------------------------------------ rendering

function header(fixture, url) {
  const lines = [
    `Sparekey fixture: ${fixture.title}.`,
    `Models: ${fixture.models}`,
    `URL: ${url}`,
    `Language: ${fixture.lang}`,
    ...SOURCE,
  ];
  // "--" may not appear inside an HTML comment.
  return `<!--\n${lines.map((l) => `  ${l.replaceAll('--', '- -')}`).join('\n')}\n-->\n`;
}

async function main() {
  const replica = makeReplica();
  const server = http.createServer(replica.handle);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  const base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const demoCodes = replica.referee.state('sparekey_demo').codes;
  const ctx = {
    currentCode: demoCodes[demoCodes.length - 1].code,
    loginCode: demoCodes[0].code,
    choiceIds: replica.referee.account('sparekey_app').choiceIds,
  };
  const rendered = [];
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  try {
    for (const fixture of FIXTURES) {
      // A clean slate per fixture: no session, no language cookie.
      await context.clearCookies();
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await fixture.reach(page, base, ctx);
      if (errors.length) throw new Error(`${fixture.file}: page errors: ${errors.join('; ')}`);
      const url = page.url().replace(base, 'https://x.com');
      const html = await page.evaluate(() => `<!DOCTYPE html>\n${document.documentElement.outerHTML}\n`);
      if (SHOTS) {
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: path.join(SHOTS, fixture.file.replace(/\.html$/, '.png')) });
      }
      rendered.push({ fixture, url, content: header(fixture, url) + html });
      await page.close();
    }
  } finally {
    await context.close();
    await browser.close();
    server.close();
  }

  const manifest = rendered.map(({ fixture, url }) => ({ file: fixture.file, url, lang: fixture.lang, models: fixture.models, ...fixture.facts(ctx) }));
  const files = new Map(rendered.map(({ fixture, content }) => [fixture.file, content]));
  files.set('fixtures.json', `${JSON.stringify(manifest, null, 2)}\n`);
  files.set('README.md', readme(manifest));

  if (CHECK) {
    const stale = [...files].filter(([name, content]) => !existsSync(path.join(OUT_DIR, name)) || readFileSync(path.join(OUT_DIR, name), 'utf8') !== content);
    if (stale.length) {
      console.error(`These X fixtures differ from what the replica renders now:\n${stale.map(([n]) => `  ${n}`).join('\n')}\nRun: node test/replica/save-fixtures.mjs`);
      process.exit(1);
    }
    console.log(`All ${files.size} X fixture files match the replica.`);
    return;
  }
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [name, content] of files) writeFileSync(path.join(OUT_DIR, name), content);
  console.log(`Wrote ${files.size} files to ${path.relative(process.cwd(), OUT_DIR) || OUT_DIR}`);
}

function readme(manifest) {
  const rows = manifest.map((m) => `| [${m.file}](${m.file}) | ${m.lang} | ${m.step}${m.mode ? ` (${m.mode})` : ''} | ${m.url} |`);
  return `# X fixtures

Static snapshots of X's pages for the X adapter's unit tests (src/sites/x/). Each file begins
with an HTML comment saying which real X page or login step it models, its URL and the source of
that knowledge. **They are saved from the Sparekey X replica (test/replica), not captured from
x.com:** the replica reproduces X's DOM as described in issue 4 (X's 2025 web bundles) and public
captures of X's login API. Class names are hashed like React Native for Web's and mean nothing.

Do not edit these files by hand. Regenerate them (headless Chromium, about a minute):

    node test/replica/save-fixtures.mjs            # write
    node test/replica/save-fixtures.mjs --check    # fail if the replica changed and they were not re-saved

[fixtures.json](fixtures.json) lists the same files with what each one shows, for tests:
\`step\` (identifier, unusual-activity, password, 2fa, choice, email-code, settings, backup-code,
home), \`mode\` (app, backup, email), X's \`subtask\` id, \`nextButton\` (\`button\`, or \`div\` for
the older <div role="button">), \`codes\`/\`handle\` on the backup-code screens, \`identifier\` on the
password step, \`toast\` after a rejected code and the radio values of the choice screen.

Headings in es/fr/de/ja/pt are the replica's translations (see test/replica/strings.mjs for which
strings are X's own and which are ours): the adapter should key on structure and use headings
only to tell app / backup / e-mail steps apart.

| File | Lang | Step | URL it models |
| --- | --- | --- | --- |
${rows.join('\n')}
`;
}

await main();
