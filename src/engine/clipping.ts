/**
 * Gradient clipping, applied between the backward pass and the update, registered by name.
 * - "norm": if the global norm ‖g‖ exceeds the threshold c, every gradient is scaled by c/‖g‖
 *   (Pascanu, Mikolov & Bengio, On the difficulty of training recurrent neural networks, ICML 2013, Alg. 2).
 * - "value": every component is clamped to [−c, c] (Mikolov 2012, the element-wise variant the same paper discusses).
 * Both work in place and never allocate.
 */
import { isKeyOf, lookup } from './registry.ts';
import { globalGradientNorm, type Slot } from './slots.ts';

/** A clipping rule. */
export interface Clipper {
  /** Registry key. */
  readonly name: string;
  readonly label: string;
  readonly source: string;
  /**
   * Clips the gradients of `slots` in place with threshold c > 0.
   * @returns true if anything changed (the step counts as clipped).
   */
  apply(slots: readonly Slot[], threshold: number): boolean;
}

/** Rescales all gradients together when their global L2 norm exceeds the threshold; the direction is kept. */
export const clipNorm: Clipper = {
  name: 'norm',
  label: 'clip by global norm',
  source: 'Pascanu, Mikolov & Bengio (2013), Algorithm 2',
  apply(slots, threshold) {
    const norm = globalGradientNorm(slots);
    if (!(norm > threshold)) return false;
    scaleAll(slots, threshold / norm);
    // Rounding can leave the norm an ulp or two above c: shrink by ulps until it is not, so ‖g‖ ≤ c holds exactly.
    while (globalGradientNorm(slots) > threshold) scaleAll(slots, 1 - 2 ** -50);
    return true;
  },
};

function scaleAll(slots: readonly Slot[], factor: number): void {
  for (let k = 0; k < slots.length; k++) {
    const g = slots[k].grad;
    for (let i = 0; i < g.length; i++) g[i] *= factor;
  }
}

/** Clamps each gradient component to [−c, c]; the direction may change. */
export const clipValue: Clipper = {
  name: 'value',
  label: 'clip by value',
  source: 'Mikolov (2012), as discussed by Pascanu, Mikolov & Bengio (2013), §3.2',
  apply(slots, threshold) {
    let clipped = false;
    for (let k = 0; k < slots.length; k++) {
      const g = slots[k].grad;
      for (let i = 0; i < g.length; i++) {
        if (g[i] > threshold) {
          g[i] = threshold;
          clipped = true;
        } else if (g[i] < -threshold) {
          g[i] = -threshold;
          clipped = true;
        }
      }
    }
    return clipped;
  },
};

/** Every clipping rule by name; "none" is spelled as the absence of a rule. */
export const clippers = { norm: clipNorm, value: clipValue } as const satisfies Record<string, Clipper>;

export type ClipperName = keyof typeof clippers;
export const clipperNames = Object.keys(clippers) as ClipperName[];

export function isClipperName(name: unknown): name is ClipperName {
  return isKeyOf(clippers, name);
}

/** @throws RangeError naming the allowed values when the name is unknown. */
export function getClipper(name: string): Clipper {
  return lookup(clippers, 'clipping rule', name);
}
