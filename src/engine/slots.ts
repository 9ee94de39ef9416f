/**
 * A trainable tensor beside its gradient: the unit that clipping and optimizers work on, so they
 * treat W, b, the batch-norm γ and β and residual projections alike.
 */

/** One parameter tensor and the gradient of the cost with respect to it (same length). */
export interface Slot {
  /** Standard name with its layer, e.g. "W3", "gamma2", "P1". */
  readonly name: string;
  /** The parameter, updated in place. */
  readonly value: Float64Array;
  /** ∂cost/∂value, written by the backward pass. */
  readonly grad: Float64Array;
}

/**
 * Global L2 norm of every slot's gradient, √(Σ_slots Σ_i grad²) (Pascanu et al. 2013, the ‖ĝ‖ of Algorithm 2).
 * Scaled by the largest entry so that exploding gradients (1e200) do not overflow to Infinity.
 * NaN if any entry is NaN; Infinity if any entry is infinite.
 */
export function globalGradientNorm(slots: readonly Slot[]): number {
  let max = 0;
  for (let k = 0; k < slots.length; k++) {
    const g = slots[k].grad;
    for (let i = 0; i < g.length; i++) {
      const v = Math.abs(g[i]);
      if (v !== v) return NaN;
      if (v > max) max = v;
    }
  }
  if (max === 0 || max === Infinity) return max;
  let s = 0;
  for (let k = 0; k < slots.length; k++) {
    const g = slots[k].grad;
    for (let i = 0; i < g.length; i++) {
      const v = g[i] / max;
      s += v * v;
    }
  }
  return max * Math.sqrt(s);
}
