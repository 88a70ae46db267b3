// How the bench build gets its hook into the background: in `--mode bench` (test/bench/build.mjs)
// src/background/build-hook.ts, a no-op in every other build, is loaded as a re-export of
// ./background.ts's installBenchHook. Used by wxt.config.ts; test/bench/sizes.ts checks that no
// production bundle carries the hook.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const SLOT = path.resolve(here, '../../../src/background/build-hook.ts');
const HOOK = path.resolve(here, 'background.ts');

const normal = (p: string) => p.split('?')[0]!.split(path.sep).join('/');

export function benchHook(mode: string): Plugin {
  return {
    name: 'sparekey-bench-hook',
    enforce: 'pre',
    load(id) {
      if (mode !== 'bench' || normal(id) !== normal(SLOT)) return null;
      return `export { installBenchHook as installBuildHook } from ${JSON.stringify(normal(HOOK))};\n`;
    },
  };
}
