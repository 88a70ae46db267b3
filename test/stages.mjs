// The stages of `npm test` (test/run-all.mjs), in order, with what each needs and provides.
// A stage that launches a browser must come after the stage that provisions the browsers: on a
// fresh machine nothing else installs them. run-all refuses an order where a need is not
// provided earlier, and test/unit/test-stages.test.ts finds every test file that (directly or
// through the files it imports or spawns) launches a browser and checks that its stage says so.

/** @typedef {'browsers' | 'build'} Resource */
/**
 * @typedef {{ id: string, label: string, needs: Resource[], provides: Resource[],
 *   owns?: (file: string) => boolean }} Stage
 * `owns(file)`: the stage runs this test file (a path relative to the repository, with '/').
 */

/** @type {Stage[]} */
export const STAGES = [
  { id: 'provision', label: 'provision browsers (Debian chromium, firefox-esr, their test languages, openssl, unzip)', needs: [], provides: ['browsers'] },
  { id: 'typecheck', label: 'typecheck (tsc --noEmit)', needs: [], provides: [] },
  {
    id: 'unit',
    label: 'unit tests (vitest, test/vitest.config.ts)',
    needs: [],
    provides: [],
    owns: (file) => /^test\/unit\/.*\.test\.tsx?$/.test(file),
  },
  {
    id: 'node:test',
    label: 'node:test suites (test/**/*.test.mjs)',
    needs: ['browsers'],
    provides: [],
    owns: (file) => /^test\/.*\.test\.mjs$/.test(file),
  },
  { id: 'build', label: 'build (npm run build)', needs: [], provides: ['build'] },
  { id: 'lint', label: 'lint (web-ext lint on the Firefox build, warnings are errors)', needs: ['build'], provides: [] },
  {
    id: 'e2e',
    label: 'e2e in Chromium and Firefox (vitest, test/vitest.e2e.config.ts)',
    needs: ['browsers', 'build'],
    provides: [],
    owns: (file) => /^test\/e2e\/.*\.e2e\.test\.ts$/.test(file),
  },
];

/** Each need that no earlier stage provides, as a sentence that says the fix. */
export function orderProblems(stages = STAGES) {
  const provided = new Set();
  const problems = [];
  for (const stage of stages) {
    for (const need of stage.needs) {
      if (!provided.has(need))
        problems.push(`stage "${stage.id}" needs ${need}, but no stage before it provides them: move it after the stage that does`);
    }
    for (const p of stage.provides) provided.add(p);
  }
  return problems;
}
