/**
 * The lesson's closed forms next to the engine's measurements:
 * - the deep linear network of the derivation, W[l] = a·I, run through the real backward pass;
 * - the layer-by-layer variance rule Var(z[l]) ≈ n[l−1]·Var(W[l])·E[(a[l−1])²]
 *   (LeCun et al. 1998; Glorot & Bengio 2010; He et al. 2015, eq. 7).
 */
import { activations, sigmoid, type ActivationName } from './activations.ts';
import type { Dataset } from './datasets.ts';
import { initializeSeeded, type Initializer } from './initializers.ts';
import { backwardFrom, createParameters, createWorkspace, forward, type Parameters } from './network.ts';
import { frobeniusNorm, networkLayerStats, type LayerStats } from './stats.ts';
import { precisePowInt } from './precise-pow.ts';
import { preciseLog } from './precise-log.ts';

/** ‖dW[l]‖ for l = 1..L, measured by backprop and predicted by the closed form. */
export interface DeepLinearGradients {
  /** Engine backprop, indexed l − 1. */
  readonly measured: number[];
  /** a^(L−2) · ‖dZ[L]·(W[1]·X)ᵀ‖ / m, the derivation's formula, indexed l − 1. */
  readonly closedForm: number[];
  /** a^(L−2), the factor the derivation isolates. */
  readonly factor: number;
  /** ‖dZ[L]·Xᵀ‖/m, so ‖dW[l]‖ = a^(L−1)·base (the constant `depthLimit` takes). */
  readonly base: number;
  /** Forward signal ‖A[l]‖ from the engine's forward pass, indexed l − 1. */
  readonly forwardMeasured: number[];
  /** a^l·‖X‖, indexed l − 1. */
  readonly forwardClosedForm: number[];
  /** Backward signal ‖dZ[l]‖ from the engine's backward pass, indexed l − 1. */
  readonly backwardMeasured: number[];
  /** a^(L−l)·‖dZ[L]‖, indexed l − 1. */
  readonly backwardClosedForm: number[];
}

/**
 * Gradients of a bias-free linear network with L layers of width `width`, every W[l] = a·I,
 * for inputs X (width × m) and a fixed upstream gradient dZ[L] = G (width × m).
 * dW[l] = (1/m)·(W[L]…W[l+1])ᵀ·G·(W[l−1]…W[1]·X)ᵀ = a^(L−1)·G·Xᵀ/m for every l; the signals
 * on the way are A[l] = a^l·X forward and dZ[l] = a^(L−l)·G backward.
 * @throws RangeError if L < 2, width < 1, or X, G have the wrong size.
 */
export function deepLinearGradients(a: number, L: number, X: Float64Array, G: Float64Array, width: number, m: number): DeepLinearGradients {
  if (!(Number.isInteger(L) && L >= 2)) throw new RangeError(`L must be an integer ≥ 2, got ${L}`);
  if (X.length !== width * m || G.length !== width * m) {
    throw new RangeError(`X and dZ[L] must be ${width} × ${m}, got ${X.length} and ${G.length} values`);
  }
  const layers = new Array<number>(L + 1).fill(width);
  const p: Parameters = createParameters(layers);
  for (let l = 1; l <= L; l++) for (let i = 0; i < width; i++) p.W[l][i * width + i] = a;
  const ws = createWorkspace(layers, m);
  const g = { hidden: activations.linear, output: activations.linear };
  forward(p, g, X, ws);
  ws.dZ[L].set(G);
  backwardFrom(p, g, ws);
  // Closed form: G·(W[1]X)ᵀ/m, scaled by a^(L−2).
  const GXt = outerMean(G, X, width, m, a);
  const factor = precisePowInt(a, L - 2);
  const closed = factor * frobeniusNorm(GXt);
  const measured: number[] = [];
  const forwardMeasured: number[] = [];
  const backwardMeasured: number[] = [];
  const forwardClosedForm: number[] = [];
  const backwardClosedForm: number[] = [];
  const [normX, normG] = [frobeniusNorm(X), frobeniusNorm(G)];
  for (let l = 1; l <= L; l++) {
    measured.push(frobeniusNorm(ws.dW[l]));
    forwardMeasured.push(frobeniusNorm(ws.A[l]));
    backwardMeasured.push(frobeniusNorm(ws.dZ[l]));
    forwardClosedForm.push(precisePowInt(a, l) * normX);
    backwardClosedForm.push(precisePowInt(a, L - l) * normG);
  }
  const base = frobeniusNorm(outerMean(G, X, width, m, 1));
  return { measured, closedForm: measured.map(() => closed), factor, base, forwardMeasured, forwardClosedForm, backwardMeasured, backwardClosedForm };
}

