import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dd, ddAdd, ddDiv, ddMul, twoProduct, twoSum } from '../../src/engine/double-double.ts';

/** x·2^k as an exact BigInt (x·2^k must be an integer: scaling by a power of two is exact). */
const big = (x: number, k: number): bigint => BigInt(x * 2 ** k);
const operand = fc.tuple(fc.double({ min: 2 ** -20, max: 2 ** 20, noNaN: true }), fc.boolean()).map(([x, neg]) => (neg ? -x : x));

describe('double-double arithmetic', () => {
  it('twoSum and twoProduct are exact (checked in BigInt)', () => {
    fc.assert(fc.property(operand, operand, (a, b) => {
      twoSum(a, b);
      expect(big(dd[0], 72) + big(dd[1], 72)).toBe(big(a, 72) + big(b, 72));
      twoProduct(a, b);
      expect(big(dd[0], 144) + big(dd[1], 144)).toBe(big(a, 72) * big(b, 72));
    }), { numRuns: 1000 });
  });

  it('carries about 106 bits: (1/3)·3 = 1 and 1/10 + 2/10 = 3/10 to 2^−100', () => {
    ddDiv(1, 0, 3, 0);
    ddMul(dd[0], dd[1], 3, 0);
    expect(dd[0]).toBe(1);
    expect(Math.abs(dd[1])).toBeLessThan(2 ** -100);
    ddDiv(1, 0, 10, 0);
    const [h1, l1] = [dd[0], dd[1]];
    ddDiv(3, 0, 10, 0);
    const [h3, l3] = [dd[0], dd[1]];
    ddAdd(h1, l1, h1, l1);
    ddAdd(dd[0], dd[1], h1, l1);
    ddAdd(dd[0], dd[1], -h3, -l3);
    expect(Math.abs(dd[0] + dd[1])).toBeLessThan(2 ** -100);
  });
});
