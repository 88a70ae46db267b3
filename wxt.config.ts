import { readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';
import { hostPermissions, optionalHostPermissions } from './src/sites/index';
import { ANY_HTTPS_SITE } from './src/sites/generic/origin';
import { preactNoInnerHtml } from './src/build/preact-no-inner-html';
import { wasmInline } from './src/build/wasm-inline';
import { shipLocales } from './src/build/ship-locales';
import { inlinePageCssPlugin } from './src/build/inline-page-css';
import { benchHook } from './test/bench/hook/inject';

// The gecko id is fixed so Firefox keeps the same storage across reinstalls and so
// tests can pin the moz-extension UUID (extensions.webextensions.uuids).
export const GECKO_ID = 'sparekey@sparekey.dev';

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: { 'build:publicAssets': (_wxt, files) => shipLocales(files, (path) => readFileSync(path, 'utf8')) },
  vite: ({ mode }) => ({
    // benchHook: only `--mode bench` (test/bench/build.mjs) gets the bench's hook in the background.
    plugins: [preactNoInnerHtml(), wasmInline(), inlinePageCssPlugin(), benchHook(mode)],
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    // modulePreload.polyfill: both browsers know <link rel=modulepreload>; the polyfill was code
    // every page ran first for nothing.
    build: { sourcemap: false, modulePreload: { polyfill: false } },
  }),
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['.output/**', 'test/artifacts/**', 'test/bench/results/**', '**/*.pem'],
  },
  manifest: ({ browser }) => ({
    // Every person-facing string is in public/_locales/<locale>/messages.json (English: en).
    name: '__MSG_appName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // clipboardWrite: clear a copied code later, with no click (popup). offscreen: Chrome's service
    // worker has no clipboard, so an offscreen document does the clearing. scripting: the page
    // runtime is loaded only into tabs whose page could show a 2FA step or backup codes
    // (src/content/watch.ts); host access still decides where it can go.
    permissions: [
      'storage',
      'alarms',
      'contextMenus',
      'clipboardWrite',
      'scripting',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    commands: {
      'fill-next-code': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_fillNextCode__',
      },
    },
    host_permissions: hostPermissions(),
    // Every other site Sparekey reads (GitHub): asked for by a person's click in the popup when
    // they add codes for it, never at install (src/background/site-access.ts). ANY_HTTPS_SITE only
    // bounds what the popup may ask for: one exact origin a person named for another site's account
    // (https://pypi.org/*), never the pattern itself (src/sites/generic/origin.ts).
    optional_host_permissions: [...optionalHostPermissions(browser === 'firefox' ? 'firefox' : 'chrome'), ANY_HTTPS_SITE],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    // The action's title (tooltip) is the popup's: entrypoints/popup/index.html.
    action: { default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    // Argon2id (src/crypto/argon2.ts) is compiled from WebAssembly carried in the bundle; nothing
    // looser than this is allowed.
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