/** (1/m)·G·(s·X)ᵀ for G, X of width × m. */
function outerMean(G: Float64Array, X: Float64Array, width: number, m: number, s: number): Float64Array {
  const out = new Float64Array(width * width);
  for (let i = 0; i < width; i++) {
    for (let k = 0; k < width; k++) {
      let sum = 0;
      for (let j = 0; j < m; j++) sum += G[i * m + j] * s * X[k * m + j];
      out[i * width + k] = sum / m;
    }
  }
  return out;
}

/** Smallest depth L at which a^(L−1)·c leaves the normal range of a float format, or null if it never does. */
export function depthLimit(a: number, c: number, format: 'float64' | 'float32'): { overflow: number | null; underflow: number | null } {
  const [max, minNormal] = format === 'float64' ? [Number.MAX_VALUE, 2.2250738585072014e-308] : [3.4028234663852886e38, 1.1754943508222875e-38];
  const la = preciseLog(a);
  const depth = (bound: number) => Math.floor((preciseLog(bound) - preciseLog(c)) / la) + 2;
  return {
    overflow: a > 1 ? depth(max) : null,
    underflow: a < 1 ? depth(minNormal) : null,
  };
}

/**
 * Predicted Var(z[l]) for l = 1..L from the measured second moment of the layer below:
 * n[l−1]·Var(W[l])·E[(a[l−1])²], with Var(W[l]) the initializer's nominal variance and
 * E[a²] = std² + mean². `inputSecondMoment` is E[x²] of the data (layer 0).
 */
export function predictedPreactivationVariance(
  layers: readonly number[], init: Initializer, scale: number, stats: readonly LayerStats[], inputSecondMoment: number,
): number[] {
  const out: number[] = [];
  for (let l = 1; l < layers.length; l++) {
    const std = init.std(layers[l - 1], layers[l], scale);
    const below = l === 1 ? inputSecondMoment : stats[l - 2].std * stats[l - 2].std + stats[l - 2].mean * stats[l - 2].mean;
    out.push(layers[l - 1] * std * std * below);
  }
  return out;
}

/** Mean of x² over all entries of X: the input's second moment. */
export function secondMoment(X: Float64Array): number {
  let s = 0;
  for (let i = 0; i < X.length; i++) s += X[i] * X[i];
  return s / X.length;
}

/** Per-layer Var(z[l]) at initialization, averaged over several draws of the weights. */
export interface VarianceProfile {
  /** Measured variance of Z[l] over units and examples, mean over draws, indexed l − 1. */
  readonly measured: number[];
  /** `predictedPreactivationVariance`, mean over draws, indexed l − 1. */
  readonly predicted: number[];
}

/**
 * Draws the weights once per seed, runs one forward pass over the data and averages the measured
 * and predicted Var(z[l]). The rule holds in expectation over draws; one draw on 2-D data scatters
 * around it (its activations are strongly correlated), so average at least ~16 draws to compare.
 * @throws RangeError for bad layers or an empty seed list.
 */
export function varianceAtInitialization(
  data: Dataset, layers: readonly number[], hidden: ActivationName, init: Initializer, scale: number, seeds: readonly number[],
): VarianceProfile {
  if (seeds.length === 0) throw new RangeError('varianceAtInitialization needs at least one seed');
  const L = layers.length - 1;
  const ws = createWorkspace(layers, data.m);
  const g = { hidden: activations[hidden], output: sigmoid };
  const input = secondMoment(data.X);
  const measured = new Array<number>(L).fill(0);
  const predicted = new Array<number>(L).fill(0);
  for (const seed of seeds) {
    const p = initializeSeeded(layers, init, seed, scale);
    forward(p, g, data.X, ws);
    const stats = networkLayerStats(ws, layers, g);
    const pred = predictedPreactivationVariance(layers, init, scale, stats, input);
    for (let l = 0; l < L; l++) {
      measured[l] += (stats[l].zStd * stats[l].zStd) / seeds.length;
      predicted[l] += pred[l] / seeds.length;
    }
  }
  return { measured, predicted };
}
