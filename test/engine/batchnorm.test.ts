import { describe, expect, it } from 'vitest';
import { BATCH_NORM_EPSILON, BATCH_NORM_MOMENTUM, batchNorm, createBatchStats } from '../../src/engine/batchnorm.ts';

const rows = 2;
const m = 4;
const Z = Float64Array.from([1, 2, 3, 6, -5, -5, -5, -5]);
const gamma = Float64Array.from([2, 1]);
const beta = Float64Array.from([0.5, -1]);

describe('batch normalization (Ioffe & Szegedy 2015)', () => {
  it('uses the paper\'s ε as PyTorch and cuDNN set it, and PyTorch\'s momentum', () => {
    expect(BATCH_NORM_EPSILON).toBe(1e-5);
    expect(BATCH_NORM_MOMENTUM).toBe(0.1);
  });

  it('standardizes each unit over the batch, then scales by γ and shifts by β', () => {
    const stats = createBatchStats(rows);
    const Zhat = new Float64Array(rows * m);
    const Y = new Float64Array(rows * m);
    batchNorm.f(Z, gamma, beta, stats, Zhat, Y, rows, m);
    expect([...stats.mean]).toEqual([3, -5]);
    expect([...stats.variance]).toEqual([3.5, 0]);
    const row0 = [...Zhat.subarray(0, 4)];
    expect(row0.reduce((a, b) => a + b) / m).toBeCloseTo(0, 14);
    expect(row0.reduce((a, b) => a + b * b, 0) / m).toBeCloseTo(3.5 / (3.5 + 1e-5), 14);
    expect(Y[0]).toBeCloseTo(2 * ((1 - 3) / Math.sqrt(3.5 + 1e-5)) + 0.5, 14);
    // A constant unit has no variance: ε keeps Ẑ at 0 instead of 0/0, so Y = β.
    expect([...Y.subarray(4)]).toEqual([-1, -1, -1, -1]);
  });

  it('folds batch statistics into running ones with the unbiased variance, and predicts with them', () => {
    const stats = createBatchStats(rows);
    batchNorm.f(Z, gamma, beta, stats, new Float64Array(8), new Float64Array(8), rows, m);
    const mean = Float64Array.from([0, 0]);
    const variance = Float64Array.from([1, 1]);
    batchNorm.updateRunning(stats, mean, variance, rows, m);
    expect([...mean]).toEqual([0.1 * 3, 0.1 * -5]);
    expect(variance[0]).toBeCloseTo(0.9 + 0.1 * 3.5 * (4 / 3), 15);
    const Y = new Float64Array(8);
    batchNorm.inference(Z, gamma, beta, mean, variance, Y, rows, m);
    expect(Y[1]).toBeCloseTo(2 * ((2 - 0.3) / Math.sqrt(variance[0] + 1e-5)) + 0.5, 14);
  });

  it('backward matches centred differences of Σ c·Y for a fixed c (dY = m·c, the engine\'s convention)', () => {
    const c = Float64Array.from([0.3, -1, 2, 0.5, 1, -0.2, 0.7, 0.1]);
    const loss = (z: Float64Array, g: Float64Array, b: Float64Array) => {
      const Y = new Float64Array(8);
      batchNorm.f(z, g, b, createBatchStats(rows), new Float64Array(8), Y, rows, m);
      return Y.reduce((s, y, i) => s + c[i] * y, 0);
    };
    const Zv = Float64Array.from([1, 2, 3, 6, -5, 0.5, 2, -1]);
    const stats = createBatchStats(rows);
    const Zhat = new Float64Array(8);
    batchNorm.f(Zv, gamma, beta, stats, Zhat, new Float64Array(8), rows, m);
    const dY = c.map((v) => v * m);
    const dZ = new Float64Array(8);
    const dG = new Float64Array(2);
    const dB = new Float64Array(2);
    batchNorm.df(dY, Zhat, gamma, stats, dZ, dG, dB, rows, m);
    const h = 1e-6;
    const numeric = (x: Float64Array, i: number) => {
      const p = x.slice(); p[i] += h;
      const q = x.slice(); q[i] -= h;
      return [p, q];
    };
    for (let i = 0; i < 8; i++) {
      const [p, q] = numeric(Zv, i);
      expect(dZ[i] / m).toBeCloseTo((loss(p, gamma, beta) - loss(q, gamma, beta)) / (2 * h), 7);
    }
    for (let i = 0; i < 2; i++) {
      const [gp, gq] = numeric(gamma, i);
      expect(dG[i]).toBeCloseTo((loss(Zv, gp, beta) - loss(Zv, gq, beta)) / (2 * h), 7);
      const [bp, bq] = numeric(beta, i);
      expect(dB[i]).toBeCloseTo((loss(Zv, gamma, bp) - loss(Zv, gamma, bq)) / (2 * h), 7);
    }
  });
});
