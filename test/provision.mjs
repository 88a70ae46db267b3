// Finds the real browsers the tests drive, installing them from Debian when we are allowed to
// (root on Debian), before any stage that launches one. Plain JavaScript so `npm test`
// (test/run-all.mjs) can run it before anything is compiled. A missing browser is never a reason
// to skip: either it gets installed, or the run fails saying how to install it.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

/** Debian's package for each browser and the binary paths we look at. */
export const DEBIAN = {
  // /usr/bin/chromium is a shell wrapper that prints a harmless warning; the real binary skips it.
  chromium: { env: 'CHROMIUM_BIN', package: 'chromium', defaults: ['/usr/lib/chromium/chromium', '/usr/bin/chromium'] },
  firefox: { env: 'FIREFOX_BIN', package: 'firefox-esr', defaults: ['/usr/bin/firefox-esr'] },
};

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function isDebianRoot() {
  return process.getuid?.() === 0 && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
}

function hasCommand(name) {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function aptInstall(packages) {
  console.log(`[provision] installing ${packages.join(', ')} with apt-get (root on Debian)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
}

function howToInstall(packages) {
  return (
    `Install them as root with: apt-get update && apt-get install -y ${packages.join(' ')}` +
    ` (or point CHROMIUM_BIN / FIREFOX_BIN at the binaries).`
  );
}

/** The path of a browser's binary, from its env variable or Debian's default; undefined if absent. */
export function findBrowser(name) {
  const spec = DEBIAN[name];
  const fromEnv = process.env[spec.env];
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : undefined;
  return spec.defaults.find(isExecutable);
}

/**
 * Makes sure both browsers and openssl (for the test certificate) exist. Installs what is missing
 * when running as root on Debian; otherwise throws an error that says how to install it. Returns
 * the binaries' paths.
 */
export function ensureBrowsers() {
  const missing = [];
  for (const name of ['chromium', 'firefox']) {
    const spec = DEBIAN[name];
    if (findBrowser(name)) continue;
    if (process.env[spec.env]) {
      // An explicit path that does not work is a configuration error, not something to paper over.
      throw new Error(`${spec.env}=${process.env[spec.env]} is not an executable file.`);
    }
    missing.push(spec.package);
  }
  if (!hasCommand('openssl')) missing.push('openssl');
  if (missing.length > 0) {
    if (!isDebianRoot()) {
      throw new Error(`The tests need ${missing.join(', ')}, which ${missing.length > 1 ? 'are' : 'is'} missing. ${howToInstall(missing)}`);
    }
    aptInstall(missing);
  }
  const chromium = findBrowser('chromium');
  const firefox = findBrowser('firefox');
  if (!chromium || !firefox || !hasCommand('openssl')) {
    throw new Error(`Installing ${missing.join(', ')} did not provide the browsers. ${howToInstall(missing)}`);
  }
  return { chromium, firefox };
}

/** "Chromium 156.0.…" / "Mozilla Firefox 153.0…", for the log. */
export function browserVersion(binary) {
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 20_000 }).trim();
  } catch {
    return 'unknown version';
  }
}

// `node test/provision.mjs`: provision and print what was found.
if (import.meta.url === `file://${process.argv[1]}`) {
  const binaries = ensureBrowsers();
  for (const [name, binary] of Object.entries(binaries)) console.log(`[provision] ${name}: ${binary} (${browserVersion(binary)})`);
}
