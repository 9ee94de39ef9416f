/**
 * What a remedies run's configuration may hold (the deep network of the "Remedies side by side"
 * explorer, the CLI and tests): the plain TrainConfig plus the remedy switches. Errors are ConfigErrors
 * naming the field, the value and what is allowed, as for plain runs.
 */
import { clipperNames, isClipperName, type ClipperName } from './clipping.ts';
import { ConfigError, DEFAULT_TRAIN_CONFIG, validateTrainConfig } from './config.ts';
import { residualModes, type ResidualMode } from './deep-network.ts';
import { getOptimizer, isOptimizerName, optimizerNames, type Hyperparameters, type OptimizerName } from './optimizers.ts';
import type { TrainConfig } from './train.ts';

/** Bounds for deep remedies runs: affordable in a reader's browser, deep enough to vanish. */
export const DEEP_LIMITS = { maxHiddenLayers: 50, maxWidth: 64, maxBatchSize: 1_000_000, maxClipThreshold: 1e6 } as const;

/** A remedies run: a plain config plus the remedies. Two equal configs on the same data give bit-identical runs. */
export interface RemediesConfig extends TrainConfig {
  /** Update rule (optimizers.ts). */
  readonly optimizer: OptimizerName;
  /** The rule's hyperparameters by their standard names; missing ones take the rule's defaults. */
  readonly hyperparameters?: Hyperparameters;
  /** Clipping rule, or "none". */
  readonly clip: ClipperName | 'none';
  /** Clipping threshold c > 0 (global norm or per-component bound). */
  readonly clipThreshold: number;
  /** Skip connections on the hidden layers (deep-network.ts). */
  readonly residual: ResidualMode;
  /** Batch normalization of every hidden layer's pre-activation. */
  readonly batchNorm: boolean;
  /** Examples per update; the data set's m (or more) means full-batch, in data order, with no shuffling draws. */
  readonly batchSize: number;
}

/** A plain full-batch gradient-descent run with no remedies: the engine's original training. */
export const DEFAULT_REMEDIES_CONFIG: RemediesConfig = {
  ...DEFAULT_TRAIN_CONFIG,
  optimizer: 'gd',
  clip: 'none',
  clipThreshold: 1,
  residual: 'none',
  batchNorm: false,
  batchSize: 1_000_000,
};

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/**
 * Checks every field for a dataset with `nInputs` features and `m` examples.
 * @throws ConfigError for the first bad field.
 */
export function validateRemediesConfig(c: RemediesConfig, nInputs = 2, m = Infinity): void {
  const { layers } = c;
  const { maxHiddenLayers, maxWidth } = DEEP_LIMITS;
  if (!Array.isArray(layers) || layers.length < 2 || layers.length > maxHiddenLayers + 2
    || !layers.slice(1, -1).every((n) => isInt(n) && n >= 1 && n <= maxWidth)) {
    throw new ConfigError('layers', layers, `${nInputs}, then 0–${maxHiddenLayers} hidden layers of width 1–${maxWidth}, then 1`);
  }
  validateTrainConfig(c, nInputs);
  if (!isOptimizerName(c.optimizer)) throw new ConfigError('optimizer', c.optimizer, `one of ${optimizerNames.join(', ')}`);
  try {
    getOptimizer(c.optimizer).create([], c.hyperparameters);
  } catch (e) {
    throw new ConfigError('hyperparameters', c.hyperparameters, (e as Error).message);
  }
  if (!(c.clip === 'none' || isClipperName(c.clip))) throw new ConfigError('clip', c.clip, `one of none, ${clipperNames.join(', ')}`);
  if (!(typeof c.clipThreshold === 'number' && c.clipThreshold > 0 && c.clipThreshold <= DEEP_LIMITS.maxClipThreshold)) {
    throw new ConfigError('clipThreshold', c.clipThreshold, `a number > 0 and ≤ ${DEEP_LIMITS.maxClipThreshold}`);
  }
  if (!residualModes.includes(c.residual)) throw new ConfigError('residual', c.residual, `one of ${residualModes.join(', ')}`);
  if (typeof c.batchNorm !== 'boolean') throw new ConfigError('batchNorm', c.batchNorm, 'true or false');
  if (!(isInt(c.batchSize) && c.batchSize >= 1 && c.batchSize <= DEEP_LIMITS.maxBatchSize)) {
    throw new ConfigError('batchSize', c.batchSize, `an integer from 1 to ${DEEP_LIMITS.maxBatchSize} (${Number.isFinite(m) ? m : 'm'} or more is full batch)`);
  }
  if (c.batchNorm && Math.min(c.batchSize, m) < 2) {
    throw new ConfigError('batchSize', c.batchSize, 'at least 2 with batch normalization (one example has no variance)');
  }
}
