/**
 * Update rules, registered by their standard names, with their hyperparameters' standard names and
 * defaults. Every rule reads Slot.grad and writes Slot.value; moment buffers are allocated once by
 * `create`, so a step never allocates. A step is computed in full and checked before anything is
 * written, so a step that would make a parameter NaN or ±Infinity changes no parameter.
 * The forms are those of Ng's deep learning course (the seed article's source), which match the papers:
 * - gd: θ ← θ − α·g.
 * - momentum: v ← β·v + (1 − β)·g; θ ← θ − α·v (Polyak 1964, in exponentially-weighted-average form).
 * - rmsprop: s ← ρ·s + (1 − ρ)·g²; θ ← θ − α·g / (√s + ε) (Tieleman & Hinton 2012, lecture 6e).
 * - adam: m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; m̂ = m/(1 − β₁ᵗ); v̂ = v/(1 − β₂ᵗ);
 *   θ ← θ − α·m̂ / (√v̂ + ε) (Kingma & Ba 2015, Algorithm 1).
 */
import { isKeyOf, lookup } from './registry.ts';
import { precisePowInt } from './precise-pow.ts';
import type { Slot } from './slots.ts';

/** Hyperparameters by their standard names (beta, rho, beta1, beta2, epsilon). */
export type Hyperparameters = Readonly<Record<string, number>>;

/** A prepared optimizer for one fixed list of slots. */
export interface OptimizerState {
  /** Number of steps applied so far (Adam's t). */
  readonly t: number;
  /**
   * Computes the next step with learning rate α and applies it if every new value is finite.
   * @returns false (parameters unchanged) if the step would produce NaN or ±Infinity.
   */
  step(learningRate: number): boolean;
}

/** An update rule. */
export interface Optimizer {
  readonly name: string;
  readonly label: string;
  readonly source: string;
  /** Standard hyperparameter defaults, e.g. { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }. */
  readonly defaults: Hyperparameters;
  /** The paper's default learning rate α. */
  readonly defaultLearningRate: number;
  /** Allocates the rule's buffers for `slots`. @throws RangeError for an unknown or out-of-range hyperparameter. */
  create(slots: readonly Slot[], hyper?: Hyperparameters): OptimizerState;
}

function resolve(o: Pick<Optimizer, 'name' | 'defaults'>, hyper: Hyperparameters = {}): Record<string, number> {
  const out: Record<string, number> = { ...o.defaults };
  for (const [k, v] of Object.entries(hyper)) {
    if (!Object.hasOwn(o.defaults, k)) {
      throw new RangeError(`${o.name} has no hyperparameter "${k}"; allowed: ${Object.keys(o.defaults).join(', ') || 'none'}`);
    }
    const ok = k === 'epsilon' ? v > 0 && v < 1 : v >= 0 && v < 1;
    if (!(typeof v === 'number' && ok)) throw new RangeError(`${o.name}: ${k} must be a number in ${k === 'epsilon' ? '(0, 1)' : '[0, 1)'}, got ${v}`);
    out[k] = v;
  }
  return out;
}

/** Shared driver: `delta` fills each slot's step buffer; values are written only if all are finite. */
function makeState(slots: readonly Slot[], delta: (k: number, g: Float64Array, d: Float64Array, lr: number, t: number) => void): OptimizerState {
  const steps = slots.map((s) => new Float64Array(s.value.length));
  const state = {
    t: 0,
    step(learningRate: number): boolean {
      const t = state.t + 1;
      for (let k = 0; k < slots.length; k++) {
        const d = steps[k];
        delta(k, slots[k].grad, d, learningRate, t);
        const x = slots[k].value;
        for (let i = 0; i < x.length; i++) {
          const v = x[i] - d[i];
          if (v - v !== 0) return false; // NaN and ±Infinity give NaN
        }
      }
      for (let k = 0; k < slots.length; k++) {
        const x = slots[k].value;
        const d = steps[k];
        for (let i = 0; i < x.length; i++) x[i] = x[i] - d[i];
      }
      state.t = t;
      return true;
    },
  };
  return state;
}

