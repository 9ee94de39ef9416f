import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getActivation, sigmoid } from '../../src/engine/activations.ts';
import { clipNorm, clipValue } from '../../src/engine/clipping.ts';
import { deepGradientCheck } from '../../src/engine/deep-gradcheck.ts';
import { createDeepWorkspace, deepForward, initializeDeep, type DeepOptions, type DeepParameters } from '../../src/engine/deep-network.ts';
import { initializers } from '../../src/engine/initializers.ts';
import { createRandom, randomSample } from '../../src/engine/random.ts';

function setup(seed: number, layers: number[], options: DeepOptions, hidden = 'tanh') {
  const m = 9;
  const rng = createRandom(seed);
  const X = Float64Array.from({ length: 2 * m }, () => 4 * randomSample(rng) - 2);
  const Y = Float64Array.from({ length: m }, (_, j) => j % 2);
  const p = initializeDeep(layers, options, initializers.glorot, rng);
  // Non-trivial biases, γ and β so that no term of the gradient is zero by symmetry.
  for (let l = 1; l < layers.length; l++) {
    if (p.gamma[l].length === 0) p.b[l].forEach((_, i) => { p.b[l][i] = 0.3 * (randomSample(rng) - 0.5); });
    p.gamma[l].forEach((_, i) => { p.gamma[l][i] = 0.5 + randomSample(rng); });
    p.beta[l].forEach((_, i) => { p.beta[l][i] = 0.4 * (randomSample(rng) - 0.5); });
  }
  return { p, X, Y, m, g: { hidden: getActivation(hidden), output: sigmoid } };
}

/**
 * Whether a finite difference can check this network: no hidden input of g within 1e-3 of leaky ReLU's
 * kink at 0 (no derivative there; the difference moves a weight by 1e-6), and no output within 1e-3
 * of 0 or 1 (1 − A cancels in the cost's log, so the difference loses the digits the check needs).
 */
function wellConditioned(p: DeepParameters, g: ReturnType<typeof setup>['g'], X: Float64Array, m: number, kinked: boolean): boolean {
  const ws = createDeepWorkspace(p, m);
  ws.A[0].set(X);
  deepForward(p, g, ws, m, 'train');
  const L = p.layers.length - 1;
  for (let l = 1; kinked && l < L; l++) if (ws.Y[l].subarray(0, p.layers[l] * m).some((y) => Math.abs(y) <= 1e-3)) return false;
  return ws.A[L].subarray(0, m).every((a) => a > 1e-3 && a < 1 - 1e-3);
}

const cases: [string, DeepOptions, number[]][] = [
  ['plain', { residual: 'none', batchNorm: false }, [2, 4, 4, 3, 1]],
  ['identity residual', { residual: 'identity', batchNorm: false }, [2, 4, 4, 4, 1]],
  ['projection residual', { residual: 'projection', batchNorm: false }, [2, 4, 3, 3, 1]],
  ['batch norm', { residual: 'none', batchNorm: true }, [2, 4, 4, 3, 1]],
  ['residual + batch norm', { residual: 'projection', batchNorm: true }, [2, 4, 4, 3, 1]],
];

describe('deep gradient check (relative error < 1e-7)', () => {
  for (const [name, options, layers] of cases) {
    for (const hidden of ['tanh', 'sigmoid', 'leaky-relu']) {
      it(`${name}, ${hidden}`, () => {
        fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
          const { p, X, Y, m, g } = setup(seed, layers, options, hidden);
          fc.pre(wellConditioned(p, g, X, m, hidden === 'leaky-relu'));
          expect(deepGradientCheck(p, g, X, Y, m).relativeError).toBeLessThan(1e-7);
        }), { numRuns: 8 });
      });
    }
  }

  it('residual + batch norm + clipping by global norm and by value, clipping active', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { p, X, Y, m, g } = setup(seed, [2, 4, 4, 3, 1], { residual: 'projection', batchNorm: true });
      const free = deepGradientCheck(p, g, X, Y, m);
      const norm = Math.hypot(...free.analytic);
      const byNorm = deepGradientCheck(p, g, X, Y, m, { rule: clipNorm, threshold: norm / 3 });
      expect(Math.hypot(...byNorm.analytic)).toBeCloseTo(norm / 3, 12);
      expect(byNorm.relativeError).toBeLessThan(1e-7);
      const bound = Math.max(...free.analytic.map(Math.abs)) / 2;
      const byValue = deepGradientCheck(p, g, X, Y, m, { rule: clipValue, threshold: bound });
      expect(Math.max(...byValue.analytic.map(Math.abs))).toBe(bound);
      expect(byValue.relativeError).toBeLessThan(1e-7);
    }
  });

  it('catches a wrong gradient (a hidden derivative replaced by the linear one)', () => {
    const { p, X, Y, m } = setup(7, [2, 4, 4, 3, 1], { residual: 'identity', batchNorm: true });
    const wrong = { hidden: { ...getActivation('tanh'), df: getActivation('linear').df }, output: sigmoid };
    expect(deepGradientCheck(p, wrong, X, Y, m).relativeError).toBeGreaterThan(1e-3);
  });
});
