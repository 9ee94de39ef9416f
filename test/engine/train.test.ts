import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_TRAIN_CONFIG } from '../../src/engine/config.ts';
import { planar } from '../../src/engine/datasets.ts';
import { cancel, createTrainer, step, train, type TrainConfig } from '../../src/engine/train.ts';
import reference from '../fixtures/seed-runs.json';
import { costTolerance } from '../fixtures/parity.ts';

const data = planar.generate();
const experiments = [
  { name: 'zero', init: 'zeros', scale: 0, accuracy: 0.5 },
  { name: 'big', init: 'normal', scale: 10, accuracy: 0.742 },
  { name: 'approp', init: 'lecun', scale: 0, accuracy: 0.924 },
] as const;

describe('parity with the numpy reference (seed-runs.json)', () => {
  for (const e of experiments) {
    it(`${e.name}: every recorded cost, the confusion matrix and the accuracy`, () => {
      const run = train(data, { ...DEFAULT_TRAIN_CONFIG, init: e.init, scale: e.scale });
      const ref = reference.runs[e.name];
      expect(run.status.state).toBe('done');
      expect(run.history.iterations).toEqual(Array.from({ length: 100 }, (_, k) => 100 * k));
      run.history.costs.forEach((cost, k) => {
        const iteration = 100 * k;
        const tolerance = costTolerance(e.name === 'big', iteration);
        expect(Math.abs(cost - ref.cost_every_100_iterations[k]), `iteration ${iteration}`).toBeLessThanOrEqual(tolerance);
      });
      expect(run.report.confusion).toEqual(ref.confusion_matrix_rows_actual_cols_predicted);
      expect(run.report.accuracy).toBe(e.accuracy);
    });
  }

  it('records ‖dW[l]‖ and layer statistics at every record', () => {
    const run = train(data, { ...DEFAULT_TRAIN_CONFIG, iterations: 300 });
    expect(run.history.gradientNorms).toHaveLength(3);
    expect(run.history.gradientNorms[0]).toHaveLength(2);
    expect(run.history.activationStats[0][0].std).toBeGreaterThan(0);
    expect(run.history.activationStats[0][1].mean).toBeGreaterThan(0);
    expect(run.history.symmetry[0]).toHaveLength(1);
  });
});

describe('training behaviour', () => {
  it('keeps every hidden unit identical under zero init (symmetry never breaks)', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 6 }), fc.constantFrom('tanh', 'sigmoid', 'relu'), fc.double({ min: 0.01, max: 2, noNaN: true }),
      (width, hidden, learningRate) => {
        const run = train(data, { ...DEFAULT_TRAIN_CONFIG, layers: [2, width, 1], hidden, init: 'zeros', learningRate, iterations: 200, recordEvery: 50 });
        const W1 = run.params.W[1];
        for (let i = 1; i < width; i++) {
          expect(W1[2 * i]).toBe(W1[0]);
          expect(W1[2 * i + 1]).toBe(W1[1]);
          expect(run.params.b[1][i]).toBe(run.params.b[1][0]);
        }
        expect(run.history.symmetry.every(([d]) => d === 0)).toBe(true);
      }), { numRuns: 15 });
  });

  for (const [init, scale] of [['zeros', 0], ['constant', 0.5], ['constant', -1.3]] as const) {
    it(`keeps [2, 6, 1] tanh hidden units bit-identical for 1 000 iterations under ${init} init (scale ${scale}), lr 1.2`, () => {
      const run = train(data, { ...DEFAULT_TRAIN_CONFIG, layers: [2, 6, 1], init, scale, iterations: 1000, recordEvery: 10 });
      expect(run.status.state).toBe('done');
      expect(run.history.symmetry).toHaveLength(100);
      expect(run.history.symmetry.every(([d]) => d === 0)).toBe(true);
      const [W1, b1] = [run.params.W[1], run.params.b[1]];
      for (let i = 1; i < 6; i++) {
        expect(Object.is(W1[2 * i], W1[0]) && Object.is(W1[2 * i + 1], W1[1]) && Object.is(b1[i], b1[0]), `unit ${i + 1}`).toBe(true);
      }
      // Constant init: the units stay identical even though their weights move.
      if (init === 'constant') expect(W1[0]).not.toBe(scale);
      else expect(W1[0]).toBe(0);
    });
  }

  it('breaks symmetry from the first record under random init', () => {
    for (const init of ['normal', 'lecun'] as const) {
      const run = train(data, { ...DEFAULT_TRAIN_CONFIG, layers: [2, 4, 1], init, scale: 1, iterations: 100, recordEvery: 10 });
      expect(run.history.symmetry[0][0]).toBeGreaterThan(0.1);
    }
  });

  it('reports divergence at a learning rate of 1e3 and keeps finite parameters and the records', () => {
    fc.assert(fc.property(fc.constantFrom('lecun', 'normal', 'he'), fc.constantFrom('tanh', 'relu', 'sigmoid'), (init, hidden) => {
      const run = train(data, { ...DEFAULT_TRAIN_CONFIG, init, hidden, scale: 1, learningRate: 1e3, iterations: 2000, recordEvery: 10 });
      expect(run.status.state).toBe('diverged');
      if (run.status.state !== 'diverged') return;
      expect(run.status.message).toBe(`diverged at iteration ${run.status.iteration}`);
      expect(run.iteration).toBe(run.status.iteration);
      for (const w of run.params.W) expect(w.every(Number.isFinite)).toBe(true);
      expect(run.history.costs.every(Number.isFinite)).toBe(true);
      expect(run.history.iterations.at(-1)).toBeLessThanOrEqual(run.status.iteration);
    }), { numRuns: 9 });
  });

  it('streams in chunks and can be cancelled, keeping what it recorded', () => {
    const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, iterations: 1000 };
    const t = createTrainer(data, config);
    expect(step(t, 250)).toBe(250);
    expect(t.history.iterations).toEqual([0, 100, 200]);
    cancel(t);
    expect(t.status).toEqual({ state: 'cancelled', iteration: 250, message: 'cancelled at iteration 250' });
    expect(step(t, 100)).toBe(0);
    const seen: number[] = [];
    const run = train(data, config, { chunk: 300, onProgress: (p) => { seen.push(p.iteration); return p.iteration < 600; } });
    expect(seen).toEqual([300, 600]);
    expect(run.status.state).toBe('cancelled');
  });

  it('stops on an aborted signal', () => {
    const controller = new AbortController();
    controller.abort();
    expect(train(data, DEFAULT_TRAIN_CONFIG, { signal: controller.signal }).iteration).toBe(0);
  });

  it('is deterministic: the same config gives bit-identical costs', () => {
    const config = { ...DEFAULT_TRAIN_CONFIG, iterations: 500 };
    expect(train(data, config).history.costs).toEqual(train(data, config).history.costs);
  });
});
