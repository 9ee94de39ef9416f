/**
 * One place that says what a training configuration may hold, used by the CLI, the MDX
 * components (build-time props), the worker and URL state. Errors name the field, the value
 * and what is allowed, so every caller can show them as they are.
 */
import { activationNames, isActivationName } from './activations.ts';
import { initializerNames, isInitializerName } from './initializers.ts';
import { LIMITS } from './limits.ts';
import type { ActivationName } from './activations.ts';
import type { InitializerName } from './initializers.ts';

/** Everything that defines a run; two equal configs on the same data give bit-identical runs. */
export interface TrainConfig {
  /** Layer sizes [n0, …, nL]; n0 must equal the data's 2 inputs and nL must be 1. */
  readonly layers: readonly number[];
  /** Hidden activation name (see activations.ts). */
  readonly hidden: ActivationName;
  /** Initializer name (see initializers.ts). */
  readonly init: InitializerName;
  /** Standard deviation for the "normal" initializer, every weight's value for "constant"; ignored by the others. */
  readonly scale: number;
  /** Gradient-descent step size, > 0. */
  readonly learningRate: number;
  /** Number of updates, a positive integer. */
  readonly iterations: number;
  /** numpy seed set immediately before the weights are drawn. */
  readonly seed: number;
  /** Record cost, gradient norms and statistics every this many iterations. */
  readonly recordEvery: number;
}

export { LIMITS } from './limits.ts';

/** The original's "appropriate initialization" experiment: [2,3,1], tanh, LeCun, lr 1.2, 10 000 iterations. */
export const DEFAULT_TRAIN_CONFIG: TrainConfig = {
  layers: [2, 3, 1],
  hidden: 'tanh',
  init: 'lecun',
  scale: 0.01,
  learningRate: 1.2,
  iterations: 10000,
  seed: 42,
  recordEvery: 100,
};

/** A bad configuration value: which field, what was given and what is allowed. */
export class ConfigError extends RangeError {
  constructor(readonly field: string, readonly value: unknown, readonly allowed: string) {
    super(`${field} must be ${allowed}; got ${JSON.stringify(value) ?? String(value)}`);
    this.name = 'ConfigError';
  }
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/**
 * Checks every field of a config for a dataset with `nInputs` input features.
 * @throws ConfigError for the first bad field.
 */
export function validateTrainConfig(c: TrainConfig, nInputs = 2): void {
  const { layers } = c;
  const layersAllowed = `a list of ${2}–${LIMITS.maxLayers} integer sizes from 1 to ${LIMITS.maxLayerSize}, starting with ${nInputs} (the data's inputs) and ending with 1 (the sigmoid output)`;
  if (!Array.isArray(layers) || layers.length < 2 || layers.length > LIMITS.maxLayers
    || !layers.every((n) => isInt(n) && n >= 1 && n <= LIMITS.maxLayerSize)
    || layers[0] !== nInputs || layers[layers.length - 1] !== 1) {
    throw new ConfigError('layers', layers, layersAllowed);
  }
  if (!isActivationName(c.hidden)) throw new ConfigError('hidden', c.hidden, `one of ${activationNames.join(', ')}`);
  if (!isInitializerName(c.init)) throw new ConfigError('init', c.init, `one of ${initializerNames.join(', ')}`);
  // The constant initializer's scale is the weights' value, which may be negative.
  const minScale = c.init === 'constant' ? -LIMITS.maxScale : 0;
  if (!(typeof c.scale === 'number' && c.scale >= minScale && c.scale <= LIMITS.maxScale)) {
    throw new ConfigError('scale', c.scale, `a number from ${minScale} to ${LIMITS.maxScale}`);
  }
  if (!(typeof c.learningRate === 'number' && c.learningRate > 0 && c.learningRate <= LIMITS.maxLearningRate)) {
    throw new ConfigError('learningRate', c.learningRate, `a number > 0 and ≤ ${LIMITS.maxLearningRate}`);
  }
  if (!(isInt(c.iterations) && c.iterations >= 1 && c.iterations <= LIMITS.maxIterations)) {
    throw new ConfigError('iterations', c.iterations, `a positive integer ≤ ${LIMITS.maxIterations}`);
  }
  if (!(isInt(c.seed) && c.seed >= 0 && c.seed <= LIMITS.maxSeed)) {
    throw new ConfigError('seed', c.seed, `an integer from 0 to ${LIMITS.maxSeed}`);
  }
  if (!(isInt(c.recordEvery) && c.recordEvery >= 1 && c.recordEvery <= LIMITS.maxIterations)) {
    throw new ConfigError('recordEvery', c.recordEvery, `a positive integer ≤ ${LIMITS.maxIterations}`);
  }
}

/** Parses "2,3,1" or "2-3-1" (or an array) into layer sizes; returns the input unchanged if it is not text. */
export function parseLayers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? parseNumber(v) : v));
  if (typeof value !== 'string') return value;
  const parts = value.split(/[,\s\-/×x]+/).filter((s) => s !== '');
  return parts.map(parseNumber);
}

/** Parses a decimal or exponent number written as text ("1.2", "1e-3"); NaN for anything else. */
export function parseNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || !/^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(value)) return NaN;
  return Number(value);
}

/**
 * Builds a config from loosely typed input (MDX props, CLI flags, URL parameters): numbers may
 * be written as strings, layers as "2,3,1". Missing fields take `defaults`.
 * @throws ConfigError for the first bad field.
 */
export function parseTrainConfig(raw: Readonly<Record<string, unknown>>, defaults: TrainConfig = DEFAULT_TRAIN_CONFIG, nInputs = 2): TrainConfig {
  const pick = (key: string) => (Object.hasOwn(raw, key) && raw[key] !== undefined ? raw[key] : undefined);
  const num = (key: keyof TrainConfig) => {
    const v = pick(key);
    return v === undefined ? (defaults[key] as number) : parseNumber(v);
  };
  const layers = pick('layers');
  const config: TrainConfig = {
    layers: (layers === undefined ? defaults.layers : parseLayers(layers)) as number[],
    hidden: (pick('hidden') ?? defaults.hidden) as TrainConfig['hidden'],
    init: (pick('init') ?? defaults.init) as TrainConfig['init'],
    scale: num('scale'),
    learningRate: num('learningRate'),
    iterations: num('iterations'),
    seed: num('seed'),
    recordEvery: num('recordEvery'),
  };
  try {
    validateTrainConfig(config, nInputs);
  } catch (e) {
    // Report what the user wrote ("abc"), not what it parsed to (NaN).
    if (e instanceof ConfigError && pick(e.field) !== undefined) throw new ConfigError(e.field, pick(e.field), e.allowed);
    throw e;
  }
  return config;
}
