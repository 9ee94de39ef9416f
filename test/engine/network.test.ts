import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activationNames, getActivation, sigmoid } from '../../src/engine/activations.ts';
import {
  backward, binaryCrossEntropy, checkLayers, cloneParameters, createParameters, createWorkspace, forward,
  predict, update,
} from '../../src/engine/network.ts';
import { initializeSeeded, initializers } from '../../src/engine/initializers.ts';
import { preciseLog } from '../../src/engine/precise-log.ts';

const layerSizes = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 0, maxLength: 3 }).map((hidden) => [2, ...hidden, 1]);

describe('network', () => {
  it('keeps W[l] n[l] × n[l−1] and A[l] n[l] × m for any layer sizes', () => {
    fc.assert(fc.property(layerSizes, fc.integer({ min: 1, max: 20 }), (layers, m) => {
      const p = createParameters(layers);
      const ws = createWorkspace(layers, m);
      for (let l = 1; l < layers.length; l++) {
        expect(p.W[l].length).toBe(layers[l] * layers[l - 1]);
        expect(p.b[l].length).toBe(layers[l]);
        expect(ws.A[l].length).toBe(layers[l] * m);
        expect(ws.dW[l].length).toBe(p.W[l].length);
      }
      const g = { hidden: getActivation('tanh'), output: sigmoid };
      forward(p, g, new Float64Array(2 * m).fill(0.5), ws);
      backward(p, g, new Float64Array(m).fill(1), ws);
      expect(ws.A[layers.length - 1].every((a) => a === 0.5)).toBe(true);
    }), { numRuns: 100 });
  });

  it('gives cost ln 2 for zero weights, and predicts 0 (A = 0.5 is not > 0.5)', () => {
    const p = createParameters([2, 3, 1]);
    const ws = createWorkspace([2, 3, 1], 4);
    const g = { hidden: getActivation('tanh'), output: sigmoid };
    forward(p, g, Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8), ws);
    expect(binaryCrossEntropy(ws.A[2], Float64Array.of(0, 1, 0, 1), 4)).toBeCloseTo(Math.LN2, 15);
    expect(Array.from(predict(p, g, Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8), ws, new Uint8Array(4)))).toEqual([0, 0, 0, 0]);
  });

  it('binary cross-entropy takes one log per example yet gives the bits of the full formula, NaN and ±∞ included', () => {
    const full = (AL: Float64Array, Y: Float64Array) => {
      let s = 0;
      for (let j = 0; j < AL.length; j++) s += -(Y[j] * preciseLog(AL[j]) + (1 - Y[j]) * preciseLog(1 - AL[j]));
      return s / AL.length;
    };
    const a = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 2 ** -60, 1 - 2 ** -53, NaN, -0.5, 1.5));
    const y = fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true }));
    fc.assert(fc.property(fc.array(fc.tuple(a, y), { minLength: 1, maxLength: 8 }), (pairs) => {
      const AL = Float64Array.from(pairs, ([v]) => v);
      const Y = Float64Array.from(pairs, ([, v]) => v);
      expect(Object.is(binaryCrossEntropy(AL, Y, AL.length), full(AL, Y))).toBe(true);
    }), { numRuns: 3000 });
  });

  it('refuses a non-finite step and leaves the parameters as they were', () => {
    const p = initializeSeeded([2, 3, 1], initializers.lecun, 1);
    const before = cloneParameters(p);
    const ws = createWorkspace([2, 3, 1], 1);
    ws.dW[2][1] = Infinity;
    expect(update(p, ws, 0.1)).toBe(false);
    expect(p).toEqual(before);
    ws.dW[2][1] = 1;
    expect(update(p, ws, 0.5)).toBe(true);
    expect(p.W[2][1]).toBe(before.W[2][1] - 0.5);
  });

  it('names bad sizes', () => {
    expect(() => checkLayers([2])).toThrow(/at least an input and an output/);
    expect(() => checkLayers([2, 0, 1])).toThrow(/integers from 1 to 1024/);
    expect(() => forward(createParameters([2, 1]), { hidden: sigmoid, output: sigmoid }, new Float64Array(3), createWorkspace([2, 1], 2)))
      .toThrow('X must hold n[0] × m = 2 × 2 values, got 3');
    expect(activationNames.length).toBe(5);
  });
});
