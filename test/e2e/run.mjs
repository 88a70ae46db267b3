#!/usr/bin/env node
// `npm run test:e2e [-- vitest args]`: the e2e tests alone. The global setup
// (test/e2e/global-setup.ts) finds or installs the browsers and rebuilds the extension when
// .output is older than its sources. Example: npm run test:e2e -- -t chromium
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const child = spawn(
  path.join(root, 'node_modules', '.bin', 'vitest'),
  ['run', '--config', 'test/vitest.e2e.config.ts', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
child.on('error', (error) => {
  console.error(`could not start vitest: ${error.message}`);
  process.exit(127);
});
child.on('close', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
