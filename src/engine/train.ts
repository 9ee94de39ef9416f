/**
 * Full-batch gradient descent with recording, streaming and divergence detection.
 * A `Trainer` advances in chunks (`step`) so a Web Worker can post progress between chunks and
 * stop on request; `train` runs one to the end synchronously (CLI, build-time prerender, tests).
 * The cost recorded at iteration i is the one computed in the forward pass before the i-th update,
 * as in shared/reference/numpy_reference.py.
 */
import { getActivation, sigmoid, type ActivationName } from './activations.ts';
import type { Dataset } from './datasets.ts';
import { getInitializer, initializeSeeded, type InitializerName } from './initializers.ts';
import { classificationReport, confusionMatrix, type ClassificationReport } from './metrics.ts';
import {
  backwardFrom, binaryCrossEntropy, cloneParameters, createWorkspace, forward, outputGradient, predict, update,
  type NetworkActivations, type Parameters, type Workspace,
} from './network.ts';
import { frobeniusNorm, networkLayerStats, symmetryDistance, type LayerStats } from './stats.ts';
import { validateTrainConfig, type TrainConfig } from './config.ts';

export type { TrainConfig } from './config.ts';

/** What a run measured, one entry per record. Layer arrays are indexed l − 1 for l = 1..L. */
export interface TrainHistory {
  /** The iteration each record was taken at: 0, k, 2k, … */
  readonly iterations: number[];
  /** Binary cross-entropy before that iteration's update. */
  readonly costs: number[];
  /** ‖dW[l]‖ (Frobenius) of that iteration's gradient, per layer. */
  readonly gradientNorms: number[][];
  /** Statistics of Z[l] and A[l] in that iteration's forward pass, per layer. */
  readonly activationStats: LayerStats[][];
  /** Largest distance between two units' incoming weights, per hidden layer (l = 1..L−1). */
  readonly symmetry: number[][];
}

/** Where a run is. `message` is what figures print, e.g. "diverged at iteration 12". */
export type TrainStatus =
  | { readonly state: 'running'; readonly message: string }
  | { readonly state: 'done'; readonly message: string }
  | { readonly state: 'diverged'; readonly iteration: number; readonly message: string }
  | { readonly state: 'cancelled'; readonly iteration: number; readonly message: string };

/** A run in progress; `params` always holds the last finite parameters. */
export interface Trainer {
  readonly config: TrainConfig;
  readonly data: Dataset;
  readonly activations: NetworkActivations;
  /** Parameters before the first update (a copy). */
  readonly initial: Parameters;
  readonly params: Parameters;
  readonly workspace: Workspace;
  readonly history: TrainHistory;
  /** Number of updates applied so far. */
  iteration: number;
  status: TrainStatus;
}

/**
 * Starts a run: validates the config against the data, draws the initial weights.
 * @throws RangeError naming the field and the allowed values for a bad config.
 */
export function createTrainer(data: Dataset, config: TrainConfig): Trainer {
  validateTrainConfig(config, 2);
  const init = getInitializer(config.init);
  const params = initializeSeeded(config.layers, init, config.seed, config.scale);
  return {
    config,
    data,
    activations: { hidden: getActivation(config.hidden), output: sigmoid },
    initial: cloneParameters(params),
    params,
    workspace: createWorkspace(config.layers, data.m),
    history: { iterations: [], costs: [], gradientNorms: [], activationStats: [], symmetry: [] },
    iteration: 0,
    status: { state: 'running', message: 'running' },
  };
}

function record(t: Trainer, cost: number): void {
  const { layers } = t.config;
  const L = layers.length - 1;
  const ws = t.workspace;
  const norms: number[] = [];
  const symmetry: number[] = [];
  for (let l = 1; l <= L; l++) {
    norms.push(frobeniusNorm(ws.dW[l]));
    if (l < L) symmetry.push(symmetryDistance(t.params.W[l], t.params.b[l], layers[l], layers[l - 1]));
  }
  const h = t.history;
  h.iterations.push(t.iteration);
  h.costs.push(cost);
  h.gradientNorms.push(norms);
  h.activationStats.push(networkLayerStats(ws, layers, t.activations));
  h.symmetry.push(symmetry);
}

