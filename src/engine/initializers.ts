/**
 * Weight initializers by their standard names. Each draws W[l] = randn(n[l], n[l−1]) · std(l)
 * from an explicit seeded generator, W1 row by row, then W2, and so on, exactly as numpy's
 * `np.random.randn(n_l, n_prev) * scale` does in a loop; biases are zero.
 */
import { createParameters, type Parameters } from './network.ts';
import { createRandom, standardNormal, type RandomState } from './random.ts';
import { isKeyOf, lookup } from './registry.ts';

/** A weight-initialization scheme. */
export interface Initializer {
  /** Registry key, e.g. "lecun". */
  readonly name: string;
  /** Human label, e.g. "LeCun normal". */
  readonly label: string;
  /** Where the rule comes from. */
  readonly source: string;
  /** Whether `std` uses the `scale` argument. */
  readonly usesScale: boolean;
  /**
   * Standard deviation of W[l] entries for fan-in nIn = n[l−1] and fan-out nOut = n[l];
   * 0 means "all zeros, no draws".
   */
  std(nIn: number, nOut: number, scale: number): number;
  /** If true, every weight equals `scale` (no draws) and `std` is 0; `scale` may then be negative. */
  readonly constant?: boolean;
}

/** All weights 0: the network never breaks symmetry. */
export const zeros: Initializer = {
  name: 'zeros',
  label: 'zeros',
  source: 'the original article, "zero initialization"',
  usesScale: false,
  std: () => 0,
};

/** W ~ N(0, 1)·scale, the original's "random" initialization (0.01 small, 10 large). */
export const normal: Initializer = {
  name: 'normal',
  label: 'normal × scale',
  source: 'the original article, initialize_parameters_random_howbig',
  usesScale: true,
  std: (_nIn, _nOut, scale) => scale,
};

/** Var(W) = 1/n_in. LeCun et al., "Efficient BackProp" (1998); the original's "appropriate" init for tanh. */
export const lecun: Initializer = {
  name: 'lecun',
  label: 'LeCun normal',
  source: 'LeCun, Bottou, Orr & Müller, Efficient BackProp (1998)',
  usesScale: false,
  std: (nIn) => Math.sqrt(1 / nIn),
};

/** Var(W) = 2/(n_in + n_out). Glorot & Bengio, AISTATS 2010. */
export const glorot: Initializer = {
  name: 'glorot',
  label: 'Glorot/Xavier normal',
  source: 'Glorot & Bengio, Understanding the difficulty of training deep feedforward neural networks (2010)',
  usesScale: false,
  std: (nIn, nOut) => Math.sqrt(2 / (nIn + nOut)),
};

/** Var(W) = 2/n_in. He, Zhang, Ren & Sun, ICCV 2015, for ReLU networks. */
export const he: Initializer = {
  name: 'he',
  label: 'He/Kaiming normal',
  source: 'He, Zhang, Ren & Sun, Delving Deep into Rectifiers (2015)',
  usesScale: false,
  std: (nIn) => Math.sqrt(2 / nIn),
};

/** Every weight equals `scale` (biases 0): the general symmetric start, where hidden units are identical but not 0. */
export const constant: Initializer = {
  name: 'constant',
  label: 'constant',
  source: 'the original article\'s symmetry argument, with every weight equal instead of 0',
  usesScale: true,
  std: () => 0,
  constant: true,
};

/** Every initializer, keyed by the name users type. */
export const initializers = { zeros, normal, lecun, glorot, he, constant } as const satisfies Record<string, Initializer>;

/** Names accepted wherever an initializer is chosen. */
export type InitializerName = keyof typeof initializers;

/** The registered names, in display order. */
export const initializerNames = Object.keys(initializers) as InitializerName[];

/** True if `name` is a registered initializer (own key only). */
export function isInitializerName(name: unknown): name is InitializerName {
  return isKeyOf(initializers, name);
}

/** @throws RangeError naming the allowed values when the name is unknown. */
export function getInitializer(name: string): Initializer {
  return lookup(initializers, 'initializer', name);
}

/**
 * Fills fresh parameters for `layers` with `init`, drawing from `rng` in numpy's order.
 * `scale` is used only by initializers with `usesScale` (normal, and constant: the value of every weight).
 * @throws RangeError for bad layer sizes, or a scale that is not a finite number ≥ 0 when it is used.
 */
export function initializeParameters(
  layers: readonly number[], init: Initializer, rng: RandomState, scale = 0.01,
): Parameters {
  if (init.usesScale && !(Number.isFinite(scale) && (scale >= 0 || init.constant))) {
    throw new RangeError(`scale must be a finite number${init.constant ? '' : ' ≥ 0'}, got ${scale}`);
  }
  const p = createParameters(layers);
  if (init.constant) {
    for (let l = 1; l < layers.length; l++) p.W[l].fill(scale);
    return p;
  }
  for (let l = 1; l < layers.length; l++) {
    const std = init.std(layers[l - 1], layers[l], scale);
    if (std === 0) continue;
    const W = p.W[l];
    for (let i = 0; i < W.length; i++) W[i] = standardNormal(rng) * std;
  }
  return p;
}

/** `np.random.seed(seed)` then `initializeParameters`: the original's draw, reproducible from one number. */
export function initializeSeeded(
  layers: readonly number[], init: Initializer, seed: number, scale?: number,
): Parameters {
  return initializeParameters(layers, init, createRandom(seed), scale);
}
