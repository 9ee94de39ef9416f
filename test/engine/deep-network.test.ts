import { describe, expect, it } from 'vitest';
import { getActivation, sigmoid, tanh } from '../../src/engine/activations.ts';
import { createDeepWorkspace, deepForward, deepSlots, initializeDeep, remedyLayers } from '../../src/engine/deep-network.ts';
import { initializers, initializeSeeded } from '../../src/engine/initializers.ts';
import { createWorkspace, forward } from '../../src/engine/network.ts';
import { createRandom } from '../../src/engine/random.ts';

const g = { hidden: tanh, output: sigmoid };
const X = Float64Array.from([0.5, -1, 2, 0.1, 0.3, -0.7]); // 2 × 3

describe('deep network', () => {
  it('registers its pieces under their standard names, each with f and df', () => {
    expect(Object.keys(remedyLayers)).toEqual(['batchnorm', 'residual']);
    for (const [name, piece] of Object.entries(remedyLayers)) {
      expect(piece.name).toBe(name);
      expect(typeof piece.f).toBe('function');
      expect(typeof piece.df).toBe('function');
    }
  });

  it('without remedies, draws and computes exactly what the plain network does', () => {
    const layers = [2, 4, 4, 1];
    const p = initializeDeep(layers, { residual: 'none', batchNorm: false }, initializers.lecun, createRandom(42));
    const plain = initializeSeeded(layers, initializers.lecun, 42);
    expect(p.W).toEqual(plain.W);
    const ws = createDeepWorkspace(p, 3);
    ws.A[0].set(X);
    deepForward(p, g, ws, 3, 'train');
    const pw = createWorkspace(layers, 3);
    forward(plain, g, X, pw);
    expect(ws.A[3]).toEqual(pw.A[3]);
  });

  it('places skips where widths match (identity) or everywhere with projections, drawn after all W', () => {
    const layers = [2, 4, 4, 3, 1];
    const id = initializeDeep(layers, { residual: 'identity', batchNorm: false }, initializers.he, createRandom(1));
    expect(id.skip).toEqual([false, false, true, false, false]);
    expect(id.P.every((P) => P === null)).toBe(true);
    const proj = initializeDeep(layers, { residual: 'projection', batchNorm: false }, initializers.he, createRandom(1));
    expect(proj.skip).toEqual([false, true, true, true, false]);
    expect(proj.P.map((P) => P?.length ?? 0)).toEqual([0, 8, 0, 12, 0]);
    expect(proj.W).toEqual(id.W);
  });

  it('with batch norm: γ = 1, β = 0, running mean 0 and variance 1; no bias slot on normalized layers', () => {
    const p = initializeDeep([2, 3, 3, 1], { residual: 'none', batchNorm: true }, initializers.glorot, createRandom(2));
    expect([...p.gamma[1]]).toEqual([1, 1, 1]);
    expect([...p.runningVar[2]]).toEqual([1, 1, 1]);
    expect(p.gamma[3].length).toBe(0);
    const names = deepSlots(p, createDeepWorkspace(p, 4)).map((s) => s.name);
    expect(names).toEqual(['W1', 'gamma1', 'beta1', 'W2', 'gamma2', 'beta2', 'W3', 'b3']);
  });

  it('predicts with running statistics, trains with batch statistics', () => {
    const p = initializeDeep([2, 3, 1], { residual: 'none', batchNorm: true }, initializers.glorot, createRandom(2));
    const ws = createDeepWorkspace(p, 3);
    ws.A[0].set(X);
    deepForward(p, { hidden: getActivation('linear'), output: sigmoid }, ws, 3, 'predict');
    const Zrow = [...ws.Z[1].subarray(0, 3)];
    expect(ws.Y[1][0]).toBeCloseTo(Zrow[0] / Math.sqrt(1 + 1e-5), 14);
    deepForward(p, { hidden: getActivation('linear'), output: sigmoid }, ws, 3, 'train', true);
    expect(ws.Y[1][0] + ws.Y[1][1] + ws.Y[1][2]).toBeCloseTo(0, 14);
    expect(p.runningMean[1][0]).toBeCloseTo(0.1 * (Zrow[0] + Zrow[1] + Zrow[2]) / 3, 14);
  });

  it('rejects a batch larger than its buffers', () => {
    const p = initializeDeep([2, 3, 1], { residual: 'none', batchNorm: false }, initializers.glorot, createRandom(2));
    expect(() => deepForward(p, g, createDeepWorkspace(p, 2), 3, 'train')).toThrow(/m must be an integer from 1 to 2, got 3/);
  });
});
