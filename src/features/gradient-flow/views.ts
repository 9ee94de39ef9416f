/**
 * Views of the <GradientFlow> explorer: a deeper network's settings → training config, and a run's
 * snapshot → its four charts (gradient norms per layer, activation histograms, and the variance rule
 * against one network and against an average of draws), with captions, tables and a status line.
 * Pure functions: the build-time prerender and the live island call the same code.
 */
import type * as Plot from '@observablehq/plot';
import {
  fmt, fmtInt, gradientFlow, gradientFlowCaption, gradientFlowTable, histograms, histogramsCaption, histogramsTable, variance, varianceCaption,
  varianceTable, type ChartTable, type GradientFlowData, type VarianceData,
} from '../../charts/browser.ts';
import {
  createTrainer, getInitializer, histogram, predictedPreactivationVariance, secondMoment, step, varianceAtInitialization,
  type Dataset, type Histogram, type TrainConfig, type TrainStatus, type VarianceProfile,
} from '../../engine/index.ts';
import { EXPLODING_ABOVE, VANISHING_BELOW, viewKey, type ChartView } from '../../kit/chart-view.ts';
import type { HistoryDelta } from '../../run/protocol.ts';

import { EXPLORER_ACTIVATIONS, EXPLORER_SCHEMES, type ExplorerActivation, type Scheme } from '../../kit/labels.ts';


/** The reader's settings (what the URL stores, besides the speed). */
export interface FlowSettings {
  readonly depth: number;
  readonly width: number;
  readonly hidden: ExplorerActivation;
  readonly init: Scheme;
  readonly scale: number;
  readonly learningRate: number;
  readonly iterations: number;
  readonly seed: number;
}

/** How many draws of the weights the variance average uses (the engine's test uses 16 too). */
export const VARIANCE_DRAWS = 16;

/** Records per run: about 30, so a run's history stays small whatever its length. */
export const recordEvery = (iterations: number): number => Math.max(1, Math.round(iterations / 30));

/** The training config of `s`: `depth` hidden layers of `width` units between the 2 inputs and the 1 output. */
export function flowConfig(s: FlowSettings): TrainConfig {
  return {
    layers: [2, ...new Array<number>(s.depth).fill(s.width), 1], hidden: s.hidden, init: s.init, scale: s.scale,
    learningRate: s.learningRate, iterations: s.iterations, seed: s.seed, recordEvery: recordEvery(s.iterations),
  };
}

/** Fixed histogram bins per activation: its range for tanh and sigmoid; [0, 5] for ReLU (larger values land in the last bin). */
export function histogramBins(hidden: FlowSettings['hidden']): { bins: number; lo: number; hi: number } {
  if (hidden === 'tanh') return { bins: 40, lo: -1, hi: 1 };
  if (hidden === 'sigmoid') return { bins: 40, lo: 0, hi: 1 };
  return { bins: 40, lo: 0, hi: 5 };
}

/** The seeds of the variance average: this network's seed and the next ones (mod 2³²). */
export function varianceSeeds(seed: number): number[] {
  return Array.from({ length: VARIANCE_DRAWS }, (_, k) => (seed + k) % 0x1_0000_0000);
}

/** A run of the explorer at a moment, whether trained at build time or streaming from the worker. */
export interface FlowSnapshot {
  readonly config: TrainConfig;
  readonly status: TrainStatus | { readonly state: 'idle'; readonly message: string };
  readonly iteration: number;
  readonly history: HistoryDelta;
  /** Histograms of A[l], l = 1..L, from the latest forward pass; undefined before the first one. */
  readonly histograms?: readonly Histogram[];
  /** Var(z[l]) of this network's draw, used until the run's first record (or if it diverged before one). */
  readonly single?: VarianceProfile;
  /** Var(z[l]) averaged over `varianceSeeds(seed)`; undefined while the worker computes it. */
  readonly average?: VarianceProfile;
  /** E[x²] of the data, the rule's input to layer 1. */
  readonly inputSecondMoment: number;
}

/** All charts and the status line. */
export interface FlowViews {
  readonly gradients: ChartView;
  readonly histograms: ChartView;
  readonly network: ChartView;
  readonly average: ChartView;
  readonly status: string;
}

const empty: ChartTable = { columns: [], rows: [] };
const seedText = (seed: number) => `seed ${seed}`;

function gradientsView(s: FlowSnapshot, width?: number): ChartView {
  const title = 'Gradient norm ‖dW[l]‖ of each layer during training';
  const data: GradientFlowData = { iterations: s.history.iterations, norms: s.history.gradientNorms, vanishingBelow: VANISHING_BELOW, explodingAbove: EXPLODING_ABOVE };
  const why = ` Why these ranges: one update moves W[l] by the learning rate times ‖dW[l]‖, so below ${fmt(VANISHING_BELOW)} even 5,000 updates at learning rate 1 move a layer by less than 0.005 (it does not learn), and above ${fmt(EXPLODING_ABOVE)} a single update at learning rate 0.5 moves it by more than 500, far beyond the size of its weights.`;
  if (s.history.iterations.length === 0) {
    return { title, caption: `${s.status.state === 'diverged' ? `The run ${s.status.message}, before its first record.` : 'No gradient recorded yet.'}${why}`, table: empty };
  }
  return {
    title,
    plot: gradientFlow(data, { ...(width ? { width } : {}), totalIterations: s.config.iterations, ariaLabel: title }),
    caption: gradientFlowCaption(data) + why,
    table: gradientFlowTable(data),
  };
}

