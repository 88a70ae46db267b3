#!/usr/bin/env node
// Saves the Google adapter's fixtures (test/fixtures/google/*.html) from the Google replica: the
// backup-codes page and home on myaccount.google.com; the sign-in, the authenticator, SMS and
// backup-code challenges, "Try another way" and a refused backup code on accounts.google.com,
// rendered in headless Chromium as document.documentElement.outerHTML.
//
//   node test/replica/google/save-fixtures.mjs           write the fixtures, README.md, fixtures.json
//   node test/replica/google/save-fixtures.mjs --check   exit 1 if a saved file differs from a fresh render
//
// Deterministic (fixed seed, no randomness in the DOM), so --check catches drift. Each origin is
// served on its own local port, the handler told which host it is (it routes by Host).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createGoogleReplica } from './handler.mjs';

const OUT_DIR = fileURLToPath(new URL('../../fixtures/google/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/lib/chromium/chromium';
const CHECK = process.argv.includes('--check');
const EMAIL = 'sparekey.demo@gmail.com';
const SMS = 'sparekey.sms@gmail.com';
const PASSWORD = 'correct horse';
const WRONG_CODE = '0000 0000';

const SOURCE = [
  'Source: Google\'s pages as described in Sparekey issue 13 and /work/shared/SITES.md (input#backupCodePin',
  'type tel, #totpPin, #idvPin, /v3/signin/challenge/<bc|totp|ipp|selection>, li [data-challengetype], "Try',
  'another way", "Enter one of your 8-digit backup codes": ids, paths and words used by public automation',
  'against accounts.google.com) and Google Account Help ("Sign in with backup codes"). Rendered from the',
  'Sparekey Google replica (test/replica/google) by its save-fixtures.mjs: a model of Google, not a capture;',
  'its guesses are listed in test/replica/google/README.md.',
];

async function signInToChallenge(page, base, email) {
  await page.goto(`${base.accounts}/v3/signin/identifier`);
  await page.fill('#identifierId', email);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(/\/v3\/signin\/challenge\//), page.click('#identifierNext button')]);
}

async function toBackupChallenge(page, base) {
  await signInToChallenge(page, base, EMAIL);
  await Promise.all([page.waitForURL(/\/selection/), page.click('text=Try another way')]);
  await Promise.all([page.waitForURL(/\/challenge\/bc/), page.click('[data-challengetype="8"]')]);
}

const FIXTURES = [
  {
    file: 'backup-codes.html',
    origin: 'myaccount',
    models: 'https://myaccount.google.com/two-step-verification/backup-codes: the 10 backup codes of 8 digits ("1234 5678"), "Get new codes", the account named in the account button\'s aria-label.',
    step: 'backup-codes',
    signedIn: true,
    reach: (page, base) => page.goto(`${base.myaccount}/two-step-verification/backup-codes`),
    facts: (r) => ({ codes: r.referee.activeCodes(EMAIL), handle: EMAIL }),
  },
  {
    file: 'home.html',
    origin: 'myaccount',
    models: 'https://myaccount.google.com/ signed in: where a taken code lands by default. Not a challenge.',
    step: 'home',
    signedIn: true,
    reach: (page, base) => page.goto(`${base.myaccount}/`),
  },
  {
    file: 'identifier.html',
    origin: 'accounts',
    models: 'https://accounts.google.com/v3/signin/identifier: the sign-in (email and password; one form here, two screens at Google). Not a challenge.',
    step: 'identifier',
    reach: (page, base) => page.goto(`${base.accounts}/v3/signin/identifier`),
  },
  {
    file: 'challenge-totp.html',
    origin: 'accounts',
    models: 'https://accounts.google.com/v3/signin/challenge/totp: the authenticator challenge, input#totpPin (type tel). Not a backup-code step: no offer.',
    step: 'totp',
    reach: (page, base) => signInToChallenge(page, base, EMAIL),
  },
  {
    file: 'challenge-sms.html',
    origin: 'accounts',
    models: 'https://accounts.google.com/v3/signin/challenge/ipp/verify: the SMS challenge, input#idvPin (type tel). Not a backup-code step: no offer.',
    step: 'sms',
    reach: (page, base) => signInToChallenge(page, base, SMS),
  },
  {
    file: 'challenge-selection.html',
    origin: 'accounts',
    models: 'https://accounts.google.com/v3/signin/challenge/selection: "Try another way", the list of challenges (li [data-challengetype]). The person chooses: no offer.',
    step: 'selection',
    reach: async (page, base) => {
      await signInToChallenge(page, base, EMAIL);
      await Promise.all([page.waitForURL(/\/selection/), page.click('text=Try another way')]);
    },
  },
  {
    file: 'challenge-backup-code.html',
    origin: 'accounts',
    models: 'https://accounts.google.com/v3/signin/challenge/bc: "Enter one of your 8-digit backup codes", input#backupCodePin (type tel), Next in #backupCodeNext, the email in [data-email].',
    step: 'backup',
    reach: toBackupChallenge,
    facts: () => ({ email: EMAIL }),
  },
  {
    file: 'challenge-backup-code-rejected.html',
    origin: 'accounts',
    models: 'https://accounts.google.com/v3/signin/challenge/bc after a refused code: the same challenge, the inline error in its aria-live region.',
    step: 'backup',
    reach: async (page, base) => {
      await toBackupChallenge(page, base);
      await page.fill('#backupCodePin', WRONG_CODE);
      await page.click('#backupCodeNext button');
      await page.waitForFunction(() => document.querySelector('[aria-live="assertive"]')?.textContent !== '');
      // The value the person typed stays; blank it so the fixture holds no code at all.
      await page.fill('#backupCodePin', '');
    },
    facts: () => ({ email: EMAIL, error: 'Wrong code. Try again.' }),
  },
];

function header(f, url) {
  return `<!--\n  Models: ${f.models}\n  URL: ${url}\n  ${SOURCE.join('\n  ')}\n-->\n`;
}

async function serve(handler, host) {
  const server = http.createServer((req, res) => {
    req.headers.host = host;
    handler(req, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

async function main() {
  const replica = createGoogleReplica({ seed: 'sparekey-google-fixtures' });
  replica.referee.createAccount({ email: EMAIL, password: PASSWORD });
  replica.referee.createAccount({ email: SMS, password: PASSWORD, first: 'ipp' });
  const accounts = await serve(replica.handle, 'accounts.google.com');
  const myaccount = await serve(replica.handle, 'myaccount.google.com');
  const base = { accounts: accounts.base, myaccount: myaccount.base };
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--disable-gpu', '--no-first-run'] });
  const rendered = [];
  try {
    for (const f of FIXTURES) {
      const context = await browser.newContext();
      // The replica's session cookie is Google-wide (Domain=google.com), which 127.0.0.1 cannot take: set it here.
      if (f.signedIn) await context.addCookies([{ ...replica.signIn(EMAIL), domain: undefined, url: base.myaccount }]);
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await f.reach(page, base);
      if (errors.length) throw new Error(`${f.file}: page errors: ${errors.join('; ')}`);
      const url = page
        .url()
        .replace(base.accounts, 'https://accounts.google.com')
        .replace(base.myaccount, 'https://myaccount.google.com');
      const html = await page.evaluate(() => `<!DOCTYPE html>\n${document.documentElement.outerHTML}\n`);
      rendered.push({ f, url, content: header(f, url) + html });
      await context.close();
    }
  } finally {
    await browser.close();
    accounts.server.close();
    myaccount.server.close();
  }
  const manifest = rendered.map(({ f, url }) => ({ file: f.file, url, models: f.models, step: f.step, ...(f.facts?.(replica) ?? {}) }));
  const files = new Map(rendered.map(({ f, content }) => [f.file, content]));
  files.set('fixtures.json', `${JSON.stringify(manifest, null, 2)}\n`);
  files.set('README.md', readme(manifest));
  if (CHECK) {
    const stale = [...files].filter(([name, content]) => !existsSync(path.join(OUT_DIR, name)) || readFileSync(path.join(OUT_DIR, name), 'utf8') !== content);
    if (stale.length) {
      console.error(`These Google fixtures differ from what the replica renders now:\n${stale.map(([n]) => `  ${n}`).join('\n')}\nRun: node test/replica/google/save-fixtures.mjs`);
      process.exit(1);
    }
    console.log(`All ${files.size} Google fixture files match the replica.`);
    return;
  }
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [name, content] of files) writeFileSync(path.join(OUT_DIR, name), content);
  console.log(`Wrote ${files.size} files to ${path.relative(process.cwd(), OUT_DIR) || OUT_DIR}`);
}

function readme(manifest) {
  const rows = manifest.map((m) => `| [${m.file}](${m.file}) | ${m.step} | ${m.url} |`);
  return `# Google fixtures

Static snapshots of Google's pages for the Google adapter's unit tests (src/sites/google/). Each file
begins with an HTML comment saying which real Google page it models, its URL and the source of that
knowledge. **They are saved from the Sparekey Google replica (test/replica/google), not captured
from Google** (Google's markup is closed source and its class names are generated; the ids, paths
and words are the ones public automation uses, issue 13 and SITES.md; the replica's README lists
what it guessed).

Do not edit these files by hand. Regenerate them (headless Chromium, a few seconds):

    node test/replica/google/save-fixtures.mjs            # write
    node test/replica/google/save-fixtures.mjs --check    # fail if the replica changed and they were not re-saved

[fixtures.json](fixtures.json) lists the same files with what each one shows: \`step\`
(backup-codes, home, identifier, totp, sms, selection, backup), \`codes\`/\`handle\` on the
backup-codes page, \`email\` at the backup-code challenge, \`error\` after a refused code.

| File | Step | URL it models |
| --- | --- | --- |
${rows.join('\n')}
`;
}

await main();
