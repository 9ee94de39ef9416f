/**
 * The deep linear network of the derivation (W[l] = a·I), layer by layer: the forward signal
 * ‖A[l]‖, the backward signal ‖dZ[l]‖ and the weight gradient ‖dW[l]‖, each measured by the
 * engine (dots) next to its closed form (line), on a log axis. Colour is the quantity, the mark
 * says measured or closed form, so the legend has five entries instead of six.
 */
import type * as Plot from '@observablehq/plot';
import { cell, fmt, type AriaOptions, type ChartTable } from './common.ts';
import { type LegendItem } from './legend.ts';
import { countDropped, droppedSentence, droppedTableNote, largestRelativeGap, layerSeriesChart, range } from './layer-series.ts';
import { ink, seriesColor } from './theme.ts';

/** Per-layer norms, indexed l − 1 (the fields of DeepLinearGradients in src/engine/theory.ts). */
export interface DeepLinearData {
  forwardMeasured: readonly number[];
  forwardClosedForm: readonly number[];
  backwardMeasured: readonly number[];
  backwardClosedForm: readonly number[];
  /** ‖dW[l]‖ measured. */
  measured: readonly number[];
  /** ‖dW[l]‖ closed form. */
  closedForm: readonly number[];
}

/** Display options; all optional, see `defaults`. */
export interface DeepLinearOptions extends AriaOptions {
  width: number;
  height: number;
}

export const defaults = {
  width: 640,
  height: 340,
  yLabel: 'norm (Frobenius)',
  forwardLabel: '‖A[l]‖ forward signal',
  backwardLabel: '‖dZ[l]‖ backward signal',
  gradientLabel: '‖dW[l]‖ weight gradient',
  measuredLabel: 'dots: measured',
  closedFormLabel: 'lines: closed form',
};

/** The three quantities: label, colour, measured and closed-form values. */
function quantities(data: DeepLinearData) {
  return [
    { label: defaults.forwardLabel, short: '‖A[l]‖', color: seriesColor(0), measured: data.forwardMeasured, closed: data.forwardClosedForm },
    { label: defaults.backwardLabel, short: '‖dZ[l]‖', color: seriesColor(1), measured: data.backwardMeasured, closed: data.backwardClosedForm },
    { label: defaults.gradientLabel, short: '‖dW[l]‖', color: seriesColor(2), measured: data.measured, closed: data.closedForm },
  ];
}

/** Values of all three quantities a log axis cannot draw. */
const dropped = (qs: ReturnType<typeof quantities>) => countDropped(...qs.flatMap((q) => [q.measured, q.closed]));

/**
 * Plot options: for each quantity a closed-form line and measured dots against layer l, log y.
 * Zeros, negatives and non-finite values are not drawn; an in-chart note counts them.
 */
export function deepLinear(data: DeepLinearData, options: Partial<DeepLinearOptions> = {}): Plot.PlotOptions {
  const o = { ...defaults, ...options };
  const qs = quantities(data);
  const legend: LegendItem[] = [
    ...qs.map((q) => ({ label: q.label, color: q.color, swatch: 'square' as const })),
    { label: o.measuredLabel, color: ink, swatch: 'dot' },
    { label: o.closedFormLabel, color: ink, swatch: 'line' },
  ];
  return layerSeriesChart(
    qs.flatMap((q) => [
      { label: `${q.short} closed form`, values: q.closed, color: q.color, style: 'line' as const },
      { label: `${q.short} measured`, values: q.measured, color: q.color, style: 'dot' as const },
    ]),
    {
      ...o,
      legend,
      ariaLabel: o.ariaLabel ?? `Forward signal, backward signal and weight gradient norms against layer l for ${data.measured.length} layers, measured and closed form, log scale`,
    },
  );
}

/** Two or three sentences: each quantity's range over the layers and the largest measured/closed-form gap. */
export function deepLinearCaption(data: DeepLinearData): string {
  const qs = quantities(data);
  const gaps = qs.map((q) => largestRelativeGap(q.measured, q.closed)).filter((g) => g !== null);
  const worst = gaps.reduce((a, g) => Math.max(a, g.gap), 0);
  const agree = gaps.length === 0 ? '' : worst < 1e-6
    ? ' Measured and closed form agree to within 10⁻⁶ (relative) at every layer.'
    : ` Measured and closed form differ by at most ${fmt(worst * 100)} %.`;
  return `The forward signal ‖A[l]‖ ${range(data.forwardMeasured)}; the backward signal ‖dZ[l]‖ ${range(data.backwardMeasured)}; `
    + `the weight gradient ‖dW[l]‖ ${range(data.measured)}.${agree}${droppedSentence(dropped(qs))}`;
}

/** Every layer's measured and closed-form norms (one row per layer). */
export function deepLinearTable(data: DeepLinearData): ChartTable {
  const qs = quantities(data);
  const L = data.measured.length;
  const rows = Array.from({ length: L }, (_, i) => [i + 1, ...qs.flatMap((q) => [cell(q.measured[i]), cell(q.closed[i])])]);
  return {
    columns: ['layer l', ...qs.flatMap((q) => [`${q.short} measured`, `${q.short} closed form`])],
    rows,
    ...(dropped(qs) ? { note: droppedTableNote } : {}),
  };
}
