import { describe, expect, it } from 'vitest';
import { residual } from '../../src/engine/residual.ts';

describe('residual connection (He et al. 2016)', () => {
  it('adds the identity or the projected input to g(Z)', () => {
    const Aprev = Float64Array.from([1, 2, 3, 4]); // 2 × 2
    const G = Float64Array.from([10, 20, 30, 40]);
    const A = new Float64Array(4);
    residual.f(Aprev, G, null, A, 2, 2, 2);
    expect([...A]).toEqual([11, 22, 33, 44]);
    const P = Float64Array.from([1, 1]); // 1 × 2
    const A1 = new Float64Array(2);
    residual.f(Aprev, Float64Array.from([0.5, 0.5]), P, A1, 1, 2, 2);
    expect([...A1]).toEqual([1 + 3 + 0.5, 2 + 4 + 0.5]);
  });

  it('passes the gradient straight through the identity (Jacobian I + ∂g/∂A) and adds Pᵀ·dA with a projection', () => {
    const dA = Float64Array.from([1, -1]);
    const dAprev = Float64Array.from([0.5, 0.5, 0.25, 0.25]);
    residual.df(Float64Array.from([1, -1, 2, 3]), new Float64Array(4), null, dAprev, null, 2, 2, 2);
    expect([...dAprev]).toEqual([1.5, -0.5, 2.25, 3.25]);
    const Aprev = Float64Array.from([1, 2, 3, 4]);
    const P = Float64Array.from([2, -1]);
    const d = new Float64Array(4);
    const dP = new Float64Array(2);
    residual.df(dA, Aprev, P, d, dP, 1, 2, 2);
    expect([...d]).toEqual([2, -2, -1, 1]);
    expect([...dP]).toEqual([(1 * 1 + -1 * 2) / 2, (1 * 3 + -1 * 4) / 2]);
  });
});
