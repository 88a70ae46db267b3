import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { WxtVitest } from 'wxt/testing';
import { wasmInline } from '../src/build/wasm-inline';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  // WxtVitest wires wxt/browser to WXT's in-memory fake browser and resolves WXT's auto-imports.
  plugins: [WxtVitest(), wasmInline()],
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['test/unit/setup-preact.ts', 'test/unit/setup-i18n.ts', 'test/unit/setup-fast-check.ts'],
    environment: 'node',
    // Forks, each with room for the 10,000-input fuzz files: a worker thread's default heap ran
    // out once when several of them ran side by side.
    pool: 'forks',
    poolOptions: { forks: { execArgv: ['--max-old-space-size=4096'] } },
    testTimeout: 30_000,
    reporters: ['default'],
  },
});
