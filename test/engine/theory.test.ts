import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../../src/engine/config.ts';
import { planar } from '../../src/engine/datasets.ts';
import { initializers } from '../../src/engine/initializers.ts';
import { deepLinearGradients, depthLimit, predictedPreactivationVariance, secondMoment, varianceAtInitialization } from '../../src/engine/theory.ts';
import { createTrainer, step } from '../../src/engine/train.ts';

const data = planar.generate();

describe('deep linear network', () => {
  for (const a of [0.5, 1, 1.5]) {
    for (const L of [2, 5, 10, 30]) {
      it(`backprop ‖dW[l]‖ equals a^(L−2)·‖dZ[L](W[1]X)ᵀ‖/m to 1e-9 for a = ${a}, L = ${L}`, () => {
        const r = deepLinearGradients(a, L, data.X, data.X, 2, data.m);
        expect(r.factor).toBe(a ** (L - 2));
        r.measured.forEach((norm, i) => expect(Math.abs(norm - r.closedForm[i]) / r.closedForm[i]).toBeLessThan(1e-9));
      });
    }
  }

  for (const a of [0.5, 1, 1.5]) {
    for (const L of [2, 5, 10, 30]) {
      it(`forward ‖A[l]‖ = a^l·‖X‖ and backward ‖dZ[l]‖ = a^(L−l)·‖dZ[L]‖ to 1e-9 for a = ${a}, L = ${L}`, () => {
        const r = deepLinearGradients(a, L, data.X, data.X, 2, data.m);
        const normX = Math.sqrt(data.X.reduce((s, v) => s + v * v, 0));
        expect(r.forwardMeasured).toHaveLength(L);
        expect(r.backwardMeasured).toHaveLength(L);
        for (let l = 1; l <= L; l++) {
          expect(r.forwardClosedForm[l - 1]).toBeCloseTo(a ** l * normX, 6);
          expect(r.backwardClosedForm[l - 1]).toBeCloseTo(a ** (L - l) * normX, 6);
          expect(Math.abs(r.forwardMeasured[l - 1] / r.forwardClosedForm[l - 1] - 1), `A[${l}]`).toBeLessThan(1e-9);
          expect(Math.abs(r.backwardMeasured[l - 1] / r.backwardClosedForm[l - 1] - 1), `dZ[${l}]`).toBeLessThan(1e-9);
        }
        // ‖dW[l]‖ = a^(L−1)·base at every layer, the constant depthLimit is given.
        expect(Math.abs(r.closedForm[0] / (a ** (L - 1) * r.base) - 1)).toBeLessThan(1e-12);
      });
    }
  }

  it('keeps ‖dW[l]‖ flat in l while the forward signal grows and the backward signal shrinks with l (a = 1.5)', () => {
    const r = deepLinearGradients(1.5, 10, data.X, data.X, 2, data.m);
    for (let l = 1; l < 10; l++) {
      expect(r.forwardMeasured[l] / r.forwardMeasured[l - 1]).toBeCloseTo(1.5, 12);
      expect(r.backwardMeasured[l - 1] / r.backwardMeasured[l]).toBeCloseTo(1.5, 12);
      expect(r.measured[l] / r.measured[0]).toBeCloseTo(1, 12);
    }
  });

  it('tells where the gradient leaves double and single precision', () => {
    // 1.5^(L−1) first exceeds 1.797e308 at L − 1 = 1751.
    expect(depthLimit(1.5, 1, 'float64').overflow).toBe(1752);
    expect(1.5 ** 1750).toBeLessThan(Number.MAX_VALUE);
    expect(1.5 ** 1751).toBe(Infinity);
    expect(depthLimit(0.5, 1, 'float32').underflow).toBe(128);
    expect(depthLimit(1, 1, 'float64')).toEqual({ overflow: null, underflow: null });
  });
});

describe('variance rule Var(z[l]) ≈ n[l−1]·Var(W[l])·E[a[l−1]²]', () => {
  for (const [init, hidden] of [['lecun', 'tanh'], ['he', 'relu']] as const) {
    it(`predicts the measured variance within 20 % at width 32, depth 10 (${init} + ${hidden}, 16 draws)`, () => {
      const layers = [2, ...Array(10).fill(32), 1];
      const seeds = Array.from({ length: 16 }, (_, i) => 42 + i);
      const { measured, predicted } = varianceAtInitialization(data, layers, hidden, initializers[init], 0, seeds);
      for (let l = 0; l < 10; l++) {
        expect(Math.abs(predicted[l] - measured[l]) / measured[l], `layer ${l + 1}`).toBeLessThan(0.2);
      }
    });
  }

  it('matches one draw through the trainer\'s own statistics', () => {
    const layers = [2, 8, 8, 1];
    const t = createTrainer(data, { ...DEFAULT_TRAIN_CONFIG, layers, iterations: 1, recordEvery: 1 });
    step(t, 1);
    const one = varianceAtInitialization(data, layers, 'tanh', initializers.lecun, 0, [42]);
    expect(one.measured[0]).toBeCloseTo(t.history.activationStats[0][0].zStd ** 2, 12);
    expect(one.predicted).toEqual(predictedPreactivationVariance(layers, initializers.lecun, 0, t.history.activationStats[0], secondMoment(data.X)));
  });
});
