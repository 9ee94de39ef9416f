/**
 * Training a deep network with the remedies for vanishing and exploding gradients: mini-batches
 * shuffled from the weights' own MT19937 stream, residual connections, batch normalization, gradient
 * clipping between backward and update, and the gd, momentum, rmsprop and adam update rules.
 * One iteration is one update on one mini-batch. At the start of every epoch (unless the batch is the
 * whole data set) the order is `np.random.permutation(m)` drawn after the weights, so this numpy loop
 * reproduces it (test/fixtures/remedies_reference.py):
 *   np.random.seed(seed); draw W[1..L], then P[l]; for each epoch: perm = np.random.permutation(m);
 *   for k in range(ceil(m / B)): batch = perm[k·B:(k+1)·B]
 * The cost recorded at iteration i is the mini-batch's binary cross-entropy before the i-th update;
 * ‖dW[l]‖ is recorded before clipping (what backpropagation delivered).
 */
import { getActivation, sigmoid } from './activations.ts';
import { getClipper, type Clipper } from './clipping.ts';
import type { Dataset } from './datasets.ts';
import {
  createDeepWorkspace, deepBackward, deepForward, deepSlots, initializeDeep,
  type DeepParameters, type DeepWorkspace,
} from './deep-network.ts';
import { getInitializer } from './initializers.ts';
import { binaryCrossEntropy, outputGradient, type NetworkActivations } from './network.ts';
import { getOptimizer, type OptimizerState } from './optimizers.ts';
import { createRandom, type RandomState } from './random.ts';
import { validateRemediesConfig, type RemediesConfig } from './remedies-config.ts';
import { gatherColumns, permutation } from './shuffle.ts';
import { globalGradientNorm, type Slot } from './slots.ts';
import { frobeniusNorm } from './stats.ts';
import { diverge, finishIfDone, type TrainStatus, type TrainSummary } from './train.ts';
import { classificationReport, confusionMatrix } from './metrics.ts';

/** What a remedies run measured, one entry per record (every `recordEvery` iterations). */
export interface RemediesHistory {
  readonly iterations: number[];
  /** Mini-batch binary cross-entropy before that iteration's update. */
  readonly costs: number[];
  /** ‖dW[l]‖ (Frobenius, before clipping) per layer l = 1..L, indexed l − 1. */
  readonly gradientNorms: number[][];
  /** Global gradient norm over every trainable tensor, before clipping. */
  readonly globalNorms: number[];
}

/** A remedies run in progress; `params` always holds the last finite parameters. */
export interface RemediesTrainer {
  readonly config: RemediesConfig;
  readonly data: Dataset;
  readonly activations: NetworkActivations;
  readonly params: DeepParameters;
  readonly workspace: DeepWorkspace;
  readonly slots: readonly Slot[];
  readonly optimizer: OptimizerState;
  readonly clipper: Clipper | null;
  /** The generator the weights were drawn from; the shuffles continue it. */
  readonly rng: RandomState;
  /** The current epoch's example order. */
  readonly order: Int32Array;
  /** Labels of the current mini-batch (1 × batch size). */
  readonly Ybatch: Float64Array;
  readonly batchSize: number;
  readonly history: RemediesHistory;
  iteration: number;
  /** Updates whose gradient the clipping rule changed. */
  clippedSteps: number;
  status: TrainStatus;
}

/**
 * Starts a run: validates the config against the data, draws the weights and projections.
 * @throws ConfigError naming the field and the allowed values.
 */
export function createRemediesTrainer(data: Dataset, config: RemediesConfig): RemediesTrainer {
  validateRemediesConfig(config, 2, data.m);
  const rng = createRandom(config.seed);
  const params = initializeDeep(
    config.layers, { residual: config.residual, batchNorm: config.batchNorm }, getInitializer(config.init), rng, config.scale,
  );
  const batchSize = Math.min(config.batchSize, data.m);
  const workspace = createDeepWorkspace(params, batchSize);
  const slots = deepSlots(params, workspace);
  const optimizer = getOptimizer(config.optimizer).create(slots, config.hyperparameters);
  const order = new Int32Array(data.m);
  for (let i = 0; i < data.m; i++) order[i] = i;
  return {
    config, data, activations: { hidden: getActivation(config.hidden), output: sigmoid }, params, workspace, slots, optimizer,
    clipper: config.clip === 'none' ? null : getClipper(config.clip), rng, order, Ybatch: new Float64Array(batchSize), batchSize,
    history: { iterations: [], costs: [], gradientNorms: [], globalNorms: [] },
    iteration: 0, clippedSteps: 0, status: { state: 'running', message: 'running' },
  };
}

