import { describe, expect, it } from 'vitest';
import { linspace, makeDataset, planar } from '../../src/engine/datasets.ts';
import reference from '../fixtures/planar-dataset.json';

describe('planar flower dataset', () => {
  const data = planar.generate();

  it('reproduces planar-dataset.json within 1e-12', () => {
    expect(data.m).toBe(1000);
    let worst = 0;
    for (let r = 0; r < 2; r++) {
      for (let j = 0; j < 1000; j++) worst = Math.max(worst, Math.abs(data.X[r * 1000 + j] - reference.X[r][j]));
    }
    expect(worst).toBeLessThan(1e-12);
    expect(Array.from(data.Y)).toEqual(reference.Y[0]);
  });

  it('is parameterized by count, petal radius, noise and seed', () => {
    const small = planar.generate({ m: 10, petalRadius: 2, noise: 0, seed: 3 });
    expect(small.m).toBe(10);
    expect(small.X.length).toBe(20);
    expect(Array.from(small.Y)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    // Without noise every point lies on r = 2·sin(4t) exactly: |(x, y)| = |r| ≤ 2.
    for (let j = 0; j < 10; j++) expect(Math.hypot(small.X[j], small.X[10 + j])).toBeLessThanOrEqual(2 + 1e-12);
    expect(planar.generate({ seed: 2 }).X[0]).not.toBe(data.X[0]);
  });

  it('names the bad parameter', () => {
    expect(() => planar.generate({ m: 7 })).toThrow(/m must be an even integer/);
    expect(() => planar.generate({ noise: -1 })).toThrow(/noise/);
    expect(() => makeDataset('moons')).toThrow(/unknown dataset "moons"; known: planar/);
    expect(() => makeDataset('__proto__')).toThrow(/unknown dataset/);
  });

  it('linspace matches numpy, endpoint exact', () => {
    const t = linspace(3.12, 6.24, 500);
    expect(t[0]).toBe(3.12);
    expect(t[499]).toBe(6.24);
    expect(t[1]).toBe(1 * (3.12 / 499) + 3.12);
  });
});