const buffers = (slots: readonly Slot[]) => slots.map((s) => new Float64Array(s.value.length));

/** Plain gradient descent, the engine's original rule: θ ← θ − α·g. */
export const gd: Optimizer = {
  name: 'gd',
  label: 'gradient descent',
  source: 'Cauchy (1847); the seed article',
  defaults: {},
  defaultLearningRate: 0.01,
  create(slots, hyper) {
    resolve(this, hyper);
    return makeState(slots, (_k, g, d, lr) => {
      for (let i = 0; i < g.length; i++) d[i] = lr * g[i];
    });
  },
};

/** Momentum: an exponentially weighted average of gradients, β = 0.9. */
export const momentum: Optimizer = {
  name: 'momentum',
  label: 'momentum',
  source: 'Polyak (1964); Ng, Improving Deep Neural Networks, "Optimization methods"',
  defaults: { beta: 0.9 },
  defaultLearningRate: 0.01,
  create(slots, hyper) {
    const { beta } = resolve(this, hyper);
    const v = buffers(slots);
    return makeState(slots, (k, g, d, lr) => {
      const vk = v[k];
      for (let i = 0; i < g.length; i++) {
        vk[i] = beta * vk[i] + (1 - beta) * g[i];
        d[i] = lr * vk[i];
      }
    });
  },
};

/** RMSProp: divides by a running root mean square of gradients, ρ = 0.9, ε = 1e-8. */
export const rmsprop: Optimizer = {
  name: 'rmsprop',
  label: 'RMSProp',
  source: 'Tieleman & Hinton (2012), Coursera lecture 6e',
  defaults: { rho: 0.9, epsilon: 1e-8 },
  defaultLearningRate: 0.001,
  create(slots, hyper) {
    const { rho, epsilon } = resolve(this, hyper);
    const s = buffers(slots);
    return makeState(slots, (k, g, d, lr) => {
      const sk = s[k];
      for (let i = 0; i < g.length; i++) {
        sk[i] = rho * sk[i] + (1 - rho) * (g[i] * g[i]);
        d[i] = lr * (g[i] / (Math.sqrt(sk[i]) + epsilon));
      }
    });
  },
};

/** Adam: bias-corrected first and second moments, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, α = 0.001; β^t by precisePowInt (same bits everywhere). */
export const adam: Optimizer = {
  name: 'adam',
  label: 'Adam',
  source: 'Kingma & Ba, Adam: A Method for Stochastic Optimization (ICLR 2015), Algorithm 1',
  defaults: { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  defaultLearningRate: 0.001,
  create(slots, hyper) {
    const { beta1, beta2, epsilon } = resolve(this, hyper);
    const m = buffers(slots);
    const v = buffers(slots);
    return makeState(slots, (k, g, d, lr, t) => {
      const mk = m[k];
      const vk = v[k];
      const c1 = 1 - precisePowInt(beta1, t);
      const c2 = 1 - precisePowInt(beta2, t);
      for (let i = 0; i < g.length; i++) {
        mk[i] = beta1 * mk[i] + (1 - beta1) * g[i];
        vk[i] = beta2 * vk[i] + (1 - beta2) * (g[i] * g[i]);
        d[i] = lr * ((mk[i] / c1) / (Math.sqrt(vk[i] / c2) + epsilon));
      }
    });
  },
};

/** Every optimizer by its standard name. */
export const optimizers = { gd, momentum, rmsprop, adam } as const satisfies Record<string, Optimizer>;

export type OptimizerName = keyof typeof optimizers;
export const optimizerNames = Object.keys(optimizers) as OptimizerName[];

export function isOptimizerName(name: unknown): name is OptimizerName {
  return isKeyOf(optimizers, name);
}

/** @throws RangeError naming the allowed values when the name is unknown. */
export function getOptimizer(name: string): Optimizer {
  return lookup(optimizers, 'optimizer', name);
}
