/**
 * The build-time run cache on a temporary copy of the project: a second "build" (a fresh cache on
 * the same directory) trains nothing; a changed prop retrains that run only; a changed engine
 * source file retrains what depends on the engine, and a changed figure module only its kind.
 */
import { appendFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../../src/engine/index.ts';
import { createRunCache } from '../../src/prerender/run-cache.ts';
import { jobs } from '../../src/prerender/jobs.ts';
import { copyProject, removeDir } from '../build/support/build.ts';

const a = { ...DEFAULT_TRAIN_CONFIG, iterations: 200 };
const b = { ...DEFAULT_TRAIN_CONFIG, init: 'zeros' as const, iterations: 200 };
const sym = { ...DEFAULT_TRAIN_CONFIG, layers: [2, 4, 1], init: 'zeros' as const, iterations: 100, recordEvery: 10 };
const comparison = {
  schemes: ['zeros', 'he'] as ('zeros' | 'he')[], hidden: 'tanh' as const, width: 3, learningRate: 1.2, iterations: 100, scale: 10, seed: 3,
  yScale: 'linear' as const, threshold: 0.25, speed: 3,
};

let root: string;
// Worker threads in the first build only: the later ones check which keys change, not where they train.
const build = (workers = 0) => createRunCache({ root, dir: join(root, 'run-cache-test'), workers });
const kinds = (trained: string[]) => trained.map((t) => t.slice(0, t.indexOf(' ')));

beforeAll(() => {
  root = copyProject('vg-run-cache-');
});
afterAll(() => removeDir(root));

describe('build-time run cache', () => {
  it('trains every run once, in worker threads, with the engine numbers', async () => {
    const cache = build(2);
    const [ra, rb] = await Promise.all([cache.get('run', a), cache.get('run', b), cache.get('symmetry', sym), cache.get('comparison', comparison)]);
    expect(kinds(cache.stats.trained).sort()).toEqual(['comparison', 'run', 'run', 'symmetry']);
    expect(cache.stats.inWorkers).toBe(4);
    expect(ra).toEqual(jobs.run(a));
    expect(rb.result?.finalCost).toBe(jobs.run(b).result?.finalCost);
    // The same request again is the same object, not another training.
    expect(await cache.get('run', a)).toBe(ra);
    expect(cache.stats.trained).toHaveLength(4);
  });

  it('trains nothing in a second build', async () => {
    const cache = build();
    const ra = await cache.get('run', a);
    await Promise.all([cache.get('run', b), cache.get('symmetry', sym), cache.get('comparison', comparison)]);
    expect(cache.stats.trained).toEqual([]);
    expect(cache.stats.fromDisk).toBe(4);
    expect(ra).toEqual(jobs.run(a));
  });

  it('retrains only the run whose props changed', async () => {
    const cache = build();
    await Promise.all([cache.get('run', a), cache.get('run', { ...b, learningRate: 0.5 }), cache.get('symmetry', sym)]);
    expect(cache.stats.trained).toEqual([`run ${JSON.stringify({ ...b, learningRate: 0.5 })}`]);
  });

  it('keys a comparison on what its runs depend on: display-only props reuse it, a training prop retrains it', async () => {
    const cache = build();
    const display = { ...comparison, yScale: 'log' as const, threshold: 0.1, speed: 1 };
    const [first, shown] = await Promise.all([cache.get('comparison', comparison), cache.get('comparison', display)]);
    expect(cache.stats.trained).toEqual([]);
    expect(cache.stats.fromDisk).toBe(1);
    expect(shown).toBe(first);
    // A fresh cache (another build) reads the same file for the display-only change.
    const fresh = build();
    expect(await fresh.get('comparison', display)).toEqual(first);
    expect(fresh.stats.trained).toEqual([]);

    const trained = await fresh.get('comparison', { ...display, seed: 4 });
    expect(fresh.stats.trained).toHaveLength(1);
    expect(fresh.stats.trained[0]).not.toMatch(/yScale|threshold|speed/);
    expect(trained.map((r) => r.finalCost)).toEqual(jobs.comparison({ ...comparison, seed: 4 }).map((r) => r.finalCost));
    expect(trained.map((r) => r.finalCost)).not.toEqual(first.map((r) => r.finalCost));
  });

  it('retrains the runs of a changed engine source file, and a changed figure module retrains only its kind', async () => {
    appendFileSync(join(root, 'src/features/init-comparison/views.ts'), '\n// changed\n');
    const first = build();
    await Promise.all([first.get('run', a), first.get('symmetry', sym), first.get('comparison', comparison)]);
    expect(kinds(first.stats.trained)).toEqual(['comparison']);

    appendFileSync(join(root, 'src/engine/activations.ts'), '\n// changed\n');
    const second = build();
    await Promise.all([second.get('run', a), second.get('symmetry', sym), second.get('comparison', comparison)]);
    expect(kinds(second.stats.trained).sort()).toEqual(['comparison', 'run', 'symmetry']);
  });

  it('recomputes a damaged cache file', async () => {
    const dir = join(root, 'run-cache-test');
    rmSync(dir, { recursive: true });
    const cache = createRunCache({ root, dir, workers: 0 });
    expect(await cache.get('run', a)).toEqual(jobs.run(a));
    expect(cache.stats.inWorkers).toBe(0);
  });
});
