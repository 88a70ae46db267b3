// Every fast-check property of the unit tests is a `property(...)` test, so a run is reproducible:
//   - `npm test` / `npm run test:unit`: each property has a fixed seed, derived from SEED_BASE and
//     its describe block and name, and the file's own number of runs. The seed is in the test's
//     name ("… [seed 123]"), so every report shows it: the same commit always tests the same inputs.
//   - `npm run fuzz` (test/fuzz.mjs, SPAREKEY_FUZZ=1): the same properties with a random seed each
//     and FUZZ_TIMES as many runs (SPAREKEY_FUZZ_TIMES=<n> to change it), for exploring. The seed
//     is in the test's name too, and a failure ends with the command that replays it.
//   - SPAREKEY_SEED=<n>: every property that runs starts from seed n, in either mode (pick the one
//     that failed with -t). fast-check's message also gives the failing run's `path`.
// test/unit/setup-fast-check.ts fixes fast-check's global seed as well, so a property written
// without this helper is still deterministic; it is not explored by `npm run fuzz`, though.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { getCurrentSuite } from 'vitest/suite';

/** Change it to test every property on new inputs (a commit of its own, with its result). */
export const SEED_BASE = 'sparekey-1';
export const FUZZ = process.env.SPAREKEY_FUZZ === '1';
export const FUZZ_TIMES = positive(process.env.SPAREKEY_FUZZ_TIMES, 'SPAREKEY_FUZZ_TIMES') ?? 5;
const REPLAY_SEED = int32(process.env.SPAREKEY_SEED);
/** The unit config's testTimeout (test/vitest.config.ts), scaled up with the runs under fuzz. */
const TIMEOUT = 30_000;

/** What every fc.assert / fc.sample of a property test takes: `fc.assert(prop, runs)`. */
export interface Runs {
  readonly seed: number;
  readonly numRuns: number;
}

function positive(text: string | undefined, name: string): number | undefined {
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, not ${JSON.stringify(text)}`);
  return n;
}

function int32(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < -(2 ** 31) || n >= 2 ** 31) throw new Error(`SPAREKEY_SEED must be a 32-bit integer, not ${JSON.stringify(text)}`);
  return n;
}

/** FNV-1a of the text, as a signed 32-bit integer (fast-check's seeds are integers). */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (const unit of new TextEncoder().encode(text)) h = Math.imul(h ^ unit, 0x01000193);
  return h | 0;
}

/** A test name as a -t pattern (vitest reads it as a regular expression), quoted for a shell. */
function pattern(name: string): string {
  return `'${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, `'\\''`)}'`;
}

/**
 * A test of fast-check properties: `body` gets the seed and run count to pass to each fc.assert
 * (or fc.sample) it makes. `numRuns` is the count `npm test` uses; `timeout` its time limit.
 */
export function property(name: string, numRuns: number, body: (runs: Runs) => unknown, timeout?: number): void {
  const suite = getCurrentSuite()?.name ?? '';
  const seed = REPLAY_SEED ?? (FUZZ ? (Math.random() * 2 ** 32) | 0 : seedOf(`${SEED_BASE}\u0000${suite}\u0000${name}`));
  const runs: Runs = { seed, numRuns: FUZZ ? numRuns * FUZZ_TIMES : numRuns };
  const title = FUZZ ? `${name} [fuzz seed ${seed}, ${runs.numRuns.toLocaleString('en')} runs]` : `${name} [seed ${seed}]`;
  it(
    title,
    async () => {
      // Let the worker read its messages first. vitest's worker answers the runner within a fixed
      // 60 s, and one file's synchronous properties run back to back, test after test, without
      // the event loop reaching them: under fuzz, 30 validators of 3.5 s each made a run end
      // "Timeout calling onTaskUpdate" with every test passed. Now only one test's own run counts.
      await new Promise((resolve) => setImmediate(resolve));
      try {
        await body(runs);
      } catch (error) {
        const file = expect.getState().testPath?.replace(`${process.cwd()}/`, '') ?? '<file>';
        const command = FUZZ ? 'npm run fuzz --' : 'npx vitest run --config test/vitest.config.ts';
        const replay = `\nReplay (seed ${seed}, ${runs.numRuns} runs): SPAREKEY_SEED=${seed} ${command} ${file} -t ${pattern(name)}`;
        if (error instanceof Error) error.message += replay;
        else console.error(replay);
        throw error;
      }
    },
    FUZZ ? (timeout ?? TIMEOUT) * FUZZ_TIMES : timeout,
  );
}
