/**
 * A fully connected network over row-major Float64Arrays, in the notation of the lesson:
 * layer sizes n[0..L], W[l] is n[l] × n[l−1], b[l] is n[l] × 1, Z[l] = W[l]·A[l−1] + b[l],
 * A[l] = g(Z[l]) with g the hidden activation for l < L and a sigmoid output for l = L.
 * The loss is binary cross-entropy averaged over the m examples, so dZ[L] = A[L] − Y.
 * Each operation's backward pass sits beside its forward pass. Nothing here allocates after
 * `createParameters` / `createWorkspace`, so a training loop can call these every iteration.
 * Reference: Goodfellow, Bengio & Courville, Deep Learning (2016), §6.5; shared/reference/numpy_reference.py.
 */
import type { Activation } from './activations.ts';
import { linearBackward, linearForward } from './linear.ts';
import { LIMITS } from './limits.ts';
import { preciseLog } from './precise-log.ts';

/** Weights and biases. Index l runs 1..L; index 0 holds empty arrays so indices match the math. */
export interface Parameters {
  /** Layer sizes [n0, n1, …, nL]. */
  readonly layers: readonly number[];
  /** W[l]: n[l] × n[l−1], row-major (row i holds unit i's incoming weights). */
  readonly W: Float64Array[];
  /** b[l]: n[l] × 1. */
  readonly b: Float64Array[];
}

/** Activations and gradients for m examples, preallocated once. Index l runs 0..L. */
export interface Workspace {
  /** Number of examples (columns). */
  readonly m: number;
  /** Z[l]: n[l] × m pre-activations (Z[0] unused). */
  readonly Z: Float64Array[];
  /** A[l]: n[l] × m activations; A[0] is the input X (copied in by `forward`). */
  readonly A: Float64Array[];
  /** dZ[l]: n[l] × m, ∂cost/∂Z[l]. */
  readonly dZ: Float64Array[];
  /** dA[l]: n[l] × m, ∂cost/∂A[l] for hidden layers. */
  readonly dA: Float64Array[];
  /** dW[l]: n[l] × n[l−1], ∂cost/∂W[l]. */
  readonly dW: Float64Array[];
  /** db[l]: n[l] × 1, ∂cost/∂b[l]. */
  readonly db: Float64Array[];
}

/** The activations a network uses: `hidden` for layers 1..L−1 and `output` for layer L. */
export interface NetworkActivations {
  readonly hidden: Activation;
  readonly output: Activation;
}

/**
 * Checks layer sizes: at least two, each a positive integer.
 * @throws RangeError describing the first bad size.
 */
export function checkLayers(layers: readonly number[]): void {
  if (!Array.isArray(layers) || layers.length < 2) {
    throw new RangeError(`layers must list at least an input and an output size, got [${String(layers)}]`);
  }
  for (const n of layers) {
    if (!Number.isInteger(n) || n < 1 || n > LIMITS.maxLayerSize) {
      throw new RangeError(`layer sizes must be integers from 1 to ${LIMITS.maxLayerSize}, got [${layers.join(', ')}]`);
    }
  }
}

/** Zero-filled parameters for the given layer sizes. @throws RangeError for bad sizes. */
export function createParameters(layers: readonly number[]): Parameters {
  checkLayers(layers);
  const W = [new Float64Array(0)];
  const b = [new Float64Array(0)];
  for (let l = 1; l < layers.length; l++) {
    W.push(new Float64Array(layers[l] * layers[l - 1]));
    b.push(new Float64Array(layers[l]));
  }
  return { layers: [...layers], W, b };
}

/** A deep copy of `p` (for snapshots such as "the parameters before training"). */
export function cloneParameters(p: Parameters): Parameters {
  return { layers: [...p.layers], W: p.W.map((w) => w.slice()), b: p.b.map((v) => v.slice()) };
}

/** Buffers for a forward and backward pass over m examples. @throws RangeError for bad sizes or m. */
export function createWorkspace(layers: readonly number[], m: number): Workspace {
  checkLayers(layers);
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`m must be a positive integer, got ${m}`);
  const ws: Workspace = { m, Z: [], A: [], dZ: [], dA: [], dW: [], db: [] };
  for (let l = 0; l < layers.length; l++) {
    const size = layers[l] * m;
    ws.Z.push(new Float64Array(l === 0 ? 0 : size));
    ws.A.push(new Float64Array(size));
    ws.dZ.push(new Float64Array(l === 0 ? 0 : size));
    ws.dA.push(new Float64Array(l === 0 ? 0 : size));
    ws.dW.push(new Float64Array(l === 0 ? 0 : layers[l] * layers[l - 1]));
    ws.db.push(new Float64Array(l === 0 ? 0 : layers[l]));
  }
  return ws;
}

/**
 * Forward pass: copies X (n[0] × m) into A[0] and fills Z[l], A[l] for l = 1..L.
 * @throws RangeError if X does not hold n[0] × m values.
 */
