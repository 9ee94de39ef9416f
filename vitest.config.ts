/**
 * Vitest configuration: three projects, run one at a time by the npm scripts.
 *
 *   unit   test/**\/*.test.ts except test/e2e and test/build — fast, Node, parallel.
 *   build  test/build/**\/*.test.ts — each test runs `astro build` into a temp dir;
 *          files run one after another (the machines have 2 cores).
 *   e2e    test/e2e/**\/*.test.ts — drive Debian's Chromium against the built dist/;
 *          one file (one browser) at a time. Needs `astro build` first (npm test does it).
 *
 * Timings never decide pass/fail here: the timeouts below are deliberately generous
 * ceilings against hangs, not performance budgets.
 */
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const src = fileURLToPath(new URL('./src/', import.meta.url));

export default defineConfig({
  resolve: {
    // Mirror tsconfig's "paths": { "~/*": ["src/*"] } so tests can import '~/engine/...'.
    alias: [{ find: /^~\//, replacement: src }],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/e2e/**', 'test/build/**'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'build',
          environment: 'node',
          include: ['test/build/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 15 * 60_000,
          hookTimeout: 15 * 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 5 * 60_000,
          hookTimeout: 5 * 60_000,
        },
      },
    ],
  },
});
