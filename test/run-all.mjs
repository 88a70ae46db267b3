#!/usr/bin/env node
// The one test command (`npm test`): the stages of test/stages.mjs in order: provision the
// browsers (Debian's chromium and firefox-esr via apt-get when missing, as root), typecheck, unit
// tests (vitest), node:test suites (test/**/*.test.mjs, e.g. the X replica's pages in Chromium),
// build, web-ext lint of the Firefox build (warnings are errors), e2e in real browsers (vitest).
// Every stage runs even when an earlier one failed, except one whose needs (browsers, build) an
// earlier stage did not ensure: it counts as failed, unrun. So one run shows everything wrong.
// The last line, alone, sums every suite:
//   tests: N passed, N failed
// Typecheck, build and lint count as one test each; a skipped or todo test counts as a failure (we
// never skip); a suite that crashes without reporting counts as one failure. Exits non-zero if
// anything failed or if no test ran at all.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STAGES, orderProblems } from './stages.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const reportDir = mkdtempSync(path.join(os.tmpdir(), 'sparekey-test-reports-'));

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
    child.on('error', (error) => {
      console.error(`could not start ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** A command that is one test: passes when it exits 0. */
async function single(name, command, args) {
  const code = await run(command, args);
  return { name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, notes: code === 0 ? [] : [`exit code ${code}`] };
}

/** A vitest run, counted from its JSON report. */
async function vitest(name, config) {
  const report = path.join(reportDir, `${name}.json`);
  const code = await run(bin('vitest'), [
    'run',
    '--config', config,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  const result = { name, passed: 0, failed: 0, notes: [] };
  if (!existsSync(report)) {
    result.failed = 1;
    result.notes.push(`no report (vitest exit code ${code})`);
    return result;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  let skipped = 0;
  const broken = [];
  for (const file of json.testResults ?? []) {
    const tests = file.assertionResults ?? [];
    const count = (...statuses) => tests.filter((t) => statuses.includes(t.status)).length;
    result.passed += count('passed');
    const failedTests = count('failed');
    if (file.status === 'failed' && failedTests === 0) {
      // Failed to load, or a hook threw (its tests then show as skipped): one failure for the file.
      broken.push(path.relative(root, file.name));
      result.failed += 1;
      continue;
    }
    result.failed += failedTests;
    skipped += count('skipped', 'pending', 'todo', 'disabled');
  }
  if (skipped > 0) {
    result.failed += skipped;
    result.notes.push(`${skipped} skipped/todo test(s) counted as failed: we never skip`);
  }
  if (broken.length > 0) result.notes.push(`${broken.length} file(s) failed outside any test: ${broken.join(', ')}`);
  if (code !== 0 && result.failed === 0) {
    result.failed = 1;
    result.notes.push(`vitest exited with code ${code} (e.g. an unhandled error or no test files)`);
  }
  return result;
}

/** Files under test/ that use node:test (*.test.mjs), e.g. the X replica's page tests. */
function nodeTestFiles(dir = path.join(root, 'test')) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : nodeTestFiles(full);
    return entry.name.endsWith('.test.mjs') ? [path.relative(root, full)] : [];
  });
}

/** node --test, counted from its TAP summary (# pass / # fail / # cancelled / # skipped / # todo). */
async function nodeTest(name, files) {
  const tap = path.join(reportDir, `${name}.tap`);
  const code = await run(process.execPath, [
    '--test',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  const result = { name, passed: 0, failed: 0, notes: [] };
  if (!existsSync(tap)) {
    result.failed = 1;
    result.notes.push(`no report (exit code ${code})`);
    return result;
  }
  const text = readFileSync(tap, 'utf8');
  const total = (key) => [...text.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);
  result.passed = total('pass');
  result.failed = total('fail') + total('cancelled');
  const skipped = total('skipped') + total('todo');
  if (skipped > 0) {
    result.failed += skipped;
    result.notes.push(`${skipped} skipped/todo test(s) counted as failed: we never skip`);
  }
  if (code !== 0 && result.failed === 0) {
    result.failed = 1;
    result.notes.push(`node --test exited with code ${code}`);
  }
  return result;
}

const started = Date.now();
const suites = [];
/** What the stages so far have really made available (not just promised). */
const ensured = new Set();
const byId = Object.fromEntries(STAGES.map((s) => [s.id, s]));

for (const problem of orderProblems()) {
  console.error(problem);
  suites.push({ name: 'stages', passed: 0, failed: 1, notes: [problem], seconds: 0 });
}

/** Runs a stage when everything it needs was ensured by an earlier one; else counts it failed. */
const step = async (id, fn, label = byId[id].label) => {
  const stage = byId[id];
  const missing = stage.needs.filter((need) => !ensured.has(need));
  if (missing.length > 0) {
    suites.push({ name: id, passed: 0, failed: 1, notes: [`not run: ${missing.join(', ')} not ensured by an earlier stage`], seconds: 0 });
    return;
  }
  console.log(`\n━━ ${label} ━━`);
  const t = Date.now();
  const result = await fn();
  result.seconds = (Date.now() - t) / 1000;
  suites.push(result);
  if (result.failed === 0) for (const p of stage.provides) ensured.add(p);
};

await step('provision', () => single('provision', process.execPath, [path.join(root, 'test', 'provision.mjs')]));
await step('typecheck', () => single('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']));
await step('unit', () => vitest('unit', 'test/vitest.config.ts'));
const nodeFiles = nodeTestFiles();
if (nodeFiles.length > 0) {
  await step('node:test', () => nodeTest('node:test', nodeFiles), `node:test suites (${nodeFiles.join(', ')})`);
}
await step('build', () => single('build', 'npm', ['run', 'build']));
await step('lint', () =>
  single('lint', bin('web-ext'), ['lint', '--source-dir', '.output/firefox-mv3', '--self-hosted', '--warnings-as-errors']));
await step('e2e', () => vitest('e2e', 'test/vitest.e2e.config.ts'));
rmSync(reportDir, { recursive: true, force: true });

console.log('\n━━ summary ━━');
for (const s of suites) {
  const notes = s.notes.length ? `  (${s.notes.join('; ')})` : '';
  console.log(`${s.failed ? '✗' : '✓'} ${s.name.padEnd(10)} ${s.passed} passed, ${s.failed} failed in ${s.seconds.toFixed(1)} s${notes}`);
}
const passed = suites.reduce((n, s) => n + s.passed, 0);
const failed = suites.reduce((n, s) => n + s.failed, 0);
console.log(`total time ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (passed + failed === 0) console.log('no test ran at all: that is a failure');
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
