import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRandom } from '../../src/engine/random.ts';
import { gatherColumns, permutation, randomInterval } from '../../src/engine/shuffle.ts';
import reference from '../fixtures/remedies-reference.json';

describe('permutation', () => {
  it('reproduces np.random.permutation(n) on the legacy generator, draw after draw', () => {
    const rng = createRandom(reference.permutation.seed);
    reference.permutation.sizes.forEach((n, k) => {
      expect([...permutation(rng, new Int32Array(n))]).toEqual(reference.permutation.permutations[k]);
    });
  });

  it('is a permutation of 0..n−1 for any seed and size', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 300 }), (seed, n) => {
      const p = permutation(createRandom(seed), new Int32Array(n));
      expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    }));
  });
});

describe('randomInterval', () => {
  it('stays in [0, max] and consumes nothing for max = 0', () => {
    const rng = createRandom(5);
    for (const max of [1, 2, 3, 7, 8, 999, 2 ** 31, 2 ** 32 - 1]) {
      for (let k = 0; k < 50; k++) {
        const v = randomInterval(rng, max);
        expect(v >= 0 && v <= max && Number.isInteger(v)).toBe(true);
      }
    }
    const a = createRandom(9);
    const b = createRandom(9);
    expect(randomInterval(a, 0)).toBe(0);
    expect(randomInterval(a, 10)).toBe(randomInterval(b, 10));
  });

  it('rejects bounds numpy would send down its 64-bit path or that are not integers', () => {
    expect(() => randomInterval(createRandom(1), 2 ** 32)).toThrow(/max must be an integer from 0 to 4294967295/);
    expect(() => randomInterval(createRandom(1), 1.5)).toThrow(RangeError);
  });
});

describe('gatherColumns', () => {
  it('copies X[:, order[start:start+count]] row by row', () => {
    const X = Float64Array.from([0, 1, 2, 3, 10, 11, 12, 13]);
    const out = new Float64Array(6);
    gatherColumns(X, 2, 4, Int32Array.from([3, 1, 0, 2]), 1, 2, out);
    expect([...out.subarray(0, 4)]).toEqual([1, 0, 11, 10]);
    expect(() => gatherColumns(X, 2, 4, Int32Array.from([0, 1, 2, 3]), 0, 4, out)).toThrow(/needs 2 × 4/);
  });
});
