import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activationNames, getActivation, sigmoid } from '../../src/engine/activations.ts';
import { gradientCheck } from '../../src/engine/gradcheck.ts';
import { initializeSeeded, initializers } from '../../src/engine/initializers.ts';
import { createRandom, randomSample } from '../../src/engine/random.ts';
import { createWorkspace, forward, type NetworkActivations, type Parameters } from '../../src/engine/network.ts';

/**
 * Whether a finite difference can check this network: no hidden pre-activation within 1e-3 of a
 * ReLU kink at 0 (no derivative there), and no output within 1e-3 of 0 or 1 (1 − A cancels in the
 * cost's log, so the difference loses the digits the check needs).
 */
function wellConditioned(p: Parameters, g: NetworkActivations, X: Float64Array, m: number, kinked: boolean): boolean {
  const ws = createWorkspace(p.layers, m);
  forward(p, g, X, ws);
  const L = p.layers.length - 1;
  for (let l = 1; kinked && l < L; l++) if (ws.Z[l].some((z) => Math.abs(z) <= 1e-3)) return false;
  return ws.A[L].every((a) => a > 1e-3 && a < 1 - 1e-3);
}

describe('gradient check', () => {
  for (const name of activationNames) {
    it(`backprop matches finite differences for ${name} hidden units (relative error < 1e-7)`, () => {
      fc.assert(fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (hidden, seed) => {
          const layers = [2, ...hidden, 1];
          const m = 7;
          const rng = createRandom(seed);
          const X = Float64Array.from({ length: 2 * m }, () => 4 * randomSample(rng) - 2);
          const Y = Float64Array.from({ length: m }, () => (randomSample(rng) < 0.5 ? 0 : 1));
          const p = initializeSeeded(layers, initializers.glorot, seed);
          for (let l = 1; l < layers.length; l++) p.b[l].forEach((_, i) => { p.b[l][i] = 0.3 * (randomSample(rng) - 0.5); });
          const g = { hidden: getActivation(name), output: sigmoid };
          fc.pre(wellConditioned(p, g, X, m, name.includes('relu')));
          const result = gradientCheck(p, g, X, Y, m);
          // A gradient under 1e-2 (a saturated net) is below the centred difference's round-off (~1e-10 each): no digits to compare.
          fc.pre(Math.hypot(...result.analytic) >= 1e-2);
          expect(result.relativeError).toBeLessThan(1e-7);
        },
      ), { numRuns: 25 });
    });
  }

  it('catches a wrong gradient', () => {
    // A sigmoid hidden layer checked as if it were linear: the analytic gradient is wrong.
    const layers = [2, 3, 1];
    const p = initializeSeeded(layers, initializers.normal, 3, 1);
    const X = Float64Array.of(0.5, -1, 2, 1, 0.3, -0.7);
    const Y = Float64Array.of(1, 0, 1);
    const wrong = { hidden: { ...getActivation('sigmoid'), df: getActivation('linear').df }, output: sigmoid };
    expect(gradientCheck(p, wrong, X, Y, 3).relativeError).toBeGreaterThan(1e-3);
  });
});