function histogramsView(s: FlowSnapshot, width?: number): ChartView {
  const title = 'Activations a[l] of each hidden layer in the latest forward pass';
  const hidden = (s.histograms ?? []).slice(0, s.config.layers.length - 2);
  if (hidden.length === 0) return { title, caption: 'No forward pass yet.', table: empty };
  const data = { layers: hidden.map((h, i) => ({ l: i + 1, histogram: h })) };
  const n = hidden.length;
  // Up to 5 panels a row, each at least 120 px wide.
  const fit = Math.max(1, Math.min(5, Math.floor((width ?? 720) / 120)));
  const columns = Math.ceil(n / Math.ceil(n / fit));
  const range = s.config.hidden === 'relu' ? ' Values above 5 are counted in the last bin.' : '';
  return {
    title,
    plot: histograms(data, { columns, ariaLabel: title, ...(width ? { width } : {}) }),
    caption: `At iteration ${fmtInt(s.iteration)}: ${histogramsCaption(data)}${range}`,
    table: histogramsTable(data),
  };
}

const OUTPUT_NOTE = `The output layer is left out: it is a single unit, so even ${VARIANCE_DRAWS} draws are only ${VARIANCE_DRAWS} samples of it.`;

/** The variance chart of the hidden layers (the rule is about averages over many units). */
function varianceView(title: string, lead: string, data: VarianceData | null, hiddenLayers: number, width?: number): ChartView {
  if (!data) return { title, caption: 'Computing…', table: empty };
  const hidden = { measured: data.measured.slice(0, hiddenLayers), predicted: data.predicted.slice(0, hiddenLayers) };
  return {
    title, plot: variance(hidden, { ariaLabel: title, height: 260, ...(width ? { width } : {}) }),
    caption: `${lead} ${varianceCaption(hidden)} ${OUTPUT_NOTE}`, table: varianceTable(hidden),
  };
}

/** Measured Var(z[l]) of this network from the run's first record, and the rule's prediction from the same record. */
function networkVariance(s: FlowSnapshot): VarianceData | null {
  const first = s.history.activationStats[0];
  if (!first) return s.single ?? null; // the same numbers: one forward pass of the same initial weights
  const { layers, init, scale } = s.config;
  return {
    measured: first.map((st) => st.zStd ** 2),
    predicted: predictedPreactivationVariance(layers, getInitializer(init), scale, first, s.inputSecondMoment),
  };
}

/** One line: where the run is, with its latest recorded cost. */
export function flowStatus(s: FlowSnapshot): string {
  const cost = s.history.costs.at(-1);
  const costText = cost === undefined ? '' : ` · last recorded cost ${cost.toFixed(6)} (iteration ${fmtInt(s.history.iterations.at(-1)!)})`;
  if (s.status.state === 'idle') return `Not started${costText}`;
  if (s.status.state === 'running') return `Iteration ${fmtInt(s.iteration)} of ${fmtInt(s.config.iterations)}${costText}`;
  return `${s.status.message[0].toUpperCase()}${s.status.message.slice(1)}${costText}`;
}

/** The explorer's charts. */
export type FlowChart = 'gradients' | 'histograms' | 'network' | 'average';

/** Chart `name` of the explorer for snapshot `s` (the island draws one per frame). */
export function flowView(name: FlowChart, s: FlowSnapshot, width?: number): ChartView {
  if (name === 'gradients') return gradientsView(s, width);
  if (name === 'histograms') return histogramsView(s, width);
  const { seed } = s.config;
  const depth = s.config.layers.length - 2;
  if (name === 'network') {
    return varianceView(
      `Var(z[l]) of the hidden layers at initialization: this network (${seedText(seed)}) and the variance rule`,
      `One draw of the weights (${seedText(seed)}), measured in the run's first forward pass:`,
      networkVariance(s), depth, width,
    );
  }
  const seeds = varianceSeeds(seed);
  return varianceView(
    `Var(z[l]) of the hidden layers at initialization: average of ${VARIANCE_DRAWS} draws and the variance rule`,
    `Average over ${VARIANCE_DRAWS} draws (seeds ${seeds[0]}–${seeds.at(-1)}):`,
    s.average ?? null, depth, width,
  );
}

/** Every chart of the explorer and the status line for snapshot `s`. */
export function flowViews(s: FlowSnapshot, width?: number): FlowViews {
  return {
    gradients: flowView('gradients', s, width), histograms: flowView('histograms', s, width), network: flowView('network', s, width), average: flowView('average', s, width),
    status: flowStatus(s),
  };
}

/**
 * Trains `settings` to the end with the engine (build time) and returns the snapshot the worker
 * would report at the end: histograms of the last forward pass, variance of one and of 16 draws.
 */
export function buildFlowSnapshot(settings: FlowSettings, data: Dataset): FlowSnapshot {
  const config = flowConfig(settings);
  const t = createTrainer(data, config);
  while (t.status.state === 'running') step(t, config.iterations);
  const { bins, lo, hi } = histogramBins(settings.hidden);
  const init = getInitializer(config.init);
  return {
    config, status: t.status, iteration: t.iteration, history: t.history,
    histograms: config.layers.slice(1).map((n, i) => histogram(t.workspace.A[i + 1], n * data.m, bins, lo, hi)),
    single: varianceAtInitialization(data, config.layers, config.hidden, init, config.scale, [config.seed]),
    average: varianceAtInitialization(data, config.layers, config.hidden, init, config.scale, varianceSeeds(config.seed)),
    inputSecondMoment: secondMoment(data.X),
  };
}
