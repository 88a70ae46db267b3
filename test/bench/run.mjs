#!/usr/bin/env node
// `npm run bench [-- options]`: runs test/bench/main.ts through jiti (already here as a dependency
// of wxt, as `npm run demo` uses it), so the bench shares the e2e harness's TypeScript as is.
// See main.ts for the options. stdout: the JSON; stderr: progress.
import { createJiti } from 'jiti';

const jiti = createJiti(import.meta.url);
try {
  const { main } = await jiti.import(new URL('./main.ts', import.meta.url).pathname);
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error('[bench] could not run:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 2;
}
