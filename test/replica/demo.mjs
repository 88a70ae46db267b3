#!/usr/bin/env node
// `npm run demo`: try Sparekey's whole X journey without an X account.
//
// Starts the X replica at https://x.com, https://twitter.com and https://mobile.twitter.com on a
// local HTTPS server (the e2e harness's, test/e2e/harness/server.ts, when it loads; otherwise a
// minimal self-contained one below), seeds demo accounts, and opens Chromium (the default) or
// Firefox ESR with the built extension when a display is available, through the same launchers
// the e2e tests use. On a fresh machine it first installs the browser (Debian's package, as root)
// and builds the extension when the build is missing or stale. Without a display it prints what
// to open and how to map the hosts.
//
//   node test/replica/demo.mjs [--browser chromium|firefox] [--port 8443] [--no-browser] [--headless]
//   npm run demo -- --browser firefox
//
// --headless starts the browser without a window (to check the demo itself on a machine with no
// display): it loads the first page, reports what it saw, and keeps serving (--check: and exits).
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
const HOSTS = ['x.com', 'twitter.com', 'mobile.twitter.com'];

const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const PORT = portArg >= 0 ? Number(args[portArg + 1]) : Number(process.env.DEMO_PORT ?? 8443);
const NO_BROWSER = args.includes('--no-browser');
const CHECK = args.includes('--check');
const HEADLESS = args.includes('--headless') || CHECK;
const browserArg = args.indexOf('--browser');
const BROWSER = browserArg >= 0 ? args[browserArg + 1] : 'chromium';
if (BROWSER !== 'chromium' && BROWSER !== 'firefox') {
  console.error(`--browser takes chromium or firefox, not ${BROWSER}`);
  process.exit(2);
}

const DEMO = { handle: 'sparekey_demo', displayName: 'Sparekey Demo', password: 'correct horse' };
const APP_DEMO = { handle: 'sparekey_app', displayName: 'Sparekey App Mode', password: 'correct horse' };

// ------------------------------------------------------------------ HTTPS server

/**
 * The e2e harness (TypeScript: its server, the browsers' provisioning, the build check and the
 * launchers), loaded through jiti (a dependency of wxt and vite).
 */
async function loadHarness() {
  const file = fileURLToPath(new URL('../e2e/harness/index.ts', import.meta.url));
  if (!existsSync(file)) return { harness: null, why: 'test/e2e/harness/index.ts does not exist' };
  try {
    const { createJiti } = await import('jiti');
    const mod = await createJiti(import.meta.url).import(file);
    if (typeof mod.startServer === 'function' && typeof mod.launchBrowser === 'function') return { harness: mod, why: '' };
    return { harness: null, why: 'test/e2e/harness/index.ts has no startServer or launchBrowser' };
  } catch (error) {
    return { harness: null, why: `test/e2e/harness/index.ts did not load (${error instanceof Error ? error.message : error})` };
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

const { harness, why: noHarness } = await loadHarness();
const server = harness
  ? await harness.startServer({ handler: replica.handle, port: PORT })
  : await minimalStartServer({ handler: replica.handle, port: PORT });
const port = server.port;
const hostRules = HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(',');

console.log(`
Sparekey demo: the X replica is serving https://x.com, https://twitter.com and https://mobile.twitter.com
on port ${port} (${harness ? 'e2e harness server' : `minimal built-in HTTPS server: ${noHarness}`}).

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
    chromium --user-data-dir=$(mktemp -d) --no-first-run --no-proxy-server \\
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

let browserUnderTest = null;

async function shutdown(code = 0) {
  try {
    await browserUnderTest?.close();
  } catch {
    /* already gone */
  }
  await server.close();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

const firstPage = `https://x.com/__replica/session?handle=${DEMO.handle}&next=/settings/account/login_verification/backup_code`;

if (NO_BROWSER) {
  printManualInstructions('--no-browser given.');
} else if (!HEADLESS && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  printManualInstructions('No display (DISPLAY / WAYLAND_DISPLAY unset), so no browser was started.');
} else if (!harness) {
  printManualInstructions(`The e2e harness did not load (${noHarness}), so no browser was started.`);
} else {
  // A fresh machine: Debian's browser (as root) and the extension's build, as npm test does.
  harness.ensureBrowsers();
  harness.ensureBuild();
  browserUnderTest = await harness.launchBrowser(BROWSER, { server, headed: !HEADLESS });
  const page = await browserUnderTest.openPage(firstPage);
  const name = BROWSER === 'firefox' ? 'Firefox ESR' : 'Chromium';
  if (HEADLESS) {
    // The check a person makes: the replica's page is there and Sparekey offers to save its code.
    await page.waitFor(() => document.querySelector('[data-testid="SideNav_AccountSwitcher_Button"]') !== null, {
      timeout: 15_000,
      message: "the replica's backup-code screen",
    });
    const started = Date.now();
    let offer = '';
    while (!offer && Date.now() - started < 15_000) {
      const buttons = (await page.closedShadowRoots()).flatMap((r) => r.elements.filter((e) => e.role === 'button').map((e) => e.name));
      offer = buttons.length ? buttons.join(' | ') : '';
      if (!offer) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    console.log(`Headless check in ${name}: ${await page.url()}; Sparekey at ${browserUnderTest.extensionOrigin}: ${offer ? `shows its banner (buttons: ${offer})` : 'NO banner on the page'}`);
    if (CHECK) await shutdown(offer ? 0 : 1);
  } else {
    console.log(`${name} is open on the backup-code screen, with Sparekey. Press Ctrl+C to stop.`);
  }
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
