/**
 * Gradient norm against depth in the deep linear network of the derivation: ‖dW[l]‖ measured by
 * backprop (dots) next to the closed form (line), on a log axis that spans 10⁻³⁰ … 10³⁰ if it must.
 */
import type * as Plot from '@observablehq/plot';
import { cell, fmt, type AriaOptions, type ChartTable } from './common.ts';
import { countDropped, droppedSentence, droppedTableNote, largestRelativeGap, layerSeriesChart, range } from './layer-series.ts';
import { seriesColor } from './theme.ts';

/** ‖dW[l]‖ per layer, indexed l − 1 (as DeepLinearGradients in src/engine/theory.ts). */
export interface GradientDepthData {
  measured: readonly number[];
  closedForm: readonly number[];
}

/** Display options; all optional, see `defaults`. */
export interface GradientDepthOptions extends AriaOptions {
  width: number;
  height: number;
}

export const defaults = {
  width: 640,
  height: 320,
  yLabel: '‖dW[l]‖ (Frobenius norm)',
  measuredLabel: 'measured (backprop)',
  closedFormLabel: 'closed form',
};

/**
 * Plot options: measured ‖dW[l]‖ as dots and the closed form as a line against layer l = 1..L,
 * log y. Zeros, negatives and non-finite values are not drawn; an in-chart note counts them.
 */
export function gradientDepth(data: GradientDepthData, options: Partial<GradientDepthOptions> = {}): Plot.PlotOptions {
  const o = { ...defaults, ...options };
  return layerSeriesChart(
    [
      { label: o.measuredLabel, values: data.measured, color: seriesColor(0), style: 'dot' },
      { label: o.closedFormLabel, values: data.closedForm, color: seriesColor(1), style: 'line' },
    ],
    { ...o, ariaLabel: o.ariaLabel ?? `Gradient norm ‖dW[l]‖ against layer l for ${data.measured.length} layers, measured and closed form, log scale` },
  );
}

/** One or two sentences: measured and closed-form ranges over the layers and their largest gap. */
export function gradientDepthCaption(data: GradientDepthData): string {
  const gap = largestRelativeGap(data.measured, data.closedForm);
  const agree = gap == null ? '' : gap.gap < 1e-6
    ? ' The two agree to within 10⁻⁶ (relative) at every layer.'
    : ` They differ by at most ${fmt(gap.gap * 100)} % (layer ${gap.l}).`;
  return `Measured ‖dW[l]‖ ${range(data.measured)}; the closed form ${range(data.closedForm)}.${agree}${droppedSentence(countDropped(data.measured, data.closedForm))}`;
}

/** Every layer's measured and closed-form norm (no subsampling: one row per layer). */
export function gradientDepthTable(data: GradientDepthData): ChartTable {
  const L = Math.max(data.measured.length, data.closedForm.length);
  const rows = Array.from({ length: L }, (_, i) => [i + 1, cell(data.measured[i]), cell(data.closedForm[i])]);
  return {
    columns: ['layer l', `${defaults.measuredLabel} ‖dW[l]‖`, `${defaults.closedFormLabel} ‖dW[l]‖`],
    rows,
    ...(countDropped(data.measured, data.closedForm) ? { note: droppedTableNote } : {}),
  };
}
