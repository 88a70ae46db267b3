#!/usr/bin/env node
// Saves the Proton adapter's fixtures (test/fixtures/proton/*.html) from the Proton replica: the
// login's password step, its 2FA form in TOTP mode (six boxes) and in recovery-code mode (and
// after a refused code), the signed-in dashboard, the account-password settings, and the 2FA
// set-up modal's confirm step (six boxes, not a login) and last step with the new codes, rendered
// in headless Chromium as document.documentElement.outerHTML.
//
//   node test/replica/proton/save-fixtures.mjs           write the fixtures, README.md, fixtures.json
//   node test/replica/proton/save-fixtures.mjs --check   exit 1 if a saved file differs from a fresh render
//
// Deterministic (fixed seed, no randomness in the DOM), so --check catches drift.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createProtonReplica, INVALID_CODE } from './handler.mjs';

const OUT_DIR = fileURLToPath(new URL('../../fixtures/proton/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/lib/chromium/chromium';
const CHECK = process.argv.includes('--check');
const WITH_2FA = 'sparekey-demo';
const NEW_2FA = 'sparekey-setup';
const PASSWORD = 'correct horse';
const ORIGIN = 'https://account.proton.me';

const SOURCE = [
  'Source: ProtonMail/WebClients (open source): applications/account/src/app/login/LoginTOTPForm.tsx and',
  'LoginContainer.tsx, packages/components/containers/account/totp/TotpInputs.tsx and EnableTOTPModal.tsx,',
  'packages/components/components/v2/input/TotpInput.tsx (ids totp, totp-1 … totp-5),',
  'packages/components/containers/notifications/Notification.tsx and Container.tsx, and',
  'packages/components/containers/login/loginActions.ts (TOTPError, "Incorrect login credentials. Please try again.");',
  '/work/shared/SITES.md. Rendered from the Sparekey Proton replica (test/replica/proton) by its',
  'save-fixtures.mjs: a model of account.proton.me, not a capture of it. The number and shape of the codes',
  'are the replica\'s stand-in: Proton\'s server decides them.',
];

async function signInTo2fa(page, base) {
  await page.goto(`${base}/login`);
  await page.fill('#username', WITH_2FA);
  await page.fill('#password', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('#totp-5');
}

async function toRecovery(page, base) {
  await signInTo2fa(page, base);
  await page.click('text=Use recovery code');
  await page.waitForSelector('#recovery-code');
}

async function toModal(page, base) {
  await page.goto(`${base}/__replica/session?username=${NEW_2FA}&next=/u/0/mail/account-password`);
  await page.click('#twoFactorToggle');
  await page.waitForSelector('dialog.modal-two-dialog button[type=submit]');
  await page.click('dialog button[type=submit]');
  await page.waitForSelector('[data-testid="totp:manual-button"]');
  await page.click('dialog button[type=submit]');
  await page.waitForSelector('dialog #totp-5');
}

const FIXTURES = [
  {
    file: 'login.html',
    models: 'https://account.proton.me/login, first step (LoginForm): username and password. Not a 2FA step.',
    step: 'signin',
    reach: (page, base) => page.goto(`${base}/login`),
  },
  {
    file: 'login-totp.html',
    models: 'https://account.proton.me/login, second step in TOTP mode (LoginTOTPForm + TotpInputs): six boxes #totp, #totp-1 … #totp-5 (type tel, one-time-code on the first), which submit the form once full, and the ghost button "Use recovery code". No fill here.',
    step: 'totp',
    reach: signInTo2fa,
  },
  {
    file: 'login-recovery.html',
    models: 'https://account.proton.me/login after "Use recovery code": the same form with one input#recovery-code (type text, autocomplete off) and Authenticate.',
    step: 'recovery',
    reach: toRecovery,
  },
  {
    file: 'login-recovery-rejected.html',
    models: `https://account.proton.me/login answering a refused recovery code: the form stays, and an error notification ([role=alert].notification--error in .notifications-container) says "${INVALID_CODE}".`,
    step: 'recovery',
    reach: async (page, base) => {
      await toRecovery(page, base);
      await page.fill('#recovery-code', '00000000');
      await page.click('button[type=submit]');
      await page.waitForSelector('.notification--error');
    },
    facts: () => ({ notification: INVALID_CODE }),
  },
  {
    file: 'dashboard.html',
    models: 'https://account.proton.me/u/0/mail/dashboard signed in: where an accepted code lands. Not a 2FA step.',
    step: 'home',
    reach: async (page, base) => {
      await page.goto(`${base}/__replica/session?username=${WITH_2FA}&next=/u/0/mail/dashboard`);
      await page.waitForSelector('h1');
    },
  },
  {
    file: 'account-password.html',
    models: 'https://account.proton.me/u/0/mail/account-password: the two-factor section with its toggle, 2FA off. No codes shown.',
    step: 'settings',
    reach: async (page, base) => {
      await page.goto(`${base}/__replica/session?username=${NEW_2FA}&next=/u/0/mail/account-password`);
      await page.waitForSelector('#twoFactorToggle');
    },
  },
  {
    file: 'setup-confirm.html',
    models: 'https://account.proton.me/u/0/mail/account-password with EnableTOTPModal at CONFIRM_CODE: the authenticator\'s six digits in the same six-box TotpInput (#totp …) inside the modal. Not a login: no offer.',
    step: 'confirm',
    reach: toModal,
  },
  {
    file: 'setup-codes.html',
    models: 'https://account.proton.me/u/0/mail/account-password with EnableTOTPModal at RECOVERY_CODES: one code[data-testid="totp:recovery-code"] per code, Download (proton_recovery_codes.txt) and Close.',
    step: 'codes',
    reach: async (page, base) => {
      await toModal(page, base);
      for (const [i, d] of [...'123456'].entries()) await page.fill(i === 0 ? 'dialog #totp' : `dialog #totp-${i}`, d);
      await page.click('dialog button[type=submit]');
      await page.waitForSelector('code[data-testid="totp:recovery-code"]');
    },
    facts: (r) => ({ codes: r.referee.activeCodes(NEW_2FA) }),
  },
];

function header(f, url) {
  return `<!--\n  Models: ${f.models}\n  URL: ${url}\n  ${SOURCE.join('\n  ')}\n-->\n`;
}

async function main() {
  const replica = createProtonReplica({ seed: 'sparekey-proton-fixtures' });
  replica.referee.createAccount({ username: WITH_2FA, password: PASSWORD, twoFactor: true });
  replica.referee.createAccount({ username: NEW_2FA, password: PASSWORD });
  const server = http.createServer(replica.handle);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--disable-gpu', '--no-first-run'] });
  const rendered = [];
  try {
    for (const f of FIXTURES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await f.reach(page, base);
      if (errors.length) throw new Error(`${f.file}: page errors: ${errors.join('; ')}`);
      const url = page.url().replace(base, ORIGIN);
      // The boxes' typed digits live in .value, not in the markup: the saved DOM is the markup.
      const html = await page.evaluate(() => `<!DOCTYPE html>\n${document.documentElement.outerHTML}\n`);
      rendered.push({ f, url, content: header(f, url) + html });
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  const manifest = rendered.map(({ f, url }) => ({ file: f.file, url, models: f.models, step: f.step, ...(f.facts?.(replica) ?? {}) }));
  const files = new Map(rendered.map(({ f, content }) => [f.file, content]));
  files.set('fixtures.json', `${JSON.stringify(manifest, null, 2)}\n`);
  files.set('README.md', readme(manifest));
  if (CHECK) {
    const stale = [...files].filter(([name, content]) => !existsSync(path.join(OUT_DIR, name)) || readFileSync(path.join(OUT_DIR, name), 'utf8') !== content);
    if (stale.length) {
      console.error(`These Proton fixtures differ from what the replica renders now:\n${stale.map(([n]) => `  ${n}`).join('\n')}\nRun: node test/replica/proton/save-fixtures.mjs`);
      process.exit(1);
    }
    console.log(`All ${files.size} Proton fixture files match the replica.`);
    return;
  }
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [name, content] of files) writeFileSync(path.join(OUT_DIR, name), content);
  console.log(`Wrote ${files.size} files to ${path.relative(process.cwd(), OUT_DIR) || OUT_DIR}`);
}

function readme(manifest) {
  const rows = manifest.map((m) => `| [${m.file}](${m.file}) | ${m.step} | ${m.url} |`);
  return `# Proton fixtures

Static snapshots of Proton's account app for the Proton adapter's unit tests (src/sites/proton/).
Each file begins with an HTML comment saying which real Proton view it models, its URL and the
WebClients source files that markup and those words come from. **They are saved from the Sparekey
Proton replica (test/replica/proton), not captured from account.proton.me**; the replica is built
from Proton's own public components and English strings (ProtonMail/WebClients). How many recovery
codes a set holds and what they look like is decided by Proton's server: the codes here are the
replica's stand-in.

Do not edit these files by hand. Regenerate them (headless Chromium, a few seconds):

    node test/replica/proton/save-fixtures.mjs            # write
    node test/replica/proton/save-fixtures.mjs --check    # fail if the replica changed and they were not re-saved

[fixtures.json](fixtures.json) lists the same files with what each one shows: \`step\`
(signin, totp, recovery, home, settings, confirm, codes), \`codes\` on the codes step,
\`notification\` after a refused code.

| File | Step | URL it models |
| --- | --- | --- |
${rows.join('\n')}
`;
}

await main();
