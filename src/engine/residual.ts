/**
 * Residual (skip) connections for hidden layers (He, Zhang, Ren & Sun, Deep Residual Learning, CVPR 2016):
 * A[l] = S·A[l−1] + g(Z[l]), where S is the identity when n[l] = n[l−1] (eq. 1) or a learned projection
 * P[l] of shape n[l] × n[l−1] where the widths differ (eq. 2, their option B). The Jacobian of the block is
 * I + ∂g/∂A[l−1] (or P + ∂g/∂A[l−1]), which is why a gradient reaches early layers even when ∂g/∂A is tiny.
 * Matrices are row-major with one example per column; nothing here allocates.
 */

export const residual = {
  name: 'residual',
  label: 'residual connection',
  source: 'He, Zhang, Ren & Sun, Deep Residual Learning for Image Recognition (CVPR 2016), eqs. 1–2',
  /**
   * A = S·Aprev + G for A, G of rows × m and Aprev of cols × m; S is P (rows × cols) or, if P is null,
   * the identity (then rows must equal cols). The product is summed in column order before G is added.
   */
  f(Aprev: Float64Array, G: Float64Array, P: Float64Array | null, A: Float64Array, rows: number, cols: number, m: number): void {
    if (P === null) {
      for (let i = 0; i < rows * m; i++) A[i] = Aprev[i] + G[i];
      return;
    }
    for (let i = 0; i < rows; i++) {
      const o = i * m;
      for (let j = 0; j < m; j++) A[o + j] = 0;
      for (let k = 0; k < cols; k++) {
        const p = P[i * cols + k];
        const a = k * m;
        for (let j = 0; j < m; j++) A[o + j] += p * Aprev[a + j];
      }
      for (let j = 0; j < m; j++) A[o + j] += G[o + j];
    }
  },
  /**
   * Backward of the skip path: dAprev += Sᵀ·dA and, with a projection, dP = (1/m)·dA·Aprevᵀ.
   * dAprev must already hold the gradient through g (this adds to it); dA is m-scaled like dZ.
   */
  df(
    dA: Float64Array, Aprev: Float64Array, P: Float64Array | null, dAprev: Float64Array, dP: Float64Array | null,
    rows: number, cols: number, m: number,
  ): void {
    if (P === null || dP === null) {
      for (let i = 0; i < rows * m; i++) dAprev[i] += dA[i];
      return;
    }
    const invM = 1 / m;
    for (let i = 0; i < rows; i++) {
      const o = i * m;
      for (let k = 0; k < cols; k++) {
        const a = k * m;
        let s = 0;
        for (let j = 0; j < m; j++) s += dA[o + j] * Aprev[a + j];
        dP[i * cols + k] = invM * s;
        const p = P[i * cols + k];
        for (let j = 0; j < m; j++) dAprev[a + j] += p * dA[o + j];
      }
    }
  },
} as const;
