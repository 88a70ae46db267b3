#!/usr/bin/env node
// One WXT build for the bench, in its own output directory so it never rewrites .output/<browser>-mv3
// while someone else's e2e run or `npm run build` uses it:
//   node test/bench/build.mjs <chrome|firefox> <production|bench> <outDir>
// production: `wxt zip` (the store package, plus the sources zip for Firefox) into <outDir>, build
// in <outDir>/<browser>-mv3. bench: `wxt build --mode bench` into <outDir>/<browser>-mv3-bench,
// which contains test/bench/hook/background.ts. analyze: the production build with source maps, in
// <outDir>/analyze/<browser>-mv3, to say which source file the content script's bytes come from.
// One process per build: WXT keeps global state.
import { build, zip } from 'wxt';

const [browser, mode, outDir] = process.argv.slice(2);
if (!['chrome', 'firefox'].includes(browser ?? '') || !['production', 'bench', 'analyze'].includes(mode ?? '') || !outDir) {
  console.error('usage: node test/bench/build.mjs <chrome|firefox> <production|bench|analyze> <outDir>');
  process.exit(2);
}
if (mode === 'production') await zip({ browser, outDir });
else if (mode === 'analyze') await build({ browser, outDir: `${outDir}/analyze`, vite: () => ({ build: { sourcemap: true } }) });
else await build({ browser, mode, outDir });
