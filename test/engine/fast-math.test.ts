import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EXP2_FRACTION, EXP2_FRACTION_LO, expFast, expInRange } from '../../src/engine/fast-math.ts';

/** True when d (in [1, 2)) is the double nearest 2^(j/64): (2M − 1)^64 < 2^(j + 53·64) < (2M + 1)^64 for d = M·2^−52, in exact integers. */
function isCorrectlyRounded2Pow(d: number, j: number): boolean {
  const M = BigInt(d * 2 ** 52);
  const target = 1n << BigInt(j + 53 * 64);
  return (2n * M - 1n) ** 64n < target && target < (2n * M + 1n) ** 64n;
}

describe('expFast', () => {
  it('has a table of the correctly rounded 2^(j/64), proved in exact integer arithmetic', () => {
    expect(EXP2_FRACTION).toHaveLength(64);
    expect(EXP2_FRACTION[0]).toBe(1);
    for (let j = 1; j < 64; j++) expect(isCorrectlyRounded2Pow(EXP2_FRACTION[j], j), `2^(${j}/64)`).toBe(true);
    // The check has teeth: one ulp either way fails (j = 30 is where Node 22's Math.pow(2, 30/64) is 1 ulp low).
    const d = EXP2_FRACTION[30];
    expect(isCorrectlyRounded2Pow(d - 2 ** -52, 30)).toBe(false);
    expect(isCorrectlyRounded2Pow(d + 2 ** -52, 30)).toBe(false);
  });

  it('has low parts that make each entry 2^(j/64) to within 2^−104, proved in exact integer arithmetic', () => {
    const K = 120n; // (hi + lo)·2^120 is an integer for every entry
    for (let j = 0; j < 64; j++) {
      const S = BigInt(EXP2_FRACTION[j] * 2 ** 60) * 2n ** 60n + BigInt(EXP2_FRACTION_LO[j] * 2 ** 120);
      const target = 1n << (BigInt(j) + 64n * K);
      const d = 1n << (K - 104n);
      expect((S - d) ** 64n <= target && target <= (S + d) ** 64n, `2^(${j}/64)`).toBe(true);
    }
  });

  it('is within 1 ulp of Math.exp inside its range', () => {
    fc.assert(fc.property(fc.double({ min: -699, max: 699, noNaN: true }), (x) => {
      const want = Math.exp(x);
      expect(Math.abs(expInRange(x) - want)).toBeLessThanOrEqual(want * Number.EPSILON);
    }), { numRuns: 5000 });
  });

  it('overflows, underflows through the subnormals and passes NaN without Math.exp', () => {
    expect(expFast(0)).toBe(1);
    expect(expFast(709.8)).toBe(Infinity);
    expect(expFast(1e4)).toBe(Infinity);
    expect(expFast(-745.2)).toBe(0);
    expect(expFast(-1e4)).toBe(0);
    expect(expFast(-745)).toBe(5e-324);
    expect(expFast(NaN)).toBeNaN();
    for (const x of [-744, -720, -708, -700.5, 700.5, 709.7]) {
      expect(Math.abs(expFast(x) - Math.exp(x)), `x = ${x}`).toBeLessThanOrEqual(4 * Math.exp(x) * Number.EPSILON + 5e-324);
    }
  });
});
