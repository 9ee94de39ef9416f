import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { linearBackward, linearForward } from '../../src/engine/linear.ts';

describe('linear kernels', () => {
  it('computes Z = W·A + b row-major', () => {
    // W = [[1, 2], [3, 4]], A = [[1, 2, 3], [4, 5, 6]], b = [10, 20]
    const Z = new Float64Array(6);
    linearForward(Float64Array.of(1, 2, 3, 4), Float64Array.of(10, 20), Float64Array.of(1, 2, 3, 4, 5, 6), Z, 2, 2, 3);
    expect(Array.from(Z)).toEqual([19, 22, 25, 39, 46, 53]);
  });

  it('the blocked kernels give the bits of the plain loops, in the same fixed order, for any shape', () => {
    // The plain loops: Z = ((w0·a0 + w1·a1) + …) + b; dW by four partial sums; dA = Σ_i W[i][k]·dZ[i] in order of i.
    const plainForward = (W: Float64Array, b: Float64Array, A: Float64Array, rows: number, cols: number, m: number) => Float64Array.from({ length: rows * m }, (_, e) => {
      const [i, j] = [Math.floor(e / m), e % m];
      let z = W[i * cols] * A[j];
      for (let k = 1; k < cols; k++) z += W[i * cols + k] * A[k * m + j];
      return z + b[i];
    });
    const plainDW = (dZ: Float64Array, A: Float64Array, i: number, k: number, m: number) => {
      const s = [0, 0, 0, 0];
      for (let j = 0; j < m; j++) s[j < m - (m % 4) ? j % 4 : 0] += dZ[i * m + j] * A[k * m + j];
      return (1 / m) * ((s[0] + s[1]) + (s[2] + s[3]));
    };
    // Integers over a prime: values whose sums round differently in another order (small round numbers would not).
    const values = (n: number) => fc.array(fc.integer({ min: -(2 ** 30), max: 2 ** 30 }), { minLength: n, maxLength: n }).map((v) => Float64Array.from(v, (x) => x / 7919));
    const shape = fc.record({ rows: fc.integer({ min: 1, max: 11 }), cols: fc.integer({ min: 1, max: 11 }), m: fc.integer({ min: 1, max: 13 }) });
    fc.assert(fc.property(shape.chain((d) => fc.tuple(fc.constant(d), values(d.rows * d.cols), values(d.rows), values(d.cols * d.m), values(d.rows * d.m))), ([{ rows, cols, m }, W, b, A, dZ]) => {
      const Z = new Float64Array(rows * m);
      linearForward(W, b, A, Z, rows, cols, m);
      expect(Z.every((z, e) => Object.is(z, plainForward(W, b, A, rows, cols, m)[e]))).toBe(true);
      const [dW, db, dA] = [new Float64Array(rows * cols), new Float64Array(rows), new Float64Array(cols * m)];
      linearBackward(W, A, dZ, dW, db, dA, rows, cols, m);
      for (let i = 0; i < rows; i++) for (let k = 0; k < cols; k++) expect(Object.is(dW[i * cols + k], plainDW(dZ, A, i, k, m))).toBe(true);
      for (let k = 0; k < cols; k++) for (let j = 0; j < m; j++) {
        let d = W[k] * dZ[j];
        for (let i = 1; i < rows; i++) d += W[i * cols + k] * dZ[i * m + j];
        expect(Object.is(dA[k * m + j], d)).toBe(true);
      }
    }), { numRuns: 400 });
  });
});
