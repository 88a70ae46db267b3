#!/usr/bin/env node
// Saves the GitHub adapter's fixtures (test/fixtures/github/*.html) from the GitHub replica: the
// recovery-codes page, the sign-in, both 2FA steps (and the recovery form swapped into the
// authenticator page), a refused code and the dashboard, rendered in headless Chromium as
// document.documentElement.outerHTML.
//
//   node test/replica/github/save-fixtures.mjs           write the fixtures, README.md, fixtures.json
//   node test/replica/github/save-fixtures.mjs --check   exit 1 if a saved file differs from a fresh render
//
// Deterministic (fixed seed, no randomness in the DOM), so --check catches drift.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createGithubReplica, REJECTED_FLASH } from './handler.mjs';

const OUT_DIR = fileURLToPath(new URL('../../fixtures/github/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/lib/chromium/chromium';
const CHECK = process.argv.includes('--check');
const LOGIN = 'sparekey-demo';
const SWAP = 'sparekey-swap';
const PASSWORD = 'correct horse';

const SOURCE = [
  "Source: GitHub's pages as described in Sparekey issue 13 and /work/shared/SITES.md (selectors",
  'seen in public extensions and automation: .two-factor-recovery-code, input#recovery_code,',
  'input#app_totp, a[data-test-selector=recovery-code-link]) and GitHub\'s docs ("Recovering your',
  'account if you lose your 2FA credentials"). Rendered from the Sparekey GitHub replica',
  '(test/replica/github) by its save-fixtures.mjs: a model of github.com, not a capture of it.',
];

async function signInTo2fa(page, base, login) {
  await page.goto(`${base}/login`);
  await page.fill('#login_field', login);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(/\/sessions\/two-factor\/app/), page.click('input[type=submit]')]);
}

const FIXTURES = [
  {
    file: 'recovery-codes.html',
    models: 'https://github.com/settings/auth/recovery-codes: the 16 recovery codes, one per .two-factor-recovery-code, Download/Print/Copy in .recovery-codes-saving-options, the login in <meta name="user-login">.',
    step: 'recovery-codes',
    reach: (page, base) => page.goto(`${base}/__replica/session?login=${LOGIN}&next=/settings/auth/recovery-codes`),
    facts: (r) => ({ codes: r.referee.activeCodes(LOGIN), handle: LOGIN }),
  },
  {
    file: 'login.html',
    models: 'https://github.com/login: username and password. Not a 2FA step.',
    step: 'login',
    reach: (page, base) => page.goto(`${base}/login`),
  },
  {
    file: 'two-factor-app.html',
    models: 'https://github.com/sessions/two-factor/app: input#app_totp (submits itself on a pattern match), "Use a recovery code or request a reset" a[data-test-selector=recovery-code-link].',
    step: '2fa',
    mode: 'app',
    reach: (page, base) => signInTo2fa(page, base, LOGIN),
  },
  {
    file: 'two-factor-recovery.html',
    models: 'https://github.com/sessions/two-factor/recovery: input#recovery_code and Verify.',
    step: '2fa',
    mode: 'backup',
    reach: async (page, base) => {
      await signInTo2fa(page, base, LOGIN);
      await Promise.all([page.waitForURL(/\/recovery$/), page.click('[data-test-selector=recovery-code-link]')]);
    },
  },
  {
    file: 'two-factor-app-swapped.html',
    models: 'https://github.com/sessions/two-factor/app after its recovery link swapped the recovery form into the same document (URL now /sessions/two-factor/recovery; the app form still there, hidden).',
    step: '2fa',
    mode: 'backup',
    reach: async (page, base) => {
      await signInTo2fa(page, base, SWAP);
      await page.click('[data-test-selector=recovery-code-link]');
      await page.waitForURL(/\/recovery$/);
    },
  },
  {
    file: 'two-factor-recovery-rejected.html',
    models: `https://github.com/sessions/two-factor/recovery answering a refused code: the recovery form again with .flash-error ("${REJECTED_FLASH}").`,
    step: '2fa',
    mode: 'backup',
    reach: async (page, base) => {
      await signInTo2fa(page, base, LOGIN);
      await Promise.all([page.waitForURL(/\/recovery$/), page.click('[data-test-selector=recovery-code-link]')]);
      await page.fill('#recovery_code', '00000-00000');
      await Promise.all([page.waitForLoadState('load'), page.click('button[type=submit]:visible')]);
      await page.waitForSelector('.flash-error');
    },
    facts: () => ({ flash: REJECTED_FLASH }),
  },
  {
    file: 'dashboard.html',
    models: 'https://github.com/ signed in: where an accepted code lands. Not a 2FA step.',
    step: 'dashboard',
    reach: (page, base) => page.goto(`${base}/__replica/session?login=${LOGIN}&next=/`),
  },
];

function header(f, url) {
  return `<!--\n  Models: ${f.models}\n  URL: ${url}\n  ${SOURCE.join('\n  ')}\n-->\n`;
}

async function main() {
  const replica = createGithubReplica({ seed: 'sparekey-github-fixtures' });
  replica.referee.createAccount({ login: LOGIN, password: PASSWORD });
  replica.referee.createAccount({ login: SWAP, password: PASSWORD, inPageSwap: true });
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
      const url = page.url().replace(base, 'https://github.com');
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
      console.error(`These GitHub fixtures differ from what the replica renders now:\n${stale.map(([n]) => `  ${n}`).join('\n')}\nRun: node test/replica/github/save-fixtures.mjs`);
      process.exit(1);
    }
    console.log(`All ${files.size} GitHub fixture files match the replica.`);
    return;
  }
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [name, content] of files) writeFileSync(path.join(OUT_DIR, name), content);
  console.log(`Wrote ${files.size} files to ${path.relative(process.cwd(), OUT_DIR) || OUT_DIR}`);
}

function readme(manifest) {
  const rows = manifest.map((m) => `| [${m.file}](${m.file}) | ${m.step}${m.mode ? ` (${m.mode})` : ''} | ${m.url} |`);
  return `# GitHub fixtures

Static snapshots of GitHub's pages for the GitHub adapter's unit tests (src/sites/github/). Each
file begins with an HTML comment saying which real GitHub page it models, its URL and the source of
that knowledge. **They are saved from the Sparekey GitHub replica (test/replica/github), not
captured from github.com** (GitHub's markup is closed source; the selectors are the ones public
extensions and automation use, issue 13 and SITES.md).

Do not edit these files by hand. Regenerate them (headless Chromium, a few seconds):

    node test/replica/github/save-fixtures.mjs            # write
    node test/replica/github/save-fixtures.mjs --check    # fail if the replica changed and they were not re-saved

[fixtures.json](fixtures.json) lists the same files with what each one shows: \`step\`
(recovery-codes, login, 2fa, dashboard), \`mode\` (app, backup), \`codes\`/\`handle\` on the
recovery-codes page, \`flash\` after a refused code.

| File | Step | URL it models |
| --- | --- | --- |
${rows.join('\n')}
`;
}

await main();
