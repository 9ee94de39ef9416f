import { describe, expect, it } from 'vitest';
import { planar } from '../../src/engine/datasets.ts';
import { DEFAULT_REMEDIES_CONFIG, type RemediesConfig } from '../../src/engine/remedies-config.ts';
import { clippedFraction, createRemediesTrainer, stepRemedies, summarizeRemedies, trainRemedies } from '../../src/engine/remedies.ts';
import { deepSlots } from '../../src/engine/deep-network.ts';
import reference from '../fixtures/remedies-reference.json';

const data = planar.generate();
type Run = (typeof reference.runs)[keyof typeof reference.runs];

function expectClose(actual: number, expected: number, what: string, tolerance = 1e-9): void {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance * Math.max(Math.abs(expected), Number.MIN_VALUE));
}
const runs = Object.entries(reference.runs) as [string, Run][];

describe('numpy parity over 100 iterations (remedies-reference.json, relative 1e-9)', () => {
  for (const [name, run] of runs.filter(([n]) => !n.startsWith('deep-'))) {
    it(name, () => {
      const config = { ...run.config, recordEvery: 1 } as unknown as RemediesConfig;
      const t = trainRemedies(data, config);
      expect(t.status.state).toBe('done');
      expect(t.history.costs).toHaveLength(run.costs.length);
      t.history.costs.forEach((c, i) => expectClose(c, run.costs[i], `cost at iteration ${i}`));
      t.history.gradientNorms.forEach((norms, i) => norms.forEach((n, l) => expectClose(n, run.gradientNorms[i][l], `‖dW[${l + 1}]‖ at iteration ${i}`)));
      t.history.globalNorms.forEach((n, i) => expectClose(n, run.globalNorms[i], `global norm at iteration ${i}`));
      expect(t.clippedSteps).toBe(run.clippedSteps);
      if ('finalParameters' in run) {
        const slots = deepSlots(t.params, t.workspace);
        expect(slots.map((s) => s.name)).toEqual(Object.keys(run.finalParameters));
        for (const s of slots) {
          const ref = (run.finalParameters as Record<string, number[]>)[s.name];
          s.value.forEach((v, i) => expect(Math.abs(v - ref[i]), `${s.name}[${i}]`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(ref[i]))));
        }
      }
      for (const [l, mean] of Object.entries(run.runningMean as Record<string, number[]>)) {
        mean.forEach((v, i) => expect(Math.abs(t.params.runningMean[Number(l)][i] - v)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(v))));
        (run.runningVar as Record<string, number[]>)[l].forEach((v, i) => expect(Math.abs(t.params.runningVar[Number(l)][i] - v)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(v))));
      }
    });
  }

  // The explorer's 30-layer network: the same forward and backward pass, but its training amplifies
  // last-bit differences (summation order, exp) by up to ~100× per iteration with batch norm (the gradient
  // explosion of deep batch-normalized nets, Yang et al. 2019), so 1e-9 holds only over the first iterations.
  // In the plain run, tanh of |z| ~ 1e-12 via (e^z − e^−z)/(e^z + e^−z) cancels to a few digits, so the
  // vanishing layers' ‖dW‖ agree to 1e-4 while every cost agrees to 1e-15.
  const windows = {
    'deep-plain': { costs: 100, norms: 100, normTolerance: 1e-4 },
    'deep-residual': { costs: 60, norms: 40, normTolerance: 1e-9 },
    'deep-batchnorm': { costs: 3, norms: 2, normTolerance: 1e-9 },
  } as const;
  for (const [name, w] of Object.entries(windows)) {
    it(`${name}: costs to 1e-9 over the first ${w.costs} iterations, ‖dW[l]‖ to ${w.normTolerance} over ${w.norms}`, () => {
      const run = reference.runs[name as keyof typeof windows];
      const t = trainRemedies(data, { ...run.config, recordEvery: 1, iterations: w.costs } as unknown as RemediesConfig);
      t.history.costs.forEach((c, i) => expectClose(c, run.costs[i], `cost at iteration ${i}`));
      t.history.gradientNorms.slice(0, w.norms).forEach((norms, i) => norms.forEach((n, l) => expectClose(n, run.gradientNorms[i][l], `‖dW[${l + 1}]‖ at ${i}`, w.normTolerance)));
    });
  }

  it('visits the examples in numpy\'s order: the first two epochs are np.random.permutation(1000) drawn after the weights', () => {
    const t = createRemediesTrainer(data, reference.runs.gd.config as unknown as RemediesConfig);
    stepRemedies(t, 1);
    expect([...t.order]).toEqual(reference.runs.gd.firstOrders[0]);
    stepRemedies(t, 15);
    expect([...t.order]).toEqual(reference.runs.gd.firstOrders[0]);
    stepRemedies(t, 1);
    expect([...t.order]).toEqual(reference.runs.gd.firstOrders[1]);
  });
});

