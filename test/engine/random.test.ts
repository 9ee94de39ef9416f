import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRandom, fillStandardNormal, nextUint32, randomSample, reseed, standardNormal } from '../../src/engine/random.ts';
import numpy from '../fixtures/numpy-seed42.json';

describe('numpy-compatible generator', () => {
  it('gives the seed-42 normals the issue quotes, bit for bit', () => {
    const rng = createRandom(42);
    expect([standardNormal(rng), standardNormal(rng), standardNormal(rng), standardNormal(rng)]).toEqual([
      0.4967141530112327, -0.13826430117118466, 0.6476885381006925, 1.5230298564080254,
    ]);
  });

  it('matches numpy random_sample bit for bit (1000 draws)', () => {
    const rng = createRandom(42);
    for (const expected of numpy.random_sample_seed42) expect(randomSample(rng)).toBe(expected);
  });

  it('matches numpy randn bit for bit on the first 76 draws and to 1 ulp on 1000', () => {
    const draws = fillStandardNormal(createRandom(42), new Float64Array(1000));
    // glibc's log (which numpy's legacy_gauss calls) is not correctly rounded at draw 76's input; ours is.
    for (let i = 0; i < 76; i++) expect(draws[i]).toBe(numpy.randn_seed42[i]);
    let differing = 0;
    numpy.randn_seed42.forEach((v, i) => {
      if (draws[i] !== v) differing++;
      expect(Math.abs(draws[i] - v)).toBeLessThanOrEqual(Math.abs(v) * Number.EPSILON);
    });
    expect(differing).toBeLessThanOrEqual(2);
  });

  it('uses MT19937 init_genrand: first word of seed 5489 is 3499211612', () => {
    expect(nextUint32(createRandom(5489))).toBe(3499211612);
  });

  it('clears the cached normal when re-seeded', () => {
    const rng = createRandom(42);
    standardNormal(rng); // caches the pair's second value
    expect(rng.hasGauss).toBe(true);
    reseed(rng, 42);
    expect(rng.hasGauss).toBe(false);
    expect(standardNormal(rng)).toBe(0.4967141530112327);
  });

  it('rejects seeds numpy rejects', () => {
    for (const bad of [-1, 2 ** 32, 1.5, NaN]) expect(() => createRandom(bad)).toThrow(RangeError);
  });

  it('stays in range and is reproducible for any seed', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
      const a = createRandom(seed);
      const b = createRandom(seed);
      for (let i = 0; i < 20; i++) {
        const u = randomSample(a);
        expect(u).toBeGreaterThanOrEqual(0);
        expect(u).toBeLessThan(1);
        expect(randomSample(b)).toBe(u);
      }
    }), { numRuns: 50 });
  });
});
