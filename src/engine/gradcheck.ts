/**
 * Finite-difference gradient check: compares backpropagation's dW, db with centred differences
 * (J(θ + ε) − J(θ − ε)) / 2ε of the binary cross-entropy, parameter by parameter.
 * Reference: the "gradient checking" recipe of Ng's deep learning course and Goodfellow et al. §11.5.
 */
import { backward, binaryCrossEntropy, createWorkspace, forward, type NetworkActivations, type Parameters } from './network.ts';

/** Outcome of a gradient check. */
export interface GradientCheck {
  /** ‖analytic − numeric‖ / (‖analytic‖ + ‖numeric‖); below 1e-7 means backprop is right. */
  readonly relativeError: number;
  /** Largest |analytic − numeric| over all parameters. */
  readonly maxAbsoluteDifference: number;
  /** Gradients flattened as dW[1], db[1], dW[2], db[2], … */
  readonly analytic: Float64Array;
  readonly numeric: Float64Array;
}

/**
 * Checks the gradient of the cost at `p` on X (n[0] × m), Y (1 × m). `p` is restored afterwards.
 * @param epsilon step of the centred difference (default 1e-6).
 */
export function gradientCheck(
  p: Parameters, g: NetworkActivations, X: Float64Array, Y: Float64Array, m: number, epsilon = 1e-6,
): GradientCheck {
  const ws = createWorkspace(p.layers, m);
  const L = p.layers.length - 1;
  forward(p, g, X, ws);
  backward(p, g, Y, ws);
  const cost = () => {
    forward(p, g, X, ws);
    return binaryCrossEntropy(ws.A[L], Y, m);
  };
  const count = p.W.reduce((n, w) => n + w.length, 0) + p.b.reduce((n, b) => n + b.length, 0);
  const analytic = new Float64Array(count);
  const numeric = new Float64Array(count);
  let n = 0;
  // Each parameter beside its gradient (forward leaves ws.dW, ws.db as backward wrote them).
  for (let l = 1; l <= L; l++) {
    for (const [theta, grad] of [[p.W[l], ws.dW[l]], [p.b[l], ws.db[l]]]) {
      for (let i = 0; i < theta.length; i++) {
        analytic[n] = grad[i];
        const saved = theta[i];
        theta[i] = saved + epsilon;
        const plus = cost();
        theta[i] = saved - epsilon;
        const minus = cost();
        theta[i] = saved;
        numeric[n++] = (plus - minus) / (2 * epsilon);
      }
    }
  }
  return compareGradients(analytic, numeric);
}

/** ‖analytic − numeric‖ / (‖analytic‖ + ‖numeric‖) and the largest |difference| of two flattened gradients. */
export function compareGradients(analytic: Float64Array, numeric: Float64Array): GradientCheck {
  let diff2 = 0;
  let a2 = 0;
  let n2 = 0;
  let maxAbs = 0;
  for (let i = 0; i < analytic.length; i++) {
    const d = analytic[i] - numeric[i];
    diff2 += d * d;
    a2 += analytic[i] * analytic[i];
    n2 += numeric[i] * numeric[i];
    maxAbs = Math.max(maxAbs, Math.abs(d));
  }
  const denominator = Math.sqrt(a2) + Math.sqrt(n2);
  return { relativeError: denominator === 0 ? 0 : Math.sqrt(diff2) / denominator, maxAbsoluteDifference: maxAbs, analytic, numeric };
}
