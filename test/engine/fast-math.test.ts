import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expFast, expInRange } from '../../src/engine/fast-math.ts';

describe('expFast', () => {
  it('is within 2 ulp of Math.exp inside its range', () => {
    fc.assert(fc.property(fc.double({ min: -699, max: 699, noNaN: true }), (x) => {
      const want = Math.exp(x);
      expect(Math.abs(expInRange(x) - want)).toBeLessThanOrEqual(2 * want * Number.EPSILON);
    }), { numRuns: 5000 });
  });

  it('falls back to Math.exp for overflow, underflow and NaN', () => {
    expect(expFast(0)).toBe(1);
    expect(expFast(1000)).toBe(Infinity);
    expect(expFast(-1000)).toBe(0);
    expect(expFast(NaN)).toBeNaN();
    expect(expFast(-710)).toBe(Math.exp(-710));
  });
});
