#!/usr/bin/env node
// `npm run demo`: try Sparekey's whole X journey without an X account.
//
// Starts the X replica at https://x.com, https://twitter.com and https://mobile.twitter.com on a
// local HTTPS server (the e2e harness's, test/e2e/harness/server.ts, when it loads; otherwise a
// minimal self-contained one below), seeds demo accounts, and opens Chromium with the built
// extension (.output/chrome-mv3) when a display is available. Without a display it prints what to
// open and how to map the hosts.
//
//   node test/replica/demo.mjs [--port 8443] [--no-browser] [--headless]
//
// --headless starts the browser without a window (to check the demo itself on a machine with no
// display): it loads the first page, reports what it saw, and keeps serving.
//
// Nothing leaves the machine: the browser maps the X hosts to 127.0.0.1; the certificate is made
// now, kept in memory, and trusted only by that browser (by its public-key hash).
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createReplica } from './handler.mjs';
import { formatCode } from './referee.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const EXTENSION = path.join(REPO, '.output', 'chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_BIN ?? ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
const HOSTS = ['x.com', 'twitter.com', 'mobile.twitter.com'];

const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const PORT = portArg >= 0 ? Number(args[portArg + 1]) : Number(process.env.DEMO_PORT ?? 8443);
const NO_BROWSER = args.includes('--no-browser');
const HEADLESS = args.includes('--headless');

const DEMO = { handle: 'sparekey_demo', displayName: 'Sparekey Demo', password: 'correct horse' };
const APP_DEMO = { handle: 'sparekey_app', displayName: 'Sparekey App Mode', password: 'correct horse' };

// ------------------------------------------------------------------ HTTPS server

/** The e2e harness's server (TypeScript), loaded through jiti (a dependency of wxt and vite). */
async function harnessStartServer() {
  const file = fileURLToPath(new URL('../e2e/harness/server.ts', import.meta.url));
  if (!existsSync(file)) return { start: null, why: 'test/e2e/harness/server.ts does not exist' };
  try {
    const { createJiti } = await import('jiti');
    const mod = await createJiti(import.meta.url).import(file);
    if (typeof mod.startServer === 'function') return { start: mod.startServer, why: '' };
    return { start: null, why: 'test/e2e/harness/server.ts has no startServer' };
  } catch (error) {
    return { start: null, why: `test/e2e/harness/server.ts did not load (${error instanceof Error ? error.message : error})` };
  }
}