/** The part of a run its status bookkeeping needs (plain and remedies trainers alike). */
export interface RunProgress {
  readonly config: { readonly iterations: number };
  iteration: number;
  status: TrainStatus;
}

/** Marks the run "diverged at iteration k" (k = updates applied); what it recorded stays. */
export function diverge(t: RunProgress): void {
  t.status = { state: 'diverged', iteration: t.iteration, message: `diverged at iteration ${t.iteration}` };
}

/** Marks a running run done once it has applied all its iterations. */
export function finishIfDone(t: RunProgress): void {
  if (t.status.state === 'running' && t.iteration >= t.config.iterations) {
    t.status = { state: 'done', message: `done: ${t.config.iterations} iterations` };
  }
}

/**
 * Runs up to `maxIterations` more updates (fewer if the run ends or diverges).
 * @returns the number of updates applied.
 */
export function step(t: Trainer, maxIterations: number): number {
  if (t.status.state !== 'running') return 0;
  const { iterations, recordEvery, learningRate, layers } = t.config;
  const { X, Y, m } = t.data;
  const ws = t.workspace;
  const L = layers.length - 1;
  const end = Math.min(iterations, t.iteration + maxIterations);
  const start = t.iteration;
  while (t.iteration < end) {
    forward(t.params, t.activations, X, ws);
    const recording = t.iteration % recordEvery === 0;
    // An output of exactly 0 or 1 is the only way the cost can be infinite: only then compute it.
    const inside = outputGradient(ws.A[L], Y, ws.dZ[L], m);
    let cost = NaN;
    if (recording || !inside) {
      cost = binaryCrossEntropy(ws.A[L], Y, m);
      if (!Number.isFinite(cost)) {
        diverge(t);
        break;
      }
    }
    backwardFrom(t.params, t.activations, ws);
    if (recording) record(t, cost);
    if (!update(t.params, ws, learningRate)) {
      diverge(t);
      break;
    }
    t.iteration++;
  }
  finishIfDone(t);
  return t.iteration - start;
}

/** Stops a run where it is; what it recorded stays. */
export function cancel(t: RunProgress): void {
  if (t.status.state === 'running') {
    t.status = { state: 'cancelled', iteration: t.iteration, message: `cancelled at iteration ${t.iteration}` };
  }
}

/** Final figures of a run: cost, predictions and classification scores on the training data. */
export interface TrainSummary {
  /** Cost of the current parameters (after the last update). */
  readonly finalCost: number;
  /** Predicted class per example, 1 × m. */
  readonly predictions: Uint8Array;
  readonly report: ClassificationReport;
}

/** Evaluates the trainer's current parameters on its data (a forward pass in its workspace). */
export function summarize(t: Trainer): TrainSummary {
  const { m, X, Y } = t.data;
  const predictions = predict(t.params, t.activations, X, t.workspace, new Uint8Array(m));
  const finalCost = binaryCrossEntropy(t.workspace.A[t.config.layers.length - 1], Y, m);
  return { finalCost, predictions, report: classificationReport(confusionMatrix(Y, predictions, m)) };
}

/** Options for `train`. */
export interface TrainOptions {
  /** Iterations per chunk between progress callbacks. Default 1000. */
  readonly chunk?: number;
  /** Called after every chunk; return false to cancel. */
  readonly onProgress?: (t: Trainer) => boolean | void;
  /** Cancels the run when aborted (checked between chunks). */
  readonly signal?: AbortSignal;
}

/** Runs a whole training synchronously. @throws RangeError for a bad config (see createTrainer). */
export function train(data: Dataset, config: TrainConfig, options: TrainOptions = {}): Trainer & TrainSummary {
  const t = createTrainer(data, config);
  const chunk = options.chunk ?? 1000;
  while (t.status.state === 'running') {
    if (options.signal?.aborted) cancel(t);
    else {
      step(t, chunk);
      if (options.onProgress?.(t) === false) cancel(t);
    }
  }
  return Object.assign(t, summarize(t));
}
