/**
 * Batch normalization of hidden pre-activations (Ioffe & Szegedy, ICML 2015, Algorithms 1 and 2).
 * Z is rows × m row-major (a unit per row, an example per column); each unit is standardized over the
 * m examples of the batch, Ẑ = (Z − μ_B)/√(σ²_B + ε), then scaled and shifted, Y = γ·Ẑ + β.
 * For prediction the batch statistics are replaced by running averages:
 * μ ← (1 − momentum)·μ + momentum·μ_B and σ² ← (1 − momentum)·σ² + momentum·m/(m−1)·σ²_B
 * (the paper's unbiased variance for inference; the momentum form and 0.1 are PyTorch's convention).
 * ε: the paper leaves it as "a constant added for numerical stability"; we use 1e-5, the value of
 * PyTorch and cuDNN (CUDNN_BN_MIN_EPSILON). Nothing here allocates.
 * Gradients follow the engine's convention that dY holds m·∂J/∂Y (like dZ = A − Y), so dγ, dβ are
 * batch means and dZ = (1/√(σ²_B + ε))·(dẐ − mean(dẐ) − Ẑ·mean(dẐ·Ẑ)), dẐ = γ·dY.
 */

/** The paper's ε, as PyTorch and cuDNN set it. */
export const BATCH_NORM_EPSILON = 1e-5;
/** Weight of the newest batch in the running statistics (PyTorch's default). */
export const BATCH_NORM_MOMENTUM = 0.1;

/** Per-unit statistics of the last training batch, reused by the backward pass. */
export interface BatchStats {
  /** μ_B per unit (rows). */
  readonly mean: Float64Array;
  /** σ²_B per unit (biased, over the m examples). */
  readonly variance: Float64Array;
  /** 1/√(σ²_B + ε) per unit. */
  readonly invStd: Float64Array;
}

/** Buffers for one layer's batch statistics. */
export function createBatchStats(rows: number): BatchStats {
  return { mean: new Float64Array(rows), variance: new Float64Array(rows), invStd: new Float64Array(rows) };
}

export const batchNorm = {
  name: 'batchnorm',
  label: 'batch normalization',
  source: 'Ioffe & Szegedy, Batch Normalization (ICML 2015), Algorithm 1 (training) and Algorithm 2 (inference)',
  /**
   * Training forward with batch statistics: fills `stats`, Ẑ (`Zhat`) and Y = γ·Ẑ + β, all rows × m.
   * @param gamma γ per unit; @param beta β per unit.
   */
  f(
    Z: Float64Array, gamma: Float64Array, beta: Float64Array, stats: BatchStats, Zhat: Float64Array, Y: Float64Array,
    rows: number, m: number, epsilon = BATCH_NORM_EPSILON,
  ): void {
    for (let i = 0; i < rows; i++) {
      const o = i * m;
      let s = 0;
      for (let j = 0; j < m; j++) s += Z[o + j];
      const mu = s / m;
      let v = 0;
      for (let j = 0; j < m; j++) {
        const d = Z[o + j] - mu;
        v += d * d;
      }
      const variance = v / m;
      const inv = 1 / Math.sqrt(variance + epsilon);
      stats.mean[i] = mu;
      stats.variance[i] = variance;
      stats.invStd[i] = inv;
      const g = gamma[i];
      const b = beta[i];
      for (let j = 0; j < m; j++) {
        const h = (Z[o + j] - mu) * inv;
        Zhat[o + j] = h;
        Y[o + j] = g * h + b;
      }
    }
  },
  /**
   * Backward of `f`: from dY (rows × m, m-scaled) fills dZ, and dγ, dβ (per unit, batch means).
   * Requires the `stats` and `Zhat` of the matching forward.
   */
  df(
    dY: Float64Array, Zhat: Float64Array, gamma: Float64Array, stats: BatchStats,
    dZ: Float64Array, dGamma: Float64Array, dBeta: Float64Array, rows: number, m: number,
  ): void {
    for (let i = 0; i < rows; i++) {
      const o = i * m;
      let sdy = 0;
      let sdyh = 0;
      for (let j = 0; j < m; j++) {
        sdy += dY[o + j];
        sdyh += dY[o + j] * Zhat[o + j];
      }
      dGamma[i] = sdyh / m;
      dBeta[i] = sdy / m;
      const g = gamma[i];
      const meanDh = (g * sdy) / m;
      const meanDhH = (g * sdyh) / m;
      const inv = stats.invStd[i];
      for (let j = 0; j < m; j++) dZ[o + j] = inv * (g * dY[o + j] - meanDh - Zhat[o + j] * meanDhH);
    }
  },
  /** Folds a batch's statistics into the running mean and (unbiased) variance used for prediction. */
  updateRunning(
    stats: BatchStats, runningMean: Float64Array, runningVar: Float64Array, rows: number, m: number,
    momentum = BATCH_NORM_MOMENTUM,
  ): void {
    const unbias = m > 1 ? m / (m - 1) : 1;
    for (let i = 0; i < rows; i++) {
      runningMean[i] = (1 - momentum) * runningMean[i] + momentum * stats.mean[i];
      runningVar[i] = (1 - momentum) * runningVar[i] + momentum * (stats.variance[i] * unbias);
    }
  },
  /** Prediction forward: Y = γ·(Z − μ)/√(σ² + ε) + β with the running μ, σ². */
  inference(
    Z: Float64Array, gamma: Float64Array, beta: Float64Array, runningMean: Float64Array, runningVar: Float64Array,
    Y: Float64Array, rows: number, m: number, epsilon = BATCH_NORM_EPSILON,
  ): void {
    for (let i = 0; i < rows; i++) {
      const o = i * m;
      const mu = runningMean[i];
      const inv = 1 / Math.sqrt(runningVar[i] + epsilon);
      const g = gamma[i];
      const b = beta[i];
      for (let j = 0; j < m; j++) Y[o + j] = g * ((Z[o + j] - mu) * inv) + b;
    }
  },
} as const;
