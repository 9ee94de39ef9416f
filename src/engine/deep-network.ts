/**
 * A deep fully connected network with the remedies switched on per run: residual connections and
 * batch normalization on the hidden layers, in the notation of network.ts. For a hidden layer l:
 *   Z[l] = W[l]·A[l−1] + b[l]                       (linearForward, the plain network's kernel, linear.ts)
 *   Y[l] = BN(Z[l]) with γ[l], β[l], or Z[l]        (batchnorm.ts; b[l] is then left at 0, Ioffe & Szegedy §3.2)
 *   G[l] = g(Y[l])
 *   A[l] = S·A[l−1] + G[l] with a skip, or G[l]     (residual.ts)
 * and the output layer is the plain sigmoid with binary cross-entropy. Buffers are sized for up to
 * `maxM` examples and every pass takes the batch's m, so mini-batches of any size up to maxM reuse them.
 */
import type { Activation } from './activations.ts';
import { batchNorm, createBatchStats, type BatchStats } from './batchnorm.ts';
import { initializeParameters, type Initializer } from './initializers.ts';
import { linearBackward, linearForward } from './linear.ts';
import { checkLayers, type NetworkActivations } from './network.ts';
import type { RandomState } from './random.ts';
import { residual } from './residual.ts';
import { standardNormal } from './random.ts';
import type { Slot } from './slots.ts';

/** The network pieces the remedies add, each with its backward beside its forward, by standard name. */
export const remedyLayers = { batchnorm: batchNorm, residual } as const;

/** Which skip connections the hidden layers get. */
export type ResidualMode = 'none' | 'identity' | 'projection';
export const residualModes: readonly ResidualMode[] = ['none', 'identity', 'projection'];

/** The architecture switches of a deep network. */
export interface DeepOptions {
  /** "identity": a skip on every hidden layer whose width equals its input's; "projection": on every hidden layer, with a learned P[l] where widths differ. */
  readonly residual: ResidualMode;
  /** Batch normalization on every hidden layer's pre-activation. */
  readonly batchNorm: boolean;
}

/** Parameters of a deep network; index l runs 1..L, index 0 is unused (empty or null). */
export interface DeepParameters {
  readonly layers: readonly number[];
  readonly options: DeepOptions;
  readonly W: Float64Array[];
  readonly b: Float64Array[];
  /** γ[l], β[l] per hidden unit when batch-normalized (γ starts at 1, β at 0), else empty. */
  readonly gamma: Float64Array[];
  readonly beta: Float64Array[];
  /** Running mean and variance for prediction (start at 0 and 1). */
  readonly runningMean: Float64Array[];
  readonly runningVar: Float64Array[];
  /** P[l], n[l] × n[l−1], where a skip joins layers of different widths; null where the skip is the identity or absent. */
  readonly P: (Float64Array | null)[];
  /** Whether hidden layer l has a skip connection. */
  readonly skip: boolean[];
}

/** Activations and gradients for up to maxM examples. */
export interface DeepWorkspace {
  readonly maxM: number;
  readonly Z: Float64Array[];
  readonly Zhat: Float64Array[];
  /** Input of g: the batch-normalized Z, or Z itself (same array) without batch norm. */
  readonly Y: Float64Array[];
  /** g(Y); the same array as A without a skip. */
  readonly G: Float64Array[];
  readonly A: Float64Array[];
  readonly stats: BatchStats[];
  readonly dZ: Float64Array[];
  /** ∂/∂Y (m-scaled); the same array as dZ without batch norm. */
  readonly dY: Float64Array[];
  readonly dA: Float64Array[];
  readonly dW: Float64Array[];
  readonly db: Float64Array[];
  readonly dGamma: Float64Array[];
  readonly dBeta: Float64Array[];
  readonly dP: (Float64Array | null)[];
}

