/**
 * The "Remedies side by side" network: one deep network with a poor initialization, trained in up to
 * four variants in lockstep. This module holds its settings, the variants' configs and the per-layer
 * measures its table and the lesson's claims use. Pure (engine only), so the CLI, bench, tests and the
 * island share it.
 */
import { DEFAULT_REMEDIES_CONFIG, type RemediesConfig, type RemediesHistory } from '../../engine/index.ts';

import { REMEDY_VARIANTS, type RemedyVariant } from '../../kit/labels.ts';
import { defaultsOf } from '../../kit/settings.ts';
import { remediesSettings } from './schema.ts';

export { REMEDY_VARIANTS, type RemedyVariant };

export const VARIANT_LABELS: Readonly<Record<RemedyVariant, string>> = {
  plain: 'plain gradient descent',
  clipped: 'clipped (global norm ≤ 1)',
  residual: 'residual',
  batchnorm: 'batch-normalized',
  adam: 'Adam',
  'residual+batchnorm': 'residual + batch norm',
};

/** What the reader sets: the shared network and training, and which variants run. */
export interface RemediesSettings {
  readonly depth: number;
  readonly width: number;
  readonly hidden: 'tanh' | 'relu';
  /** Standard deviation of the normal initialization: the "poor initialization" when far from 1/√width. */
  readonly scale: number;
  readonly learningRate: number;
  readonly batchSize: number;
  readonly iterations: number;
  readonly seed: number;
  readonly variants: readonly RemedyVariant[];
}

/** The explorer's defaults (schema.ts): 30 tanh layers of 16 units, N(0, 0.1²) weights, learning rate 0.1, batches of 64, 1000 iterations. */
export const DEFAULT_REMEDIES_SETTINGS: RemediesSettings = defaultsOf(remediesSettings);

/** Record every this many iterations (about 100 records per run). */
export const remediesRecordEvery = (iterations: number): number => Math.max(1, Math.round(iterations / 100));

/** The engine config of one variant. Adam takes its paper's learning rate 0.001, scaled like the others' (×0.01). */
export function variantConfig(s: RemediesSettings, variant: RemedyVariant): RemediesConfig {
  const base: RemediesConfig = {
    ...DEFAULT_REMEDIES_CONFIG,
    layers: [2, ...Array<number>(s.depth).fill(s.width), 1],
    hidden: s.hidden, init: 'normal', scale: s.scale, learningRate: s.learningRate, iterations: s.iterations, seed: s.seed,
    recordEvery: remediesRecordEvery(s.iterations), batchSize: s.batchSize,
  };
  switch (variant) {
    case 'plain': return base;
    case 'clipped': return { ...base, clip: 'norm', clipThreshold: 1 };
    case 'residual': return { ...base, residual: 'identity' };
    case 'batchnorm': return { ...base, batchNorm: true };
    case 'adam': return { ...base, optimizer: 'adam', learningRate: s.learningRate / 100 };
    case 'residual+batchnorm': return { ...base, residual: 'identity', batchNorm: true };
  }
}

/** ‖dW[1]‖ / ‖dW[L]‖ at each record: far below 1 when the gradient vanishes on its way back. */
export function firstOverLast(h: Pick<RemediesHistory, 'gradientNorms'>): number[] {
  return h.gradientNorms.map((g) => g[0] / g[g.length - 1]);
}

/** max_l ‖dW[l]‖ / min_l ‖dW[l]‖ at each record: 100 means every layer within two orders of magnitude. */
export function layerSpread(h: Pick<RemediesHistory, 'gradientNorms'>): number[] {
  return h.gradientNorms.map((g) => Math.max(...g) / Math.min(...g));
}

/** First recorded iteration whose cost is at or below `threshold`, or null. */
export function iterationsTo(h: Pick<RemediesHistory, 'iterations' | 'costs'>, threshold: number): number | null {
  const k = h.costs.findIndex((c) => c <= threshold);
  return k < 0 ? null : h.iterations[k];
}
