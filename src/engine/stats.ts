/**
 * Measurements of a network's state used by the figures: gradient norms, activation
 * statistics, symmetry between hidden units and histograms. Pure functions; none allocate
 * except `histogram`, `layerStats` and `networkLayerStats`, which return their result.
 */
import { SATURATION_RATIO, type Activation } from './activations.ts';
import type { NetworkActivations, Workspace } from './network.ts';

/** Frobenius norm ‖M‖ = √(Σ m²) of a matrix stored in a Float64Array. */
export function frobeniusNorm(M: Float64Array): number {
  // Scaled sum of squares, so huge or tiny entries neither overflow nor underflow (LAPACK dnrm2).
  let scale = 0;
  let ssq = 1;
  for (let i = 0; i < M.length; i++) {
    const v = Math.abs(M[i]);
    if (v === 0) continue;
    if (v !== v || v === Infinity) return v === Infinity ? Infinity : NaN;
    if (scale < v) {
      ssq = 1 + ssq * (scale / v) * (scale / v);
      scale = v;
    } else {
      ssq += (v / scale) * (v / scale);
    }
  }
  return scale * Math.sqrt(ssq);
}

/** Mean, standard deviation and saturation of one layer's activations over all units and examples. */
export interface LayerStats {
  /** Mean of A[l]. */
  readonly mean: number;
  /** Population standard deviation of A[l]. */
  readonly std: number;
  /** Fraction of entries whose slope g′(z) is below 5 % of the activation's best slope. */
  readonly saturated: number;
  /** Mean of Z[l]. */
  readonly zMean: number;
  /** Population standard deviation of Z[l]. */
  readonly zStd: number;
}

/** Statistics of Z (pre-activations) and A = g(Z) for `length` = n[l] × m entries. */
export function layerStats(Z: Float64Array, A: Float64Array, g: Activation, length: number): LayerStats {
  let sa = 0;
  let sz = 0;
  let sat = 0;
  const threshold = SATURATION_RATIO * g.maxSlope;
  for (let i = 0; i < length; i++) {
    sa += A[i];
    sz += Z[i];
    if (g.slope(Z[i], A[i]) < threshold) sat++;
  }
  const mean = sa / length;
  const zMean = sz / length;
  let va = 0;
  let vz = 0;
  for (let i = 0; i < length; i++) {
    va += (A[i] - mean) * (A[i] - mean);
    vz += (Z[i] - zMean) * (Z[i] - zMean);
  }
  return { mean, std: Math.sqrt(va / length), saturated: sat / length, zMean, zStd: Math.sqrt(vz / length) };
}

/** `layerStats` of every layer l = 1..L after a `forward` in `ws` (g.output at L), indexed l − 1. */
export function networkLayerStats(ws: Workspace, layers: readonly number[], g: NetworkActivations): LayerStats[] {
  const L = layers.length - 1;
  const stats: LayerStats[] = [];
  for (let l = 1; l <= L; l++) stats.push(layerStats(ws.Z[l], ws.A[l], l === L ? g.output : g.hidden, layers[l] * ws.m));
  return stats;
}

/**
 * Largest Euclidean distance between any two units' incoming weights (rows of W, with their bias)
 * in a layer of `rows` units with `cols` inputs. 0 means all units are identical: symmetry is unbroken.
 */
export function symmetryDistance(W: Float64Array, b: Float64Array, rows: number, cols: number): number {
  let worst = 0;
  for (let i = 0; i < rows; i++) {
    for (let k = i + 1; k < rows; k++) {
      let d2 = (b[i] - b[k]) * (b[i] - b[k]);
      for (let c = 0; c < cols; c++) {
        const d = W[i * cols + c] - W[k * cols + c];
        d2 += d * d;
      }
      if (d2 > worst) worst = d2;
    }
  }
  return Math.sqrt(worst);
}

/** Counts of values per equal-width bin over [lo, hi]; values outside are clamped into the end bins. */
export interface Histogram {
  readonly lo: number;
  readonly hi: number;
  readonly counts: number[];
  /**
   * Population standard deviation √(Σ(v − mean)² / N) of the N finite values, those outside [lo, hi]
   * included (the bins cannot tell a spread of 1e-9 from one of 0.02); NaN when there are none.
   */
  readonly std: number;
}

/**
 * Histogram of the first `length` values of `values` with `bins` equal bins over [lo, hi], and their
 * standard deviation. Non-finite values are skipped. @throws RangeError if bins < 1 or hi ≤ lo.
 */
export function histogram(values: Float64Array, length: number, bins: number, lo: number, hi: number): Histogram {
  if (!(Number.isInteger(bins) && bins >= 1) || !(hi > lo)) {
    throw new RangeError(`histogram needs bins ≥ 1 and hi > lo, got bins=${bins}, lo=${lo}, hi=${hi}`);
  }
  const counts = new Array<number>(bins).fill(0);
  const width = (hi - lo) / bins;
  let n = 0;
  let sum = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    const k = Math.floor((v - lo) / width);
    counts[k < 0 ? 0 : k >= bins ? bins - 1 : k] += 1;
    n += 1;
    sum += v;
  }
  // Two passes (mean, then squared deviations): no cancellation when the spread is tiny beside the mean.
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) squares += (v - mean) * (v - mean);
  }
  return { lo, hi, counts, std: n > 0 ? Math.sqrt(squares / n) : NaN };
}
