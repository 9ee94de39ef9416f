/**
 * The dense layer's two kernels, shared by the plain network (network.ts) and the deep one
 * (deep-network.ts): Z = W·A_prev + b forward, and dW, db, dA_prev backward, beside each other.
 * Row-major Float64Arrays; neither allocates. Every sum runs in one fixed order, given beside it,
 * which the exported Python scripts repeat (src/python/template.ts, `dot` and `mean_outer`), so the
 * bits never depend on how a kernel is blocked (test/engine/linear.test.ts checks that).
 * Reference: Goodfellow, Bengio & Courville, Deep Learning (2016), §6.5.
 */

/**
 * Z = W·A_prev + b for one layer: W is rows × cols, A_prev is cols × m, Z is rows × m.
 * The product is summed before b is added, in numpy's order for `np.dot(W, A) + b`.
 */
export function linearForward(
  W: Float64Array, b: Float64Array, Aprev: Float64Array, Z: Float64Array, rows: number, cols: number, m: number,
): void {
  // Row by row, streaming passes over the inputs: each sum keeps numpy's order (w0·a0 + w1·a1 + … then + b).
  // A pass adds up to four inputs, in order, so Z is loaded and stored once per four: the same operations, fewer memory trips.
  for (let i = 0; i < rows; i++) {
    const zi = i * m;
    const wi = i * cols;
    const w0 = W[wi];
    const bi = b[i];
    if (cols === 1) {
      for (let j = 0; j < m; j++) Z[zi + j] = w0 * Aprev[j] + bi;
      continue;
    }
    for (let j = 0; j < m; j++) Z[zi + j] = w0 * Aprev[j];
    let k = 1;
    for (; k + 3 < cols - 1; k += 4) {
      const w1 = W[wi + k], w2 = W[wi + k + 1], w3 = W[wi + k + 2], w4 = W[wi + k + 3];
      const a1 = k * m, a2 = a1 + m, a3 = a2 + m, a4 = a3 + m;
      for (let j = 0; j < m; j++) Z[zi + j] = Z[zi + j] + w1 * Aprev[a1 + j] + w2 * Aprev[a2 + j] + w3 * Aprev[a3 + j] + w4 * Aprev[a4 + j];
    }
    for (; k < cols - 1; k++) {
      const wk = W[wi + k];
      const ak = k * m;
      for (let j = 0; j < m; j++) Z[zi + j] += wk * Aprev[ak + j];
    }
    const wl = W[wi + cols - 1];
    const al = (cols - 1) * m;
    for (let j = 0; j < m; j++) Z[zi + j] = Z[zi + j] + wl * Aprev[al + j] + bi;
  }
}

/**
 * Backward of `linearForward`: dW = (1/m)·dZ·A_prevᵀ and db = (1/m)·Σ_j dZ, in numpy's order
 * (sum first, then scale by 1/m); and, if dAprev is given, dA_prev = Wᵀ·dZ.
 */
export function linearBackward(
  W: Float64Array, Aprev: Float64Array, dZ: Float64Array, dW: Float64Array, db: Float64Array,
  dAprev: Float64Array | null, rows: number, cols: number, m: number,
): void {
  const invM = 1 / m;
  for (let i = 0; i < rows; i++) {
    const zi = i * m;
    let k = 0;
    // Two inputs k, k + 1 per pass share the loads of dZ; each keeps its own four partial sums, as below.
    for (; k + 1 < cols; k += 2) {
      const ak = k * m;
      const bk = ak + m;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, t0 = 0, t1 = 0, t2 = 0, t3 = 0;
      let j = 0;
      for (; j + 3 < m; j += 4) {
        const d0 = dZ[zi + j], d1 = dZ[zi + j + 1], d2 = dZ[zi + j + 2], d3 = dZ[zi + j + 3];
        s0 += d0 * Aprev[ak + j];
        s1 += d1 * Aprev[ak + j + 1];
        s2 += d2 * Aprev[ak + j + 2];
        s3 += d3 * Aprev[ak + j + 3];
        t0 += d0 * Aprev[bk + j];
        t1 += d1 * Aprev[bk + j + 1];
        t2 += d2 * Aprev[bk + j + 2];
        t3 += d3 * Aprev[bk + j + 3];
      }
      for (; j < m; j++) {
        s0 += dZ[zi + j] * Aprev[ak + j];
        t0 += dZ[zi + j] * Aprev[bk + j];
      }
      dW[i * cols + k] = invM * ((s0 + s1) + (s2 + s3));
      dW[i * cols + k + 1] = invM * ((t0 + t1) + (t2 + t3));
    }
    for (; k < cols; k++) {
      const ak = k * m;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      let j = 0;
      for (; j + 3 < m; j += 4) {
        s0 += dZ[zi + j] * Aprev[ak + j];
        s1 += dZ[zi + j + 1] * Aprev[ak + j + 1];
        s2 += dZ[zi + j + 2] * Aprev[ak + j + 2];
        s3 += dZ[zi + j + 3] * Aprev[ak + j + 3];
      }
      for (; j < m; j++) s0 += dZ[zi + j] * Aprev[ak + j];
      dW[i * cols + k] = invM * ((s0 + s1) + (s2 + s3));
    }
    let s = 0;
    for (let j = 0; j < m; j++) s += dZ[zi + j];
    db[i] = invM * s;
  }
  if (dAprev === null) return;
  // dA_prev[k] = Σ_i W[i][k]·dZ[i], summed in order i = 0, 1, …; a streaming pass adds up to four i, in order.
  for (let k = 0; k < cols; k++) {
    const ak = k * m;
    const w0 = W[k];
    for (let j = 0; j < m; j++) dAprev[ak + j] = w0 * dZ[j];
    let i = 1;
    for (; i + 3 < rows; i += 4) {
      const w1 = W[i * cols + k], w2 = W[(i + 1) * cols + k], w3 = W[(i + 2) * cols + k], w4 = W[(i + 3) * cols + k];
      const z1 = i * m, z2 = z1 + m, z3 = z2 + m, z4 = z3 + m;
      for (let j = 0; j < m; j++) dAprev[ak + j] = dAprev[ak + j] + w1 * dZ[z1 + j] + w2 * dZ[z2 + j] + w3 * dZ[z3 + j] + w4 * dZ[z4 + j];
    }
    for (; i < rows; i++) {
      const wik = W[i * cols + k];
      const zi = i * m;
      for (let j = 0; j < m; j++) dAprev[ak + j] += wik * dZ[zi + j];
    }
  }
}
