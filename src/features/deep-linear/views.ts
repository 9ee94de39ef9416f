/**
 * The view of <DeepLinearExplorer>: a pure function from the engine's deep-linear measurements to
 * what the explorer shows (chart, caption, table, the live factor a^(L−2), the measured ‖dW‖ and
 * where the values would leave float64 and float32). The build-time prerender and the island
 * call the same function, so they cannot drift.
 */
import type * as Plot from '@observablehq/plot';
import { deepLinear, deepLinearCaption, deepLinearTable, fmt, fmtInt, isPositiveFinite, superscript, type ChartTable } from '../../charts/browser.ts';
import { depthLimit, type DeepLinearGradients } from '../../engine/theory.ts';
import { deepLinearSettings } from './schema.ts';

/** Everything the explorer shows for one (a, L). */
export interface DeepLinearView {
  readonly title: string;
  readonly plot: Plot.PlotOptions;
  readonly caption: string;
  readonly table: ChartTable;
  /** The factor with its value, e.g. "1.5⁸ = 25.63". */
  readonly factor: string;
  /** The measured ‖dW[l]‖, e.g. "4.07 at every layer l". */
  readonly gradient: string;
  /** Where ‖dW‖ would overflow or underflow, and what happens inside the slider range. */
  readonly limits: string;
}

/** Largest depth the explorer's slider reaches. */
export const MAX_DEPTH = deepLinearSettings.depth.max;

const FLOAT32_MIN_NORMAL = 1.1754943508222875e-38;
const FLOAT32_MAX = 3.4028234663852886e38;

/** `a` as the reader set it: at most two decimals, e.g. 1.5 or 0.97. */
export function formatA(a: number): string {
  return String(Number(a.toFixed(2)));
}

/** "1.5⁸ = 25.63": the factor a^(L−2) of the derivation, with its value to 4 significant digits. */
export function factorText(a: number, L: number, factor: number): string {
  return `${formatA(a)}${superscript(L - 2)} = ${fmt(factor, 4)}`;
}

function gradientText(measured: readonly number[]): string {
  if (measured.length === 0) return 'not computed';
  const lo = Math.min(...measured);
  const hi = Math.max(...measured);
  return hi / lo - 1 < 1e-9 ? `${fmt(measured[0], 4)} at every layer l` : `from ${fmt(lo, 4)} to ${fmt(hi, 4)}`;
}

/**
 * One or two sentences: the depth at which ‖dW‖ = a^(L−1)·base would leave float64 and float32
 * (overflow for a > 1, underflow below the smallest normal number for a < 1, never for a = 1),
 * then what the values shown at depth L span.
 */
export function limitsText(a: number, base: number, shown: readonly number[]): string {
  const d64 = depthLimit(a, base, 'float64');
  const d32 = depthLimit(a, base, 'float32');
  const A = formatA(a);
  let first: string;
  if (d64.overflow !== null && d32.overflow !== null) {
    first = `With a = ${A}, ‖dW‖ would pass the float64 maximum (${fmt(Number.MAX_VALUE)}) at L = ${fmtInt(d64.overflow)}; in float32, the format most GPUs train in, it would pass ${fmt(FLOAT32_MAX)} already at L = ${fmtInt(d32.overflow)}.`;
  } else if (d64.underflow !== null && d32.underflow !== null) {
    first = `With a = ${A}, ‖dW‖ would fall below the smallest normal float64 (${fmt(2.2250738585072014e-308)}) at L = ${fmtInt(d64.underflow)}; in float32, the format most GPUs train in, below ${fmt(FLOAT32_MIN_NORMAL)} already at L = ${fmtInt(d32.underflow)}.`;
  } else {
    first = 'With a = 1 every layer passes its input on unchanged, so ‖dW‖ is the same at every depth and never leaves float64 or float32.';
  }
  const finite = shown.filter(isPositiveFinite);
  if (finite.length === 0) return first;
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const in32 = lo >= FLOAT32_MIN_NORMAL && hi <= FLOAT32_MAX;
  return `${first} Within this explorer's range (L ≤ ${MAX_DEPTH}) nothing leaves float64${in32 ? ' (or even float32)' : ''}: the norms shown run from ${fmt(lo)} to ${fmt(hi)}.`;
}

/** The explorer's view of `r` = deepLinearGradients(a, L, X, X, 2, m) on the lesson's data. */
export function deepLinearView(r: DeepLinearGradients, a: number, L: number, width?: number): DeepLinearView {
  const title = `Norms through ${L} layers with W[l] = ${formatA(a)}·I`;
  const shown = [...r.forwardMeasured, ...r.backwardMeasured, ...r.measured];
  return {
    title,
    plot: deepLinear(r, { ...(width ? { width } : {}), ariaLabel: `${title}: forward signal ‖A[l]‖, backward signal ‖dZ[l]‖ and weight gradient ‖dW[l]‖ against layer l, measured and closed form, log scale` }),
    caption: deepLinearCaption(r),
    table: deepLinearTable(r),
    factor: factorText(a, L, r.factor),
    gradient: gradientText(r.measured),
    limits: limitsText(a, r.base, shown),
  };
}
