import { describe, expect, it } from 'vitest';
import { DEFAULT_REMEDIES_CONFIG, DEFAULT_TRAIN_CONFIG, planar, summarizeRemedies, trainRemedies, type RemediesConfig } from '../../src/engine/index.ts';
import { TrainingClient, type RunState } from '../../src/run/client.ts';
import { isRemediesConfig } from '../../src/run/remedies-job.ts';
import type { Store } from '../../src/run/store.ts';
import { InProcessWorker } from './worker-harness.ts';

const until = (store: Store<RunState>, ok: (s: RunState) => boolean) => new Promise<RunState>((resolve) => {
  const off = store.subscribe((s) => {
    if (ok(s)) {
      queueMicrotask(() => off());
      resolve(s);
    }
  });
});

const config: RemediesConfig = {
  ...DEFAULT_REMEDIES_CONFIG, layers: [2, 6, 6, 6, 1], iterations: 120, recordEvery: 10, batchSize: 64,
  residual: 'identity', batchNorm: true, clip: 'norm', clipThreshold: 0.05, optimizer: 'adam', learningRate: 0.01,
};

describe('remedies runs in the worker', () => {
  it('tells remedies configs from plain ones', () => {
    expect(isRemediesConfig(config)).toBe(true);
    expect(isRemediesConfig(DEFAULT_TRAIN_CONFIG)).toBe(false);
  });

  it('streams the same records as the engine, with the clip count, and reports the prediction-mode result', async () => {
    const c = new TrainingClient(() => new InProcessWorker() as unknown as Worker);
    const store = c.run('remedies', { config, pace: { chunk: 25, delayMs: 0 } });
    c.start('remedies');
    const done = await until(store, (s) => s.result !== undefined);
    const local = trainRemedies(planar.generate(), config);
    expect(done.status).toEqual({ state: 'done', message: 'done: 120 iterations' });
    expect(done.history.iterations).toEqual(local.history.iterations);
    expect(done.history.costs).toEqual(local.history.costs);
    expect(done.history.gradientNorms).toEqual(local.history.gradientNorms);
    expect(done.live.clippedSteps).toBe(local.clippedSteps);
    expect(local.clippedSteps).toBeGreaterThan(0);
    const summary = summarizeRemedies(local);
    expect(done.result!.finalCost).toBe(summary.finalCost);
    expect(done.result!.report).toEqual(summary.report);
    expect(done.result!.final.W[1]).toEqual(Array.from(local.params.W[1]));
  });

  it('reports a bad remedies config as an error on its run', async () => {
    const c = new TrainingClient(() => new InProcessWorker() as unknown as Worker);
    const store = c.run('bad', { config: { ...config, layers: [2, 65, 1] } });
    c.start('bad');
    const failed = await until(store, (s) => s.error !== undefined);
    expect(failed.error).toMatch(/layers must be 2, then 0–50 hidden layers of width 1–64, then 1/);
  });
});
