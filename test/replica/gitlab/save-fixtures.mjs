#!/usr/bin/env node
// Saves the GitLab adapter's fixtures (test/fixtures/gitlab/*.html) from the GitLab replica: the
// pages that show a new set of codes (after enabling 2FA, after regenerating), the 2FA settings,
// the sign-in's password, e-mail verification and 2FA steps (plain, refused, behind WebAuthn and
// shown from there) and the dashboard, rendered in headless Chromium as
// document.documentElement.outerHTML.
//
//   node test/replica/gitlab/save-fixtures.mjs           write the fixtures, README.md, fixtures.json
//   node test/replica/gitlab/save-fixtures.mjs --check   exit 1 if a saved file differs from a fresh render
//
// Deterministic (fixed seed, no randomness in the DOM), so --check catches drift.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createGitlabReplica, REJECTED_FLASH } from './handler.mjs';

const OUT_DIR = fileURLToPath(new URL('../../fixtures/gitlab/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/lib/chromium/chromium';
const CHECK = process.argv.includes('--check');
const LOGIN = 'sparekey-demo';
const NEW = 'sparekey-new';
const MAILED = 'sparekey-mailed';
const KEY = 'sparekey-key';
const PASSWORD = 'correct horse';
const EMAIL_CODE = '424242';

const SOURCE = [
  'Source: gitlabhq (GitLab is open source): app/views/devise/shared/_totp_recovery_code_or_webauthn.html.haml,',
  'app/controllers/concerns/authenticates_with_two_factor.rb, app/views/layouts/_flash.html.haml,',
  'app/views/profiles/two_factor_auths/{create,codes,_codes}.html.haml,',
  'app/assets/javascripts/authentication/two_factor_auth/components/{recovery_codes,manage_two_factor_form}.vue,',
  'app/assets/javascripts/sessions/new/components/email_verification.vue, lib/gitlab/gon_helper.rb;',
  '/work/shared/SITES.md. Rendered from the Sparekey GitLab replica (test/replica/gitlab) by its',
  'save-fixtures.mjs: a model of gitlab.com built from that markup and those strings, not a capture of it.',
];

async function signIn(page, base, login) {
  await page.goto(`${base}/users/sign_in`);
  await page.fill('#user_login', login);
  await page.fill('#user_password', PASSWORD);
  await Promise.all([page.waitForLoadState('load'), page.click('[data-testid=sign-in-button]')]);
}

async function toTwoFactor(page, base, login) {
  await signIn(page, base, login);
  await page.waitForSelector('#user_otp_attempt', { state: 'attached' });
}

const FIXTURES = [
  {
    file: 'codes-regenerated.html',
    models: 'https://gitlab.com/-/profile/two_factor_auth/codes answering "Regenerate recovery codes" (POST): the new 10 codes in [data-testid=recovery-codes], one span[data-testid=code-content] each, shown this once; the username in gon.',
    step: 'codes',
    reach: async (page, base) => {
      await page.goto(`${base}/__replica/session?login=${LOGIN}&next=/-/profile/two_factor_auth`);
      await page.fill('#current-password', PASSWORD);
      await Promise.all([page.waitForURL(/\/codes$/), page.click('[data-testid=test-2fa-regenerate-codes-button]')]);
      await page.waitForSelector('[data-testid=code-content]');
    },
    facts: (r) => ({ codes: r.referee.activeCodes(LOGIN), handle: LOGIN }),
  },
  {
    file: 'codes-enabled.html',
    models: 'https://gitlab.com/-/profile/two_factor_auth answering "Register with two-factor app" (POST): the first 10 codes, as after regenerating.',
    step: 'codes',
    reach: async (page, base) => {
      await page.goto(`${base}/__replica/session?login=${NEW}&next=/-/profile/two_factor_auth`);
      await page.fill('#pin_code', '123456');
      await page.fill('#current_password', PASSWORD);
      await Promise.all([page.waitForLoadState('load'), page.click('[data-testid=register-2fa-app-button]')]);
      await page.waitForSelector('[data-testid=code-content]');
    },
    facts: (r) => ({ codes: r.referee.activeCodes(NEW), handle: NEW }),
  },
  {
    file: 'two-factor-settings.html',
    models: 'https://gitlab.com/-/profile/two_factor_auth (GET), 2FA on: "Current password" and "Regenerate recovery codes". Lists no codes.',
    step: 'settings',
    reach: (page, base) => page.goto(`${base}/__replica/session?login=${LOGIN}&next=/-/profile/two_factor_auth`),
  },
  {
    file: 'sign-in.html',
    models: 'https://gitlab.com/users/sign_in, the password step (#user_login, #user_password). Not a 2FA step.',
    step: 'login',
    reach: (page, base) => page.goto(`${base}/users/sign_in`),
  },
  {
    file: 'email-verification.html',
    models: 'https://gitlab.com/users/sign_in, the e-mail verification step after the password: a code e-mailed to the person (#verification-code). Not a recovery-code step.',
    step: 'email',
    reach: async (page, base) => {
      await signIn(page, base, MAILED);
      await page.waitForSelector('#verification-code');
    },
  },
  {
    file: 'two-factor.html',
    models: 'https://gitlab.com/users/sign_in, the 2FA step: ONE field #user_otp_attempt (name user[otp_attempt]) for the authenticator code and recovery codes, "Verify code".',
    step: '2fa',
    mode: 'unknown',
    reach: (page, base) => toTwoFactor(page, base, LOGIN),
  },
  {
    file: 'two-factor-rejected.html',
    models: `https://gitlab.com/users/sign_in answering a refused code: the 2FA form again, with the flash alert "${REJECTED_FLASH}".`,
    step: '2fa',
    mode: 'unknown',
    reach: async (page, base) => {
      await toTwoFactor(page, base, LOGIN);
      await page.fill('#user_otp_attempt', '0000000000000000');
      await Promise.all([page.waitForLoadState('load'), page.click('[data-testid=verify-code-button]')]);
      await page.waitForSelector('.flash-alert');
    },
    facts: () => ({ flash: REJECTED_FLASH }),
  },
  {
    file: 'two-factor-webauthn.html',
    models: 'https://gitlab.com/users/sign_in, the 2FA step of an account with WebAuthn: the OTP form has the class hidden behind "Sign in via 2FA code". Nothing to fill yet.',
    step: '2fa-hidden',
    reach: (page, base) => toTwoFactor(page, base, KEY),
  },
  {
    file: 'two-factor-webauthn-shown.html',
    models: 'https://gitlab.com/users/sign_in after "Sign in via 2FA code": the WebAuthn prompt hidden, the OTP form shown.',
    step: '2fa',
    mode: 'unknown',
    reach: async (page, base) => {
      await toTwoFactor(page, base, KEY);
      await page.click('#js-login-2fa-device');
      await page.waitForSelector('#user_otp_attempt', { state: 'visible' });
    },
  },
  {
    file: 'dashboard.html',
    models: 'https://gitlab.com/ signed in: where a taken code lands when no location was stored. Not a 2FA step.',
    step: 'dashboard',
    reach: (page, base) => page.goto(`${base}/__replica/session?login=${LOGIN}&next=/`),
  },
];

function header(f, url) {
  return `<!--\n  Models: ${f.models}\n  URL: ${url}\n  ${SOURCE.join('\n  ')}\n-->\n`;
}

async function main() {
  const replica = createGitlabReplica({ seed: 'sparekey-gitlab-fixtures' });
  replica.referee.createAccount({ login: LOGIN, password: PASSWORD });
  replica.referee.createAccount({ login: NEW, password: PASSWORD, enabled: false });
  replica.referee.createAccount({ login: MAILED, password: PASSWORD, emailCode: EMAIL_CODE });
  replica.referee.createAccount({ login: KEY, password: PASSWORD, webauthn: true });
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
      const url = page.url().replace(base, 'https://gitlab.com');
      const html = await page.evaluate(() => `<!DOCTYPE html>\n${document.documentElement.outerHTML}\n`);
      rendered.push({ f, url, content: header(f, url) + html });
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  const manifest = rendered.map(({ f, url }) => ({ file: f.file, url, models: f.models, step: f.step, ...(f.mode ? { mode: f.mode } : {}), ...(f.facts?.(replica) ?? {}) }));
  const files = new Map(rendered.map(({ f, content }) => [f.file, content]));
  files.set('fixtures.json', `${JSON.stringify(manifest, null, 2)}\n`);
  files.set('README.md', readme(manifest));
  if (CHECK) {
    const stale = [...files].filter(([name, content]) => !existsSync(path.join(OUT_DIR, name)) || readFileSync(path.join(OUT_DIR, name), 'utf8') !== content);
    if (stale.length) {
      console.error(`These GitLab fixtures differ from what the replica renders now:\n${stale.map(([n]) => `  ${n}`).join('\n')}\nRun: node test/replica/gitlab/save-fixtures.mjs`);
      process.exit(1);
    }
    console.log(`All ${files.size} GitLab fixture files match the replica.`);
    return;
  }
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [name, content] of files) writeFileSync(path.join(OUT_DIR, name), content);
  console.log(`Wrote ${files.size} files to ${path.relative(process.cwd(), OUT_DIR) || OUT_DIR}`);
}

function readme(manifest) {
  const rows = manifest.map((m) => `| [${m.file}](${m.file}) | ${m.step}${m.mode ? ` (${m.mode})` : ''} | ${m.url} |`);
  return `# GitLab fixtures

Static snapshots of GitLab's pages for the GitLab adapter's unit tests (src/sites/gitlab/). Each
file begins with an HTML comment saying which real GitLab page it models, its URL and the source of
that knowledge. **They are saved from the Sparekey GitLab replica (test/replica/gitlab), not
captured from gitlab.com**; the replica is built from gitlabhq's own templates and strings (its
README names each file).

Do not edit these files by hand. Regenerate them (headless Chromium, a few seconds):

    node test/replica/gitlab/save-fixtures.mjs            # write
    node test/replica/gitlab/save-fixtures.mjs --check    # fail if the replica changed and they were not re-saved

[fixtures.json](fixtures.json) lists the same files with what each one shows: \`step\`
(codes, settings, login, email, 2fa, 2fa-hidden, dashboard), \`mode\` (unknown: GitLab's one field
takes the authenticator's code and recovery codes alike), \`codes\`/\`handle\` on the codes pages,
\`flash\` after a refused code.

| File | Step | URL it models |
| --- | --- | --- |
${rows.join('\n')}
`;
}

await main();
