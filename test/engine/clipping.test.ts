import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clipNorm, clipValue, getClipper } from '../../src/engine/clipping.ts';
import { globalGradientNorm, type Slot } from '../../src/engine/slots.ts';

const slotsOf = (...grads: number[][]): Slot[] => grads.map((g, k) => ({ name: `W${k + 1}`, value: new Float64Array(g.length), grad: Float64Array.from(g) }));
const gradients = fc.array(fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 5 });
const threshold = fc.double({ min: 1e-6, max: 1e6, noNaN: true });

describe('clipping by global norm (Pascanu et al. 2013)', () => {
  it('never lets the global norm exceed its threshold, and keeps the direction', () => {
    fc.assert(fc.property(gradients, threshold, (grads, c) => {
      const slots = slotsOf(...grads);
      const before = globalGradientNorm(slots);
      const clipped = clipNorm.apply(slots, c);
      const after = globalGradientNorm(slots);
      expect(after).toBeLessThanOrEqual(c);
      expect(clipped).toBe(before > c);
      if (!clipped) expect(slots.map((s) => [...s.grad])).toEqual(grads);
      else slots.forEach((s, k) => s.grad.forEach((v, i) => expect(v).toBeCloseTo(grads[k][i] * (c / before), 6)));
    }), { numRuns: 500 });
  });

  it('scales [3, 4] with threshold 1 to [0.6, 0.8]', () => {
    const slots = slotsOf([3], [4]);
    expect(clipNorm.apply(slots, 1)).toBe(true);
    expect([slots[0].grad[0], slots[1].grad[0]]).toEqual([0.6000000000000001, 0.8]);
  });
});

describe('clipping by value', () => {
  it('bounds every component by the threshold and changes nothing inside it', () => {
    fc.assert(fc.property(gradients, threshold, (grads, c) => {
      const slots = slotsOf(...grads);
      const changed = clipValue.apply(slots, c);
      slots.forEach((s, k) => s.grad.forEach((v, i) => expect(v).toBe(Math.min(c, Math.max(-c, grads[k][i])))));
      expect(changed).toBe(grads.flat().some((g) => Math.abs(g) > c));
    }), { numRuns: 300 });
  });
});

describe('registry', () => {
  it('looks rules up by name and lists the allowed names otherwise', () => {
    expect(getClipper('norm')).toBe(clipNorm);
    expect(getClipper('value')).toBe(clipValue);
    expect(() => getClipper('__proto__')).toThrow(/unknown clipping rule "__proto__"; allowed: norm, value/);
  });
});
