/**
 * The variance rule against measurement: Var(z[l]) per layer at initialization, measured (dots)
 * and predicted by n[l−1]·Var(W[l])·E[(a[l−1])²] (hollow circles on a line), log y.
 */
import type * as Plot from '@observablehq/plot';
import { cell, fmt, type AriaOptions, type ChartTable } from './common.ts';
import { countDropped, droppedSentence, largestRelativeGap, layerSeriesChart, range } from './layer-series.ts';
import { seriesColor } from './theme.ts';

/** Measured and predicted variance per layer, indexed l − 1 (as VarianceProfile in src/engine/theory.ts). */
export interface VarianceData {
  measured: readonly number[];
  predicted: readonly number[];
}

/** Display options; all optional, see `defaults`. */
export interface VarianceOptions extends AriaOptions {
  width: number;
  height: number;
  /** The quantity on the y axis. */
  yLabel: string;
}

export const defaults = {
  width: 640,
  height: 320,
  yLabel: 'Var(z[l]) (variance of pre-activations)',
  measuredLabel: 'measured',
  predictedLabel: 'predicted by the variance rule',
};

/**
 * Plot options: measured variance as filled dots and the prediction as hollow circles on a thin
 * line, against layer l, log y. Values a log axis cannot draw are counted in an in-chart note.
 */
export function variance(data: VarianceData, options: Partial<VarianceOptions> = {}): Plot.PlotOptions {
  const o = { ...defaults, ...options };
  return layerSeriesChart(
    [
      { label: o.measuredLabel, values: data.measured, color: seriesColor(0), style: 'dot' },
      { label: o.predictedLabel, values: data.predicted, color: seriesColor(1), style: 'ring-line' },
    ],
    { ...o, ariaLabel: o.ariaLabel ?? `Variance per layer for ${data.measured.length} layers, measured and predicted, log scale` },
  );
}

/** One or two sentences: measured and predicted ranges and the largest ratio between them. */
export function varianceCaption(data: VarianceData): string {
  const gap = largestRelativeGap(data.measured, data.predicted);
  const ratio = gap == null ? '' : ` The measurement is within ${fmt(gap.gap * 100)} % of the prediction at every layer (largest gap at layer ${gap.l}).`;
  return `Measured variance ${range(data.measured)}; the prediction ${range(data.predicted)}.${ratio}${droppedSentence(countDropped(data.measured, data.predicted))}`;
}

/** Every layer's measured and predicted variance and their ratio (one row per layer). */
export function varianceTable(data: VarianceData): ChartTable {
  const L = Math.max(data.measured.length, data.predicted.length);
  const rows = Array.from({ length: L }, (_, i) => {
    const m = data.measured[i];
    const p = data.predicted[i];
    return [i + 1, cell(m), cell(p), m != null && p != null && p !== 0 ? cell(m / p) : ''];
  });
  return { columns: ['layer l', 'measured', 'predicted', 'measured / predicted'], rows };
}
