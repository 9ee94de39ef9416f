/**
 * Activation functions g, each shipped with its derivative, registered under the name users type.
 * Kernels run over Float64Array ranges and never allocate, so the training loop can call them
 * once per layer per iteration.
 */
import { expFast, expInRange } from './fast-math.ts';
import { isKeyOf, lookup } from './registry.ts';

/** An activation g with its derivative g′. */
export interface Activation {
  /** Registry key, e.g. "tanh". */
  readonly name: string;
  /** Human label, e.g. "tanh". */
  readonly label: string;
  /** a[i] = g(z[i]) for i < length. */
  f(z: Float64Array, a: Float64Array, length: number): void;
  /** dZ[i] = dA[i] · g′(z[i]) for i < length, given z and a = g(z) (whichever is cheaper). */
  df(z: Float64Array, a: Float64Array, dA: Float64Array, dZ: Float64Array, length: number): void;
  /** Scalar g′(z), given z and a = g(z): for statistics and tests, not for hot loops. */
  slope(z: number, a: number): number;
  /** sup g′, the slope a unit passes at best; saturation is measured against it. */
  readonly maxSlope: number;
}

/** Negative-side slope of leaky ReLU (Maas et al., 2013). */
export const LEAKY_SLOPE = 0.01;

/** Logistic sigmoid σ(z) = 1/(1 + e^−z); σ′ = σ(1 − σ). */
export const sigmoid: Activation = {
  name: 'sigmoid',
  label: 'sigmoid',
  f(z, a, length) {
    for (let i = 0; i < length; i++) a[i] = 1 / (1 + expFast(-z[i]));
  },
  df(_z, a, dA, dZ, length) {
    for (let i = 0; i < length; i++) dZ[i] = dA[i] * (a[i] * (1 - a[i]));
  },
  slope: (_z, a) => a * (1 - a),
  maxSlope: 0.25,
};

/**
 * Hyperbolic tangent computed as the reference computes it, (e^z − e^−z)/(e^z + e^−z), so that
 * rounding follows numpy's trajectory (it matters in the chaotic stretch of the large-init run);
 * |z| ≥ 20 returns ±1, which that formula also gives until e^z overflows. tanh′ = 1 − a².
 */
export const tanh: Activation = {
  name: 'tanh',
  label: 'tanh',
  f(z, a, length) {
    for (let i = 0; i < length; i++) {
      const x = z[i];
      if (x < 20 && x > -20) {
        const ep = expInRange(x);
        const em = expInRange(-x);
        a[i] = (ep - em) / (ep + em);
      } else a[i] = x > 0 ? 1 : x < 0 ? -1 : x;
    }
  },
  df(_z, a, dA, dZ, length) {
    for (let i = 0; i < length; i++) dZ[i] = dA[i] * (1 - a[i] * a[i]);
  },
  slope: (_z, a) => 1 - a * a,
  maxSlope: 1,
};

/** Rectified linear unit max(0, z); g′ = 1 for z > 0, else 0 (the subgradient at 0 is taken as 0). */
export const relu: Activation = {
  name: 'relu',
  label: 'ReLU',
  f(z, a, length) {
    for (let i = 0; i < length; i++) a[i] = z[i] > 0 ? z[i] : 0;
  },
  df(z, _a, dA, dZ, length) {
    for (let i = 0; i < length; i++) dZ[i] = z[i] > 0 ? dA[i] : 0;
  },
  slope: (z) => (z > 0 ? 1 : 0),
  maxSlope: 1,
};

/** Leaky ReLU: z for z > 0, else 0.01·z. */
export const leakyRelu: Activation = {
  name: 'leaky-relu',
  label: 'leaky ReLU',
  f(z, a, length) {
    for (let i = 0; i < length; i++) a[i] = z[i] > 0 ? z[i] : LEAKY_SLOPE * z[i];
  },
  df(z, _a, dA, dZ, length) {
    for (let i = 0; i < length; i++) dZ[i] = z[i] > 0 ? dA[i] : LEAKY_SLOPE * dA[i];
  },
  slope: (z) => (z > 0 ? 1 : LEAKY_SLOPE),
  maxSlope: 1,
};

/** Identity g(z) = z, as in the deep linear network of the derivation. */
export const linear: Activation = {
  name: 'linear',
  label: 'linear',
  f(z, a, length) {
    for (let i = 0; i < length; i++) a[i] = z[i];
  },
  df(_z, _a, dA, dZ, length) {
    for (let i = 0; i < length; i++) dZ[i] = dA[i];
  },
  slope: () => 1,
  maxSlope: 1,
};

/** Every activation, keyed by the name users type (CLI flags, MDX props, URL state). */
export const activations = {
  sigmoid,
  tanh,
  relu,
  'leaky-relu': leakyRelu,
  linear,
} as const satisfies Record<string, Activation>;

/** Names accepted wherever an activation is chosen. */
export type ActivationName = keyof typeof activations;

/** The registered names, in display order. */
export const activationNames = Object.keys(activations) as ActivationName[];

/** True if `name` is a registered activation (own key only, so "__proto__" is rejected). */
export function isActivationName(name: unknown): name is ActivationName {
  return isKeyOf(activations, name);
}

/**
 * Looks an activation up by name.
 * @throws RangeError naming the allowed values when the name is unknown.
 */
export function getActivation(name: string): Activation {
  return lookup(activations, 'activation', name);
}

/** Fraction of a unit's best slope below which we call it saturated (little gradient passes). */
export const SATURATION_RATIO = 0.05;
