import { describe, expect, it } from 'vitest';
import { getActivation } from '../../src/engine/activations.ts';
import { frobeniusNorm, histogram, layerStats, symmetryDistance } from '../../src/engine/stats.ts';

describe('stats', () => {
  it('computes the Frobenius norm without overflow', () => {
    expect(frobeniusNorm(Float64Array.of(3, 4))).toBe(5);
    expect(frobeniusNorm(Float64Array.of(3e200, 4e200))).toBeCloseTo(5e200, -190);
    expect(frobeniusNorm(Float64Array.of(3e-200, 4e-200)) / 5e-200).toBeCloseTo(1, 12);
    expect(frobeniusNorm(new Float64Array(3))).toBe(0);
    expect(frobeniusNorm(Float64Array.of(1, Infinity))).toBe(Infinity);
  });

  it('measures mean, spread and saturation', () => {
    const Z = Float64Array.of(-10, 0, 10, 0);
    const A = Z.map(Math.tanh);
    const s = layerStats(Z, A, getActivation('tanh'), 4);
    expect(s.mean).toBeCloseTo(0, 12);
    expect(s.saturated).toBe(0.5);
    expect(s.zStd).toBeCloseTo(Math.sqrt(50), 12);
    expect(layerStats(Z, Z.map((z) => Math.max(0, z)), getActivation('relu'), 4).saturated).toBe(0.75);
  });

  it('measures the largest distance between units', () => {
    expect(symmetryDistance(Float64Array.of(1, 2, 1, 2, 1, 2), Float64Array.of(0, 0, 0), 3, 2)).toBe(0);
    expect(symmetryDistance(Float64Array.of(0, 0, 3, 4), Float64Array.of(0, 0), 2, 2)).toBe(5);
  });

  it('bins values, clamping the ends and skipping non-finite ones', () => {
    expect(histogram(Float64Array.of(-5, 0.1, 0.6, 0.9, 7, NaN), 6, 2, 0, 1).counts).toEqual([2, 3]);
    expect(() => histogram(new Float64Array(1), 1, 0, 0, 1)).toThrow(/bins/);
  });

  it('gives the standard deviation of the finite values, those outside the bins included', () => {
    // Mean 2, squared deviations 9, 1, 1, 9: population variance 5. The 99 lies past `length`.
    expect(histogram(Float64Array.of(-1, 1, 3, 5, NaN, 99), 5, 4, 0, 4).std).toBe(Math.sqrt(5));
    // A spread far below one bin's width (1/20 here) is still measured, not rounded to the bins.
    const tiny = histogram(Float64Array.of(1e-9, -1e-9, 3e-9, -3e-9), 4, 40, -1, 1);
    expect(tiny.counts[19] + tiny.counts[20]).toBe(4);
    expect(tiny.std).toBeCloseTo(Math.sqrt(5) * 1e-9, 20);
    expect(histogram(Float64Array.of(NaN, Infinity), 2, 2, 0, 1).std).toBeNaN();
  });
});