export function forward(p: Parameters, g: NetworkActivations, X: Float64Array, ws: Workspace): void {
  const { layers } = p;
  const L = layers.length - 1;
  const m = ws.m;
  if (X.length !== layers[0] * m) {
    throw new RangeError(`X must hold n[0] × m = ${layers[0]} × ${m} values, got ${X.length}`);
  }
  if (ws.A[0] !== X) ws.A[0].set(X);
  for (let l = 1; l <= L; l++) {
    linearForward(p.W[l], p.b[l], ws.A[l - 1], ws.Z[l], layers[l], layers[l - 1], m);
    (l === L ? g.output : g.hidden).f(ws.Z[l], ws.A[l], layers[l] * m);
  }
}

/**
 * Binary cross-entropy averaged over m: −(1/m)·Σ [y·log a + (1 − y)·log(1 − a)], for A[L] and Y of 1 × m.
 * NaN or ±Infinity when an output saturates to exactly 0 or 1 on the wrong side, as in numpy. The log is
 * preciseLog (the same bits in every JS engine, rounded as glibc's log that numpy calls), not Math.log.
 */
export function binaryCrossEntropy(AL: Float64Array, Y: Float64Array, m: number): number {
  let s = 0;
  for (let j = 0; j < m; j++) {
    const y = Y[j];
    const a = AL[j];
    // For a label of 0 or 1 and 0 < a < 1, the other term is 0 × a finite log (±0): same bits, half the logs.
    if (a > 0 && a < 1 && (y === 1 || y === 0)) s += -(y === 1 ? preciseLog(a) : preciseLog(1 - a));
    else s += -(y * preciseLog(a) + (1 - y) * preciseLog(1 - a));
  }
  return s / m;
}

/**
 * Backward pass from dZ[L] already in `ws.dZ[L]`: fills dW[l], db[l] for l = L..1 and dZ[l] for the
 * hidden layers, using g′ of the hidden activation. Requires a preceding `forward` on the same ws.
 */
export function backwardFrom(p: Parameters, g: NetworkActivations, ws: Workspace): void {
  const { layers } = p;
  const m = ws.m;
  for (let l = layers.length - 1; l >= 1; l--) {
    const hasPrev = l > 1;
    linearBackward(p.W[l], ws.A[l - 1], ws.dZ[l], ws.dW[l], ws.db[l], hasPrev ? ws.dA[l - 1] : null, layers[l], layers[l - 1], m);
    if (hasPrev) g.hidden.df(ws.Z[l - 1], ws.A[l - 1], ws.dA[l - 1], ws.dZ[l - 1], layers[l - 1] * m);
  }
}

/**
 * Output-layer gradient of sigmoid + binary cross-entropy: dZ[L] = A[L] − Y over `size` entries.
 * @returns true if every output lies strictly inside (0, 1), i.e. the cost is certainly finite.
 */
export function outputGradient(AL: Float64Array, Y: Float64Array, dZL: Float64Array, size: number): boolean {
  let inside = true;
  for (let j = 0; j < size; j++) {
    const a = AL[j];
    dZL[j] = a - Y[j];
    if (!(a > 0 && a < 1)) inside = false;
  }
  return inside;
}

/** Backward pass for a sigmoid output with binary cross-entropy: dZ[L] = A[L] − Y, then `backwardFrom`. */
export function backward(p: Parameters, g: NetworkActivations, Y: Float64Array, ws: Workspace): void {
  const L = p.layers.length - 1;
  outputGradient(ws.A[L], Y, ws.dZ[L], p.layers[L] * ws.m);
  backwardFrom(p, g, ws);
}

/**
 * Gradient-descent step W[l] −= lr·dW[l], b[l] −= lr·db[l].
 * Checks first and writes second, so a step that would produce NaN or ±Infinity changes nothing.
 * @returns false if the step was refused (the caller reports divergence).
 */
export function update(p: Parameters, ws: Workspace, learningRate: number): boolean {
  for (let l = 1; l < p.layers.length; l++) {
    if (!stepIsFinite(p.W[l], ws.dW[l], learningRate) || !stepIsFinite(p.b[l], ws.db[l], learningRate)) return false;
  }
  for (let l = 1; l < p.layers.length; l++) {
    applyStep(p.W[l], ws.dW[l], learningRate);
    applyStep(p.b[l], ws.db[l], learningRate);
  }
  return true;
}

function stepIsFinite(x: Float64Array, dx: Float64Array, learningRate: number): boolean {
  for (let i = 0; i < x.length; i++) {
    const v = x[i] - learningRate * dx[i];
    if (v - v !== 0) return false; // NaN and ±Infinity give NaN
  }
  return true;
}

function applyStep(x: Float64Array, dx: Float64Array, learningRate: number): void {
  for (let i = 0; i < x.length; i++) x[i] = x[i] - learningRate * dx[i];
}

/**
 * Class predictions: out[j] = 1 where A[L] > 0.5, else 0, for the m examples of X (n[0] × m).
 * Runs a forward pass in `ws`, so A[L] holds the probabilities afterwards.
 */
export function predict(p: Parameters, g: NetworkActivations, X: Float64Array, ws: Workspace, out: Uint8Array): Uint8Array {
  forward(p, g, X, ws);
  const AL = ws.A[p.layers.length - 1];
  for (let j = 0; j < ws.m; j++) out[j] = AL[j] > 0.5 ? 1 : 0;
  return out;
}