/**
 * Draws a deep network's parameters from `rng`: W[1..L] exactly as `initializeParameters` (so the plain
 * variant starts where the plain engine does), then every projection P[l] in layer order with the same rule.
 * @throws RangeError for bad layer sizes or scale.
 */
export function initializeDeep(
  layers: readonly number[], options: DeepOptions, init: Initializer, rng: RandomState, scale = 0.01,
): DeepParameters {
  checkLayers(layers);
  const base = initializeParameters(layers, init, rng, scale);
  const L = layers.length - 1;
  const empty = () => new Float64Array(0);
  const p: DeepParameters = {
    layers: [...layers], options, W: base.W, b: base.b,
    gamma: [empty()], beta: [empty()], runningMean: [empty()], runningVar: [empty()], P: [null], skip: [false],
  };
  for (let l = 1; l <= L; l++) {
    const n = layers[l];
    const hiddenBN = options.batchNorm && l < L;
    p.gamma.push(hiddenBN ? new Float64Array(n).fill(1) : empty());
    p.beta.push(hiddenBN ? new Float64Array(n) : empty());
    p.runningMean.push(hiddenBN ? new Float64Array(n) : empty());
    p.runningVar.push(hiddenBN ? new Float64Array(n).fill(1) : empty());
    const same = layers[l - 1] === n;
    const skip = l < L && (options.residual === 'projection' || (options.residual === 'identity' && same));
    p.skip.push(skip);
    p.P.push(skip && !same ? new Float64Array(n * layers[l - 1]) : null);
  }
  for (let l = 1; l < L; l++) {
    const P = p.P[l];
    if (P === null) continue;
    const std = init.constant ? 0 : init.std(layers[l - 1], layers[l], scale);
    if (init.constant) P.fill(scale);
    else if (std !== 0) for (let i = 0; i < P.length; i++) P[i] = standardNormal(rng) * std;
  }
  return p;
}

/** Buffers for passes over up to maxM examples. @throws RangeError for a bad maxM. */
export function createDeepWorkspace(p: DeepParameters, maxM: number): DeepWorkspace {
  if (!Number.isInteger(maxM) || maxM < 1) throw new RangeError(`maxM must be a positive integer, got ${maxM}`);
  const { layers } = p;
  const L = layers.length - 1;
  const f = (n: number) => new Float64Array(n);
  const ws: DeepWorkspace = {
    maxM, Z: [f(0)], Zhat: [f(0)], Y: [f(0)], G: [f(0)], A: [f(layers[0] * maxM)], stats: [createBatchStats(0)],
    dZ: [f(0)], dY: [f(0)], dA: [f(layers[0] * maxM)], dW: [f(0)], db: [f(0)], dGamma: [f(0)], dBeta: [f(0)], dP: [null],
  };
  for (let l = 1; l <= L; l++) {
    const n = layers[l];
    const size = n * maxM;
    const bn = p.gamma[l].length > 0;
    const Z = f(size);
    const A = f(size);
    const dZ = f(size);
    ws.Z.push(Z);
    ws.Zhat.push(bn ? f(size) : f(0));
    ws.Y.push(bn ? f(size) : Z);
    ws.A.push(A);
    ws.G.push(p.skip[l] ? f(size) : A);
    ws.stats.push(createBatchStats(bn ? n : 0));
    ws.dZ.push(dZ);
    ws.dY.push(bn ? f(size) : dZ);
    ws.dA.push(f(size));
    ws.dW.push(f(n * layers[l - 1]));
    ws.db.push(f(n));
    ws.dGamma.push(f(bn ? n : 0));
    ws.dBeta.push(f(bn ? n : 0));
    ws.dP.push(p.P[l] ? f(p.P[l]!.length) : null);
  }
  return ws;
}

