/**
 * Vitest configuration: three projects, run one at a time by the npm scripts.
 *
 *   unit   test/**\/*.test.ts except test/e2e and test/build — Node, one file per core at a time,
 *          without isolation: a worker imports each module once for all its files, not once per file.
 *   build  test/build/**\/*.test.ts — each test runs `astro build` in a project copy (its own
 *          directory; the shared run cache writes atomically), so files run side by side too.
 *   e2e    test/e2e/**\/*.test.ts — drive Debian's Chromium against the built dist/; one file (one
 *          browser) per core at a time, at least two, or one with E2E_SERIAL=1. Needs `astro build` first.
 *
 * The timeouts below are generous ceilings against hangs, not performance budgets, and no timing
 * decides pass/fail: the browser tests print the longest main-thread task they saw (replayed a few
 * times when over the islands' 50 ms), and `npm run bench` measures speed. The times they print mean
 * something only with E2E_SERIAL=1 on an otherwise idle machine: side by side, each browser waits for
 * the others' cores.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { STALLED } from './test/e2e/support/stall.ts';

const src = fileURLToPath(new URL('./src/', import.meta.url));

/**
 * The files that take longest, in seconds, measured one project at a time on our 2-core machine. Vitest
 * starts the files it has no timing for largest first (by bytes), which put these short files last, where
 * each ran alone at the end with the other core idle; they start first instead, longest first.
 */
const LONGEST: Record<string, number> = {
  'test/python/figures.test.ts': 42, 'test/python/template-remedies.test.ts': 38,
  'test/lessons/beyond-initialization.claims.test.ts': 21, 'test/lessons/vanishing-exploding-gradients.claims.test.ts': 17,
  'test/e2e/layout.test.ts': 150, 'test/e2e/worker-faults.test.ts': 86, 'test/e2e/gradient-flow.test.ts': 60,
  'test/e2e/init-comparison.test.ts': 54, 'test/e2e/csp.test.ts': 48, 'test/e2e/symmetry-meter.test.ts': 43, 'test/e2e/accessibility.test.ts': 42,
};

/** Vitest's order (timings of earlier runs when it has them), with the files of LONGEST first when it has none. */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const known = (spec: TestSpecification) => this.ctx.cache.getTestSpecificationResult(spec) !== undefined;
    if (sorted.every(known)) return sorted;
    const seconds = (spec: TestSpecification) => LONGEST[spec.moduleId.slice(spec.project.config.root.length + 1)] ?? 0;
    return sorted.map((spec, i) => ({ spec, i })).sort((a, b) => seconds(b.spec) - seconds(a.spec) || a.i - b.i).map((x) => x.spec);
  }
}

export default defineConfig({
  resolve: {
    // Mirror tsconfig's "paths": { "~/*": ["src/*"] } so tests can import '~/engine/...'.
    alias: [{ find: /^~\//, replacement: src }],
  },
  test: {
    // Vitest's default is one core fewer than the machine has: one worker on our 2-core machines. The unit
    // and build files are CPU-bound and independent, so they use every core (e2e runs one file at a time).
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/e2e/**', 'test/build/**'],
          // Sources keep no module-level state and tests restore the globals they stub, so files can share
          // a worker's modules: about 20 s less of importing (243 → 221 s here, also with files shuffled).
          isolate: false,
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'build',
          environment: 'node',
          include: ['test/build/**/*.test.ts'],
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
          setupFiles: ['test/e2e/support/setup.ts'],
          // A test whose page stalled (support/frames.ts) runs again in a new browser, at most twice (stalls have come
          // two in a row); no other failure is retried.
          retry: { count: 2, condition: new RegExp(STALLED) },
          // One file at a time left the cores 40% idle (tests waiting on paced runs and timeouts): 685 s → 454–474 s here.
          fileParallelism: process.env.E2E_SERIAL !== '1',
          testTimeout: 5 * 60_000,
          hookTimeout: 5 * 60_000,
        },
      },
    ],
  },
});
