#!/usr/bin/env node
// Saves the Mozilla account adapter's fixtures (test/fixtures/mozilla/*.html) from the Mozilla
// replica: the replace-codes step with its new codes and the step confirming one of them, the
// sign-in, the TOTP view, the backup-code view (and after a refused code), and settings, rendered
// in headless Chromium as document.documentElement.outerHTML.
//
//   node test/replica/mozilla/save-fixtures.mjs           write the fixtures, README.md, fixtures.json
//   node test/replica/mozilla/save-fixtures.mjs --check   exit 1 if a saved file differs from a fresh render
//
// Deterministic (fixed seed, no randomness in the DOM), so --check catches drift.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createMozillaReplica, INVALID_CODE } from './handler.mjs';

const OUT_DIR = fileURLToPath(new URL('../../fixtures/mozilla/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/lib/chromium/chromium';
const CHECK = process.argv.includes('--check');
const EMAIL = 'sparekey-demo@example.com';
const PASSWORD = 'correct horse';
const ORIGIN = 'https://accounts.firefox.com';

const SOURCE = [
  'Source: mozilla/fxa (open source), packages/fxa-settings: pages/Signin/SigninRecoveryCode',
  '(index.tsx, en.ftl), pages/Signin/SigninTotpCode, components/FormVerifyCode, components/InputText,',
  'components/DataBlock, components/Settings/FlowSetup2faBackupCodeDownload (its test names the',
  'download "<email> Backup authentication codes.txt"), lib/auth-errors (errno 1056 "Invalid backup',
  'authentication code"), lib/totp.ts; /work/shared/SITES.md. Rendered from the Sparekey Mozilla replica',
  '(test/replica/mozilla) by its save-fixtures.mjs: a model of accounts.firefox.com, not a capture of it.',
];

const at = (page, pathname) => page.waitForFunction((p) => location.pathname === p, pathname);

async function signInTo2fa(page, base) {
  await page.goto(`${base}/signin`);
  await page.fill('input[name=email]', EMAIL);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await at(page, '/signin_totp_code');
  await page.waitForSelector('[data-testid="signin-totp-code-input-field"]');
}

async function toRecovery(page, base) {
  await signInTo2fa(page, base);
  await page.click('text=Trouble entering code?');
  await at(page, '/signin_recovery_code');
  await page.waitForSelector('[data-testid="signin-recovery-code-input-field"]');
}

const FIXTURES = [
  {
    file: 'replace-codes.html',
    models: 'https://accounts.firefox.com/settings/two_step_authentication/replace_codes, first step (FlowSetup2faBackupCodeDownload): the 8 new codes in [data-testid=datablock], one per <li>, and Download named "<email> Backup authentication codes.txt".',
    step: 'codes',
    reach: async (page, base) => {
      await page.goto(`${base}/__replica/session?email=${encodeURIComponent(EMAIL)}&next=/settings/two_step_authentication/replace_codes`);
      await page.waitForSelector('[data-testid="datablock"] li');
    },
    facts: (r) => ({ codes: r.referee.proposeNewSet(EMAIL), handle: EMAIL }),
  },
  {
    file: 'replace-codes-confirm.html',
    models: 'The replace-codes step after Continue (FlowSetup2faBackupCodeConfirm): asks for one of the NEW codes to confirm them, an input name=code. Not a login: no offer.',
    step: 'confirm',
    reach: async (page, base) => {
      await page.goto(`${base}/__replica/session?email=${encodeURIComponent(EMAIL)}&next=/settings/two_step_authentication/replace_codes`);
      await page.click('text=Continue');
      await page.waitForSelector('[data-testid="backup-code-confirm-input-field"]');
    },
  },
  {
    file: 'signin.html',
    models: 'https://accounts.firefox.com/signin: e-mail and password. Not a 2FA step.',
    step: 'signin',
    reach: (page, base) => page.goto(`${base}/signin`),
  },
  {
    file: 'signin-totp-code.html',
    models: 'https://accounts.firefox.com/signin_totp_code (SigninTotpCode): the authenticator\'s six digits in input name=code, "Trouble entering code?" to /signin_recovery_code. No offer here.',
    step: 'totp',
    reach: signInTo2fa,
  },
  {
    file: 'signin-recovery-code.html',
    models: 'https://accounts.firefox.com/signin_recovery_code (SigninRecoveryCode): input name=code, data-testid=signin-recovery-code-input-field, maxlength 10, and Confirm.',
    step: 'recovery',
    reach: toRecovery,
  },
  {
    file: 'signin-recovery-code-rejected.html',
    models: `https://accounts.firefox.com/signin_recovery_code answering a refused code: the form stays, with the tooltip [data-testid=tooltip] "${INVALID_CODE}".`,
    step: 'recovery',
    reach: async (page, base) => {
      await toRecovery(page, base);
      await page.fill('[data-testid="signin-recovery-code-input-field"]', '0000000000');
      await page.click('button[type=submit]');
      await page.waitForSelector('[data-testid="tooltip"]');
    },
    facts: () => ({ tooltip: INVALID_CODE }),
  },
  {
    file: 'settings.html',
    models: 'https://accounts.firefox.com/settings signed in: where an accepted code lands. Not a 2FA step.',
    step: 'settings',
    reach: async (page, base) => {
      await page.goto(`${base}/__replica/session?email=${encodeURIComponent(EMAIL)}&next=/settings`);
      await page.waitForSelector('h1');
    },
  },
];

function header(f, url) {
  return `<!--\n  Models: ${f.models}\n  URL: ${url}\n  ${SOURCE.join('\n  ')}\n-->\n`;
}

async function main() {
  const replica = createMozillaReplica({ seed: 'sparekey-mozilla-fixtures' });
  replica.referee.createAccount({ email: EMAIL, password: PASSWORD });
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
      console.error(`These Mozilla fixtures differ from what the replica renders now:\n${stale.map(([n]) => `  ${n}`).join('\n')}\nRun: node test/replica/mozilla/save-fixtures.mjs`);
      process.exit(1);
    }
    console.log(`All ${files.size} Mozilla fixture files match the replica.`);
    return;
  }
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [name, content] of files) writeFileSync(path.join(OUT_DIR, name), content);
  console.log(`Wrote ${files.size} files to ${path.relative(process.cwd(), OUT_DIR) || OUT_DIR}`);
}

function readme(manifest) {
  const rows = manifest.map((m) => `| [${m.file}](${m.file}) | ${m.step} | ${m.url} |`);
  return `# Mozilla account fixtures

Static snapshots of fxa's views for the Mozilla account adapter's unit tests (src/sites/mozilla/).
Each file begins with an HTML comment saying which real fxa view it models, its URL and the fxa
source files that markup and those words come from. **They are saved from the Sparekey Mozilla
replica (test/replica/mozilla), not captured from accounts.firefox.com**; the replica is built
from fxa's own public components and English strings (mozilla/fxa, packages/fxa-settings).

Do not edit these files by hand. Regenerate them (headless Chromium, a few seconds):

    node test/replica/mozilla/save-fixtures.mjs            # write
    node test/replica/mozilla/save-fixtures.mjs --check    # fail if the replica changed and they were not re-saved

[fixtures.json](fixtures.json) lists the same files with what each one shows: \`step\`
(codes, confirm, signin, totp, recovery, settings), \`codes\`/\`handle\` on the codes step,
\`tooltip\` after a refused code.

| File | Step | URL it models |
| --- | --- | --- |
${rows.join('\n')}
`;
}

await main();
