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

/**
 * The UI languages the e2e tests start each browser in (test/e2e/localized.e2e.test.ts), and the
 * Debian package and file that give the browser that language. Debian's chromium ships only
 * en-US.pak (chromium-l10n adds the rest); Firefox ESR ships only English (one language pack
 * package per language, installed as an app-scope add-on).
 */
export const LANGUAGES = {
  chromium: { languages: ['de', 'ar'], package: () => 'chromium-l10n', file: (lang) => `/usr/lib/chromium/locales/${lang}.pak` },
  firefox: {
    languages: ['ja'],
    package: (lang) => `firefox-esr-l10n-${lang}`,
    file: (lang) => `/usr/lib/firefox-esr/browser/extensions/langpack-${lang}@firefox-esr.mozilla.org.xpi`,
  },
};

/** Commands the tests run besides the browsers: openssl (the test certificate), unzip (the store zips). */
export const COMMANDS = ['openssl', 'unzip'];

/**
 * The Debian packages to install, in order (each browser before its languages), given what this
 * machine has: `has.browser(name)`, `has.file(path)`, `has.command(name)`. A browser given by its
 * env variable is the person's own: its languages are theirs to provide.
 */
export function missingPackages(has, env = process.env) {
  const missing = [];
  for (const name of ['chromium', 'firefox']) {
    const spec = DEBIAN[name];
    if (!has.browser(name)) {
      if (env[spec.env]) throw new Error(`${spec.env}=${env[spec.env]} is not an executable file.`);
      missing.push(spec.package);
    }
    if (env[spec.env]) continue;
    const langs = LANGUAGES[name];
    for (const lang of langs.languages) if (!has.file(langs.file(lang))) missing.push(langs.package(lang));
  }
  for (const command of COMMANDS) if (!has.command(command)) missing.push(command);
  return [...new Set(missing)];
}

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
 * Makes sure both browsers, their test languages, openssl and unzip exist. Installs what is missing
 * when running as root on Debian; otherwise throws an error that says how to install it. Returns
 * the binaries' paths.
 */
export function ensureBrowsers() {
  const has = { browser: (name) => findBrowser(name) !== undefined, file: existsSync, command: hasCommand };
  const missing = missingPackages(has);
  if (missing.length > 0) {
    if (!isDebianRoot()) {
      throw new Error(`The tests need ${missing.join(', ')}, which ${missing.length > 1 ? 'are' : 'is'} missing. ${howToInstall(missing)}`);
    }
    aptInstall(missing);
  }
  const left = missingPackages(has);
  const chromium = findBrowser('chromium');
  const firefox = findBrowser('firefox');
  if (!chromium || !firefox || left.length > 0) {
    throw new Error(`Installing ${missing.join(', ')} did not provide ${left.join(', ') || 'the browsers'}. ${howToInstall(missing)}`);
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