/** Fallback: a self-signed certificate made with openssl, one HTTPS server on '::'. */
async function minimalStartServer({ handler, port }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sparekey-demo-cert-'));
  let key;
  let cert;
  try {
    const san = [...HOSTS, '*.x.com', '*.twitter.com', 'localhost'].map((h) => `DNS:${h}`).join(',') + ',IP:127.0.0.1';
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=x.com', '-addext', `subjectAltName=${san}`, '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
    key = readFileSync(path.join(dir, 'key.pem'), 'utf8');
    cert = readFileSync(path.join(dir, 'cert.pem'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const server = https.createServer({ key, cert }, handler);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '::', port, ipv6Only: false }, resolve);
  });
  const spki = new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' });
  return {
    port: server.address().port,
    spkiBase64: createHash('sha256').update(spki).digest('base64'),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// ------------------------------------------------------------------ main

const replica = createReplica({ log: (line) => console.log(line) });
replica.referee.createAccount({ ...DEMO, mode: 'backup' });
const appAccount = replica.referee.createAccount({ ...APP_DEMO, mode: 'app' });

const harness = await harnessStartServer();
const server = harness.start
  ? await harness.start({ handler: replica.handle, port: PORT })
  : await minimalStartServer({ handler: replica.handle, port: PORT });
const port = server.port;
const hostRules = HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(',');

console.log(`
Sparekey demo: the X replica is serving https://x.com, https://twitter.com and https://mobile.twitter.com
on port ${port} (${harness.start ? 'e2e harness server' : `minimal built-in HTTPS server: ${harness.why}`}).

Demo accounts (not real X accounts):
  @${DEMO.handle}   password "${DEMO.password}"   X asks for a backup code at login
  @${APP_DEMO.handle}    password "${APP_DEMO.password}"   X asks for the code generator app (code ${appAccount.appCode});
                    "Choose a different verification method" → "Use a backup code"

The journey:
  1. Open https://x.com/__replica/session?handle=${DEMO.handle}&next=/settings/account/login_verification/backup_code
     (signs you in to the replica). Sparekey offers to save the code; click Save.
     "Generate a new code", Save again: two codes, in order.
  2. Open https://x.com/__replica/logout, then https://x.com/i/flow/login and sign in as @${DEMO.handle}.
     At "Enter your backup code" Sparekey offers the oldest code; Next → /home.
  3. https://x.com/__referee/state?handle=${DEMO.handle} shows what the replica's referee recorded.
  Add ?lang=es (fr, de, ja, pt) to any page for another language.
`);

function printManualInstructions(reason) {
  console.log(`${reason}
To try it yourself, start a browser that maps the X hosts to this server:

  Chromium:
    ${CHROMIUM ?? 'chromium'} --user-data-dir=$(mktemp -d) --no-first-run --no-proxy-server \\
      --host-resolver-rules="${hostRules}" \\
      --ignore-certificate-errors-spki-list=${server.spkiBase64} \\
      --disable-extensions-except=${EXTENSION} --load-extension=${EXTENSION} \\
      https://x.com/i/flow/login

  Firefox (about:config, or a user.js in a fresh profile), then load ${path.join(REPO, '.output', 'firefox-mv3')}
  from about:debugging → "Load Temporary Add-on":
    network.dns.localDomains = ${HOSTS.join(',')}
    network.socket.forcePort = 443=${port}
    (and accept the self-signed certificate once per host)

  From another machine, forward the port (ssh -L ${port}:127.0.0.1:${port} …) and use the same flags.
Press Ctrl+C to stop.`);
}

let browserContext = null;

async function shutdown(code = 0) {
  try {
    await browserContext?.close();
  } catch {
    /* already gone */
  }
  await server.close();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

if (!existsSync(path.join(EXTENSION, 'manifest.json'))) {
  console.log(`No extension build at ${EXTENSION}: run \`npm run build\` first to try it with Sparekey.`);
}

if (NO_BROWSER) {
  printManualInstructions('--no-browser given.');
} else if (!HEADLESS && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  printManualInstructions('No display (DISPLAY / WAYLAND_DISPLAY unset), so no browser was started.');
} else if (!CHROMIUM) {
  printManualInstructions('Chromium was not found (set CHROMIUM_BIN, or apt-get install chromium).');
} else {
  const { chromium } = await import('playwright-core');
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'sparekey-demo-profile-'));
  const withExtension = existsSync(path.join(EXTENSION, 'manifest.json'));
  browserContext = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: HEADLESS,
    viewport: null,
    args: [
      `--host-resolver-rules=${hostRules}`,
      `--ignore-certificate-errors-spki-list=${server.spkiBase64}`,
      ...(withExtension ? [`--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`] : []),
      '--no-first-run',
      '--no-proxy-server',
      '--disable-sync',
      '--disable-component-update',
    ],
  });
  const page = browserContext.pages()[0] ?? (await browserContext.newPage());
  await page.goto(`https://x.com/__replica/session?handle=${DEMO.handle}&next=/settings/account/login_verification/backup_code`);
  if (HEADLESS) {
    await page.waitForSelector('[data-testid="SideNav_AccountSwitcher_Button"]');
    const workers = browserContext.serviceWorkers().map((w) => w.url());
    console.log(`Headless check: "${await page.title()}" at ${page.url()}; extension service workers: ${workers.length ? workers.join(', ') : 'none'}`);
  } else {
    console.log('Chromium is open on the backup-code screen. Close it (or press Ctrl+C) to stop.');
  }
  browserContext.on('close', () => {
    rmSync(userDataDir, { recursive: true, force: true });
    void shutdown(0);
  });
}

// Print the referee's view of the demo account whenever it changes, so the journey is visible.
let last = '';
setInterval(() => {
  const state = replica.referee.state(DEMO.handle);
  const line = state.codes.map((c) => `${formatCode(c.code)} ${c.status}`).join(' | ');
  if (line && line !== last) {
    last = line;
    console.log(`[referee] @${DEMO.handle}: ${line}`);
  }
}, 1000).unref();
