import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activationNames, activations, getActivation, isActivationName } from '../../src/engine/activations.ts';

const apply = (name: string, z: number) => {
  const a = new Float64Array(1);
  getActivation(name).f(Float64Array.of(z), a, 1);
  return a[0];
};
const slopeByKernel = (name: string, z: number) => {
  const g = getActivation(name);
  const a = new Float64Array(1);
  const dZ = new Float64Array(1);
  g.f(Float64Array.of(z), a, 1);
  g.df(Float64Array.of(z), a, Float64Array.of(1), dZ, 1);
  return dZ[0];
};

describe('activations', () => {
  it('registers every activation under the name users type', () => {
    expect(activationNames).toEqual(['sigmoid', 'tanh', 'relu', 'leaky-relu', 'linear']);
    for (const name of activationNames) expect(activations[name].name).toBe(name);
    expect(isActivationName('__proto__')).toBe(false);
    expect(() => getActivation('softmax')).toThrow('unknown activation "softmax"; allowed: sigmoid, tanh, relu, leaky-relu, linear');
  });

  it('computes the textbook values', () => {
    expect(apply('sigmoid', 0)).toBe(0.5);
    expect(apply('tanh', 0)).toBe(0);
    expect(apply('tanh', 25)).toBe(1);
    expect(apply('tanh', -25)).toBe(-1);
    expect(apply('relu', -2)).toBe(0);
    expect(apply('relu', 2)).toBe(2);
    expect(apply('leaky-relu', -2)).toBe(-0.02);
    expect(apply('linear', -3.5)).toBe(-3.5);
  });

  it('agrees with Math.tanh and the logistic function to a few ulp', () => {
    fc.assert(fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (z) => {
      expect(Math.abs(apply('tanh', z) - Math.tanh(z))).toBeLessThanOrEqual(4e-16);
      expect(Math.abs(apply('sigmoid', z) - 1 / (1 + Math.exp(-z)))).toBeLessThanOrEqual(4e-16);
    }), { numRuns: 3000 });
  });

  it('ships a derivative that matches a centred difference', () => {
    for (const name of activationNames) {
      fc.assert(fc.property(fc.double({ min: -4, max: 4, noNaN: true }).filter((z) => Math.abs(z) > 1e-3), (z) => {
        const h = 1e-6;
        const numeric = (apply(name, z + h) - apply(name, z - h)) / (2 * h);
        expect(slopeByKernel(name, z)).toBeCloseTo(numeric, 6);
        const g = getActivation(name);
        expect(g.slope(z, apply(name, z))).toBeCloseTo(numeric, 6);
        expect(g.slope(z, apply(name, z))).toBeLessThanOrEqual(g.maxSlope);
      }), { numRuns: 200 });
    }
  });

  it('handles the sigmoid far outside the fast range', () => {
    expect(apply('sigmoid', 800)).toBe(1);
    expect(apply('sigmoid', -800)).toBe(0);
    expect(apply('sigmoid', NaN)).toBeNaN();
  });
});