/** Every trainable tensor beside its gradient, layer by layer: W, b (not under batch norm), γ, β, P. */
export function deepSlots(p: DeepParameters, ws: DeepWorkspace): Slot[] {
  const slots: Slot[] = [];
  for (let l = 1; l < p.layers.length; l++) {
    const bn = p.gamma[l].length > 0;
    slots.push({ name: `W${l}`, value: p.W[l], grad: ws.dW[l] });
    if (!bn) slots.push({ name: `b${l}`, value: p.b[l], grad: ws.db[l] });
    else {
      slots.push({ name: `gamma${l}`, value: p.gamma[l], grad: ws.dGamma[l] });
      slots.push({ name: `beta${l}`, value: p.beta[l], grad: ws.dBeta[l] });
    }
    const P = p.P[l];
    if (P) slots.push({ name: `P${l}`, value: P, grad: ws.dP[l]! });
  }
  return slots;
}

/**
 * Forward pass over the m examples already in ws.A[0] (n[0] × m, row-major, m ≤ maxM).
 * mode "train" normalizes with batch statistics (and folds them into the running ones if `updateRunning`);
 * "predict" uses the running statistics.
 * @throws RangeError if m is out of range.
 */
export function deepForward(
  p: DeepParameters, g: NetworkActivations, ws: DeepWorkspace, m: number, mode: 'train' | 'predict', updateRunning = false,
): void {
  if (!Number.isInteger(m) || m < 1 || m > ws.maxM) throw new RangeError(`m must be an integer from 1 to ${ws.maxM}, got ${m}`);
  const { layers } = p;
  const L = layers.length - 1;
  for (let l = 1; l <= L; l++) {
    const n = layers[l];
    const prev = layers[l - 1];
    linearForward(p.W[l], p.b[l], ws.A[l - 1], ws.Z[l], n, prev, m);
    if (l === L) {
      g.output.f(ws.Z[l], ws.A[l], n * m);
      break;
    }
    if (p.gamma[l].length > 0) {
      if (mode === 'train') {
        batchNorm.f(ws.Z[l], p.gamma[l], p.beta[l], ws.stats[l], ws.Zhat[l], ws.Y[l], n, m);
        if (updateRunning) batchNorm.updateRunning(ws.stats[l], p.runningMean[l], p.runningVar[l], n, m);
      } else {
        batchNorm.inference(ws.Z[l], p.gamma[l], p.beta[l], p.runningMean[l], p.runningVar[l], ws.Y[l], n, m);
      }
    }
    g.hidden.f(ws.Y[l], ws.G[l], n * m);
    if (p.skip[l]) residual.f(ws.A[l - 1], ws.G[l], p.P[l], ws.A[l], n, prev, m);
  }
}

/**
 * Backward pass from dZ[L] (already in ws.dZ[L], m-scaled as A[L] − Y) after a "train" forward on the
 * same batch: fills dW, db, dγ, dβ, dP for every layer.
 */
export function deepBackward(p: DeepParameters, hidden: Activation, ws: DeepWorkspace, m: number): void {
  const { layers } = p;
  const L = layers.length - 1;
  for (let l = L; l >= 1; l--) {
    const n = layers[l];
    const prev = layers[l - 1];
    if (l < L) {
      hidden.df(ws.Y[l], ws.G[l], ws.dA[l], ws.dY[l], n * m);
      if (p.gamma[l].length > 0) {
        batchNorm.df(ws.dY[l], ws.Zhat[l], p.gamma[l], ws.stats[l], ws.dZ[l], ws.dGamma[l], ws.dBeta[l], n, m);
      }
    }
    // dA[0] is a scratch buffer: layer 1's input gradient is never used, but a skip may add to it.
    linearBackward(p.W[l], ws.A[l - 1], ws.dZ[l], ws.dW[l], ws.db[l], l > 1 ? ws.dA[l - 1] : null, n, prev, m);
    if (p.gamma[l].length > 0) ws.db[l].fill(0);
    if (l < L && p.skip[l]) residual.df(ws.dA[l], ws.A[l - 1], p.P[l], ws.dA[l - 1], ws.dP[l], n, prev, m);
  }
}
