import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/engine/random.ts';
import { getInitializer, initializeParameters, initializeSeeded, initializerNames, initializers } from '../../src/engine/initializers.ts';
import runs from '../fixtures/seed-runs.json';

describe('initializers', () => {
  it('registers the standard names', () => {
    expect(initializerNames).toEqual(['zeros', 'normal', 'lecun', 'glorot', 'he', 'constant']);
    expect(() => getInitializer('xavier')).toThrow('unknown initializer "xavier"; allowed: zeros, normal, lecun, glorot, he, constant');
  });

  it('reproduces the article\'s large init (seed 42, ×10) exactly', () => {
    const p = initializeSeeded([2, 3, 1], initializers.normal, 42, 10);
    expect(Array.from(p.W[1])).toEqual([
      4.967141530112327, -1.3826430117118464, 6.476885381006925, 15.230298564080254, -2.3415337472333597, -2.3413695694918055,
    ]);
    expect(Array.from(p.W[2])).toEqual([15.792128155073915, 7.674347291529088, -4.694743859349521]);
    expect(Array.from(p.b[1])).toEqual([0, 0, 0]);
  });

  it('uses the standard variances', () => {
    expect(initializers.lecun.std(4, 9, 0)).toBe(0.5);
    expect(initializers.he.std(8, 1, 0)).toBe(0.5);
    expect(initializers.glorot.std(3, 5, 0)).toBe(0.5);
    expect(initializers.normal.std(3, 5, 0.01)).toBe(0.01);
    expect(initializers.zeros.std(3, 5, 1)).toBe(0);
  });

  it('draws LeCun as randn·√(1/n_prev), W1 row by row then W2', () => {
    const p = initializeSeeded([2, 3, 1], initializers.lecun, 42);
    const rng = createRandom(42);
    const q = initializeParameters([2, 3, 1], initializers.normal, rng, 1);
    expect(p.W[1][0]).toBe(q.W[1][0] * Math.sqrt(1 / 2));
    expect(p.W[2][2]).toBe(q.W[2][2] * Math.sqrt(1 / 3));
  });

  it('leaves zero init at zero, like the reference', () => {
    const p = initializeSeeded([2, 3, 1], initializers.zeros, 42);
    expect(p.W.flatMap((w) => Array.from(w))).toEqual(Array(9).fill(0));
    expect(runs.runs.zero.final_parameters.W1.flat()).toEqual(Array(6).fill(0));
  });

  it('sets every weight of constant init to the scale, with no draws and zero biases', () => {
    for (const c of [0.5, -1.25, 0]) {
      const p = initializeSeeded([2, 4, 3, 1], initializers.constant, 42, c);
      for (let l = 1; l <= 3; l++) {
        expect(Array.from(p.W[l])).toEqual(Array(p.W[l].length).fill(c));
        expect(Array.from(p.b[l])).toEqual(Array(p.b[l].length).fill(0));
      }
    }
    const rng = createRandom(7);
    const before = JSON.stringify(rng);
    initializeParameters([2, 3, 1], initializers.constant, rng, 2);
    expect(JSON.stringify(rng)).toBe(before);
    expect(initializers.constant.std(3, 5, 2)).toBe(0);
    expect(getInitializer('constant').usesScale).toBe(true);
    expect(() => initializeSeeded([2, 3, 1], initializers.constant, 42, Number.NaN)).toThrow('scale must be a finite number, got NaN');
  });

  it('rejects a bad scale', () => {
    expect(() => initializeSeeded([2, 3, 1], initializers.normal, 42, -1)).toThrow(/scale must be/);
  });
});
