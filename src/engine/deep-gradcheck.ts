/**
 * Finite-difference gradient check for deep networks with remedies (residual connections, batch
 * normalization, projections): every slot (W, b, γ, β, P) against centred differences of the
 * mini-batch binary cross-entropy in training mode (batch statistics, running statistics untouched).
 * An optional clipping rule is applied to both gradients, so clipping can be checked in combination.
 * Reference: Goodfellow, Bengio & Courville, Deep Learning (2016), §11.5; gradcheck.ts for plain networks.
 */
import type { Clipper } from './clipping.ts';
import { createDeepWorkspace, deepBackward, deepForward, deepSlots, type DeepParameters } from './deep-network.ts';
import { compareGradients, type GradientCheck } from './gradcheck.ts';
import { binaryCrossEntropy, outputGradient, type NetworkActivations } from './network.ts';
import type { Slot } from './slots.ts';

/**
 * Checks backpropagation through `p` on X (n[0] × m), Y (1 × m); `p` is restored afterwards.
 * With `clip`, both the analytic and the numeric gradient are clipped by the rule at `threshold`.
 * @param epsilon step of the centred difference (default 1e-6).
 */
export function deepGradientCheck(
  p: DeepParameters, g: NetworkActivations, X: Float64Array, Y: Float64Array, m: number,
  clip?: { rule: Clipper; threshold: number }, epsilon = 1e-6,
): GradientCheck {
  const ws = createDeepWorkspace(p, m);
  const L = p.layers.length - 1;
  ws.A[0].set(X);
  deepForward(p, g, ws, m, 'train');
  outputGradient(ws.A[L], Y, ws.dZ[L], m);
  deepBackward(p, g.hidden, ws, m);
  const slots = deepSlots(p, ws);
  const cost = () => {
    deepForward(p, g, ws, m, 'train');
    return binaryCrossEntropy(ws.A[L], Y, m);
  };
  const count = slots.reduce((n, s) => n + s.value.length, 0);
  const analytic = new Float64Array(count);
  const numeric = new Float64Array(count);
  let n = 0;
  for (const s of slots) analytic.set(s.grad, (n += s.value.length) - s.value.length);
  n = 0;
  for (const s of slots) {
    for (let i = 0; i < s.value.length; i++) {
      const saved = s.value[i];
      s.value[i] = saved + epsilon;
      const plus = cost();
      s.value[i] = saved - epsilon;
      const minus = cost();
      s.value[i] = saved;
      numeric[n++] = (plus - minus) / (2 * epsilon);
    }
  }
  if (clip) {
    const asSlot = (v: Float64Array): Slot[] => [{ name: 'all', value: v, grad: v }];
    clip.rule.apply(asSlot(analytic), clip.threshold);
    clip.rule.apply(asSlot(numeric), clip.threshold);
  }
  return compareGradients(analytic, numeric);
}
