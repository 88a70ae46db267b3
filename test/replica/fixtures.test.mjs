// The X, GitHub, Google, Mozilla account, GitLab and Proton adapters' fixtures are renders of their
// replicas (test/replica/save-fixtures.mjs, test/replica/github/, test/replica/google/,
// test/replica/mozilla/, test/replica/gitlab/ and test/replica/proton/save-fixtures.mjs). When the
// replica changes and the fixtures are not saved again, the adapter tests would pass against a
// page the replica no longer serves: this fails instead, naming the files that drifted.
//
//   node --test test/replica/fixtures.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./save-fixtures.mjs', import.meta.url));

it('keeps every saved X fixture equal to a fresh render of the replica', () => {
  const run = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8', timeout: 180_000 });
  const output = `${run.stdout}${run.stderr}`.trim();
  assert.equal(run.status, 0, `${output}\nSave them again: node test/replica/save-fixtures.mjs`);
  assert.match(output, /All \d+ X fixture files match the replica\./);
});

it('keeps every saved GitHub fixture equal to a fresh render of the GitHub replica', () => {
  const github = fileURLToPath(new URL('./github/save-fixtures.mjs', import.meta.url));
  const run = spawnSync(process.execPath, [github, '--check'], { encoding: 'utf8', timeout: 180_000 });
  const output = `${run.stdout}${run.stderr}`.trim();
  assert.equal(run.status, 0, `${output}\nSave them again: node test/replica/github/save-fixtures.mjs`);
  assert.match(output, /All \d+ GitHub fixture files match the replica\./);
});

it('keeps every saved Google fixture equal to a fresh render of the Google replica', () => {
  const google = fileURLToPath(new URL('./google/save-fixtures.mjs', import.meta.url));
  const run = spawnSync(process.execPath, [google, '--check'], { encoding: 'utf8', timeout: 180_000 });
  const output = `${run.stdout}${run.stderr}`.trim();
  assert.equal(run.status, 0, `${output}\nSave them again: node test/replica/google/save-fixtures.mjs`);
  assert.match(output, /All \d+ Google fixture files match the replica\./);
});

it('keeps every saved Mozilla account fixture equal to a fresh render of the Mozilla replica', () => {
  const mozilla = fileURLToPath(new URL('./mozilla/save-fixtures.mjs', import.meta.url));
  const run = spawnSync(process.execPath, [mozilla, '--check'], { encoding: 'utf8', timeout: 180_000 });
  const output = `${run.stdout}${run.stderr}`.trim();
  assert.equal(run.status, 0, `${output}\nSave them again: node test/replica/mozilla/save-fixtures.mjs`);
  assert.match(output, /All \d+ Mozilla fixture files match the replica\./);
});

it('keeps every saved GitLab fixture equal to a fresh render of the GitLab replica', () => {
  const gitlab = fileURLToPath(new URL('./gitlab/save-fixtures.mjs', import.meta.url));
  const run = spawnSync(process.execPath, [gitlab, '--check'], { encoding: 'utf8', timeout: 180_000 });
  const output = `${run.stdout}${run.stderr}`.trim();
  assert.equal(run.status, 0, `${output}\nSave them again: node test/replica/gitlab/save-fixtures.mjs`);
  assert.match(output, /All \d+ GitLab fixture files match the replica\./);
});

it('keeps every saved Proton fixture equal to a fresh render of the Proton replica', () => {
  const proton = fileURLToPath(new URL('./proton/save-fixtures.mjs', import.meta.url));
  const run = spawnSync(process.execPath, [proton, '--check'], { encoding: 'utf8', timeout: 180_000 });
  const output = `${run.stdout}${run.stderr}`.trim();
  assert.equal(run.status, 0, `${output}\nSave them again: node test/replica/proton/save-fixtures.mjs`);
  assert.match(output, /All \d+ Proton fixture files match the replica\./);
});
