// Where a special build may add to the background after it starts. The store build keeps this
// no-op. The bench build (`wxt build --mode bench`, test/bench/build.mjs) replaces this module
// with the bench's timing hook (test/bench/hook/), through wxt.config.ts (test/bench/hook/inject.ts),
// so no bench code lives in src/ or ships.
import type { BackgroundDeps } from './deps';

export function installBuildHook(_deps: BackgroundDeps): void {}
