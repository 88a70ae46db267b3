#!/usr/bin/env node
// `npm run fuzz`: the unit tests' fast-check properties (every test file that uses
// test/unit/property.ts) with random seeds and several times their runs (SPAREKEY_FUZZ=1; see
// test/unit/property.ts). For exploring: a failure names its seed and how to replay it.
//   npm run fuzz                                   every property file
//   npm run fuzz -- test/unit/vault/paste.test.ts  only these files (any vitest arguments pass on)
//   SPAREKEY_FUZZ_TIMES=20 npm run fuzz            20× the runs instead of 5× (about 20 minutes on
//                                                  2 cores; a synchronous test past 60 s would trip
//                                                  vitest's fixed worker timeout, see property.ts)
//   SPAREKEY_SEED=<n> npm run fuzz -- <file> -t <name>   replay one seed
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function propertyFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return propertyFiles(full);
    if (!/\.test\.tsx?$/.test(entry.name)) return [];
    return /from '(?:\.\.?\/)+(?:unit\/)?property'/.test(readFileSync(full, 'utf8')) ? [path.relative(root, full)] : [];
  });
}

const args = process.argv.slice(2);
// Arguments that are not options (or an option's value) are file filters: they replace the list.
const valued = new Set(['-t', '--testNamePattern', '--config', '-c', '--reporter', '--outputFile', '--project', '--shard', '--pool']);
const filters = args.filter((a, i) => !a.startsWith('-') && !valued.has(args[i - 1]));
const files = filters.length > 0 ? [] : propertyFiles(path.join(root, 'test', 'unit'));
if (filters.length === 0 && files.length === 0) {
  console.error('no test file uses test/unit/property.ts');
  process.exit(1);
}
console.log(`fuzz: ${filters.length > 0 ? filters.join(' ') : `${files.length} property files`}, random seeds, ${process.env.SPAREKEY_FUZZ_TIMES ?? 5}× the runs`);
const child = spawn(path.join(root, 'node_modules', '.bin', 'vitest'), ['run', '--config', 'test/vitest.config.ts', ...files, ...args], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SPAREKEY_FUZZ: '1' },
});
child.on('error', (error) => {
  console.error(`could not start vitest: ${error.message}`);
  process.exitCode = 127;
});
child.on('close', (code, signal) => {
  process.exitCode = code ?? (signal ? 128 : 1);
});
