import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { wasmInline } from '../src/build/wasm-inline';

const root = fileURLToPath(new URL('..', import.meta.url));

// End-to-end tests in real browsers. Files run one after another (each launches its own
// browsers; two cores are shared), tests inside a file run in order against one browser.
export default defineConfig({
  root,
  // The tests make vault headers with src/crypto, whose Argon2id wasm is inlined as in the build.
  plugins: [wasmInline()],
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    retry: 0,
    reporters: ['default'],
  },
});