describe('remedies trainer', () => {
  const small: RemediesConfig = { ...DEFAULT_REMEDIES_CONFIG, layers: [2, 8, 8, 1], iterations: 50, recordEvery: 10, batchSize: 100 };

  it('a full-batch plain gd run matches the plain engine\'s recorded numbers (same init, same order)', async () => {
    const { train } = await import('../../src/engine/train.ts');
    const plain = train(data, { ...small, iterations: 50 });
    const deep = trainRemedies(data, { ...small, batchSize: 1000 });
    expect(deep.history.costs).toEqual(plain.history.costs);
    expect(deep.history.gradientNorms).toEqual(plain.history.gradientNorms);
  });

  it('summarizes on the whole data set in prediction mode: a plain full-batch run scores as the plain engine does', async () => {
    const { train } = await import('../../src/engine/train.ts');
    const plain = train(data, { ...small, iterations: 50 });
    const summary = summarizeRemedies(trainRemedies(data, { ...small, batchSize: 1000 }));
    expect(summary.finalCost).toBe(plain.finalCost);
    expect(summary.report).toEqual(plain.report);
    const bn = summarizeRemedies(trainRemedies(data, { ...small, batchNorm: true }));
    expect(bn.report.accuracy).toBeGreaterThan(0.5);
    expect(Number.isFinite(bn.finalCost)).toBe(true);
  });

  it('counts clipped steps and reports their fraction', () => {
    const t = trainRemedies(data, { ...small, clip: 'norm', clipThreshold: 1e-3 });
    expect(t.clippedSteps).toBe(50);
    expect(clippedFraction(t)).toBe(1);
    const never = trainRemedies(data, { ...small, clip: 'norm', clipThreshold: 1e6 });
    expect(never.clippedSteps).toBe(0);
  });

  it('says "diverged at iteration k" and keeps the last finite parameters', () => {
    const t = trainRemedies(data, { ...small, init: 'he', learningRate: 20, iterations: 500, hidden: 'relu' });
    expect(t.status.state).toBe('diverged');
    expect(t.status.message).toMatch(/^diverged at iteration \d+$/);
    for (const W of t.params.W) for (const w of W) expect(Number.isFinite(w)).toBe(true);
    expect(t.history.costs.length).toBeGreaterThan(0);
  });

  it('steps in chunks exactly as in one go', () => {
    const config = { ...small, batchNorm: true, residual: 'identity', optimizer: 'adam', learningRate: 0.01 } as const;
    const whole = trainRemedies(data, config);
    const t = createRemediesTrainer(data, config);
    while (t.status.state === 'running') stepRemedies(t, 7);
    expect(t.history).toEqual(whole.history);
  });

  it('rejects a batch size above the limit and batch norm on single examples', () => {
    expect(() => createRemediesTrainer(data, { ...small, batchSize: 0 })).toThrow(/batchSize must be an integer from 1/);
    expect(() => createRemediesTrainer(data, { ...small, batchSize: 1, batchNorm: true })).toThrow(/at least 2 with batch normalization/);
  });
});