/** Number of mini-batches per epoch. */
export function batchesPerEpoch(t: RemediesTrainer): number {
  return Math.ceil(t.data.m / t.batchSize);
}

/** Loads iteration `t.iteration`'s mini-batch into A[0] and Ybatch (drawing a new order at an epoch start); returns its size. */
function loadBatch(t: RemediesTrainer): number {
  const { m, X, Y } = t.data;
  const B = t.batchSize;
  const perEpoch = batchesPerEpoch(t);
  const k = t.iteration % perEpoch;
  if (B < m && k === 0) permutation(t.rng, t.order);
  const start = k * B;
  const count = Math.min(B, m - start);
  gatherColumns(X, t.config.layers[0], m, t.order, start, count, t.workspace.A[0]);
  gatherColumns(Y, 1, m, t.order, start, count, t.Ybatch);
  return count;
}

function record(t: RemediesTrainer, cost: number): void {
  const L = t.config.layers.length - 1;
  const norms: number[] = [];
  for (let l = 1; l <= L; l++) norms.push(frobeniusNorm(t.workspace.dW[l]));
  const h = t.history;
  h.iterations.push(t.iteration);
  h.costs.push(cost);
  h.gradientNorms.push(norms);
  h.globalNorms.push(globalGradientNorm(t.slots));
}

/**
 * Runs up to `maxIterations` more updates (fewer if the run ends or diverges).
 * @returns the number of updates applied.
 */
export function stepRemedies(t: RemediesTrainer, maxIterations: number): number {
  if (t.status.state !== 'running') return 0;
  const { iterations, recordEvery, learningRate, layers, clipThreshold } = t.config;
  const ws = t.workspace;
  const L = layers.length - 1;
  const end = Math.min(iterations, t.iteration + maxIterations);
  const start = t.iteration;
  while (t.iteration < end) {
    const m = loadBatch(t);
    deepForward(t.params, t.activations, ws, m, 'train', true);
    outputGradient(ws.A[L], t.Ybatch, ws.dZ[L], m);
    const cost = binaryCrossEntropy(ws.A[L], t.Ybatch, m);
    if (!Number.isFinite(cost)) {
      diverge(t);
      break;
    }
    deepBackward(t.params, t.activations.hidden, ws, m);
    if (t.iteration % recordEvery === 0) record(t, cost);
    if (t.clipper && t.clipper.apply(t.slots, clipThreshold)) t.clippedSteps++;
    if (!t.optimizer.step(learningRate)) {
      diverge(t);
      break;
    }
    t.iteration++;
  }
  finishIfDone(t);
  return t.iteration - start;
}

/** Fraction of the updates so far that were clipped (0 when none ran). */
export function clippedFraction(t: RemediesTrainer): number {
  return t.iteration === 0 ? 0 : t.clippedSteps / t.iteration;
}

/**
 * Evaluates the current parameters on the whole data set in prediction mode (batch norm with its running
 * statistics): cost, predicted classes and classification scores. Allocates a full-size workspace once.
 */
export function summarizeRemedies(t: RemediesTrainer): TrainSummary {
  const { m, X, Y } = t.data;
  const ws = createDeepWorkspace(t.params, m);
  ws.A[0].set(X);
  deepForward(t.params, t.activations, ws, m, 'predict');
  const AL = ws.A[t.config.layers.length - 1];
  const predictions = new Uint8Array(m);
  for (let j = 0; j < m; j++) predictions[j] = AL[j] > 0.5 ? 1 : 0;
  return { finalCost: binaryCrossEntropy(AL, Y, m), predictions, report: classificationReport(confusionMatrix(Y, predictions, m)) };
}

/** Runs a whole remedies training synchronously. @throws ConfigError for a bad config. */
export function trainRemedies(data: Dataset, config: RemediesConfig, chunk = 1000): RemediesTrainer {
  const t = createRemediesTrainer(data, config);
  while (t.status.state === 'running') stepRemedies(t, chunk);
  return t;
}
