/**
 * The shared shape of the per-layer charts (gradient-depth, variance, deep-linear): measured and
 * predicted values per layer l = 1..L on a log y axis. Values a log axis cannot show (0, negative, NaN, ±∞)
 * are left out of the drawing and counted, so the chart can say so.
 */
import * as Plot from '@observablehq/plot';
import { chartStyle, fmt, integerTicks, isPositiveFinite, logAxis, logDomain } from './common.ts';
import { legendAbove, type LegendItem } from './legend.ts';
import { ink } from './theme.ts';

/** How one per-layer series is drawn. */
export interface LayerSeries {
  label: string;
  /** Values indexed l − 1. */
  values: readonly number[];
  color: string;
  /** 'dot' filled dots; 'line' a line; 'ring-line' hollow circles joined by a thin line. */
  style: 'dot' | 'line' | 'ring-line';
}

/** Layout and labels of a per-layer chart. */
export interface LayerChartOptions {
  width: number;
  height: number;
  yLabel: string;
  ariaLabel: string;
  ariaDescription?: string;
  /** Legend entries to show instead of one per series (e.g. colour = quantity, mark = measured/closed form). */
  legend?: readonly LegendItem[];
}

/** Points of a series a log axis can draw, and how many were left out. */
export function drawable(values: readonly number[]): { points: { l: number; v: number }[]; dropped: number } {
  const points = values.map((v, i) => ({ l: i + 1, v })).filter((p) => isPositiveFinite(p.v));
  return { points, dropped: values.length - points.length };
}

/** Text for left-out values, e.g. "2 values not drawn (0 or not finite)"; '' when none. */
export function droppedNote(dropped: number): string {
  return dropped === 0 ? '' : `${dropped} value${dropped === 1 ? '' : 's'} not drawn (0 or not finite)`;
}

/** How many values of all these series a log axis cannot draw. */
export function countDropped(...series: readonly (readonly number[])[]): number {
  return series.reduce((n, values) => n + drawable(values).dropped, 0);
}

/** The caption's sentence on left-out values, with a leading space; '' when none. */
export function droppedSentence(dropped: number): string {
  return dropped ? ` ${droppedNote(dropped)} on the log axis.` : '';
}

/** The table note of per-layer charts that left values out of the drawing. */
export const droppedTableNote = 'Values of 0 or not finite are listed here but not drawn on the log axis.';

const MARGIN = { marginLeft: 60, marginRight: 20, marginBottom: 36 };

/** Plot options: x = layer l (integers), y = log of the values; series drawn in the given order. */
export function layerSeriesChart(series: readonly LayerSeries[], o: LayerChartOptions): Plot.PlotOptions {
  const L = Math.max(1, ...series.map((s) => s.values.length));
  const prepared = series.map((s) => ({ s, ...drawable(s.values) }));
  const domain = logDomain(prepared.flatMap((p) => p.points.map((q) => q.v)));
  const dropped = prepared.reduce((n, p) => n + p.dropped, 0);
  const items: readonly LegendItem[] = o.legend ?? series.map((s) => ({ label: s.label, color: s.color, swatch: s.style === 'dot' ? 'dot' : s.style === 'line' ? 'line' : 'ring' }));
  const legend = legendAbove(items, { width: o.width, ...MARGIN });
  const marks: Plot.Markish[] = [];
  for (const { s, points } of prepared) {
    if (s.style !== 'dot') marks.push(Plot.line(points, { x: 'l', y: 'v', stroke: s.color, strokeWidth: s.style === 'line' ? 2 : 1, strokeOpacity: s.style === 'line' ? 1 : 0.6 }));
  }
  for (const { s, points } of prepared) {
    if (s.style === 'dot') marks.push(Plot.dot(points, { x: 'l', y: 'v', r: 4, fill: s.color }));
    if (s.style === 'ring-line') marks.push(Plot.dot(points, { x: 'l', y: 'v', r: 5.5, stroke: s.color, strokeWidth: 1.5, fill: 'none' }));
  }
  if (dropped > 0) {
    marks.push(Plot.text([droppedNote(dropped)], { frameAnchor: 'bottom-right', dx: -4, dy: -4, textAnchor: 'end', lineAnchor: 'bottom', fill: ink, fontStyle: 'italic' }));
  }
  marks.push(...legend.marks);
  return {
    width: o.width,
    height: o.height,
    ...MARGIN,
    marginTop: legend.marginTop,
    style: chartStyle,
    ariaLabel: o.ariaLabel,
    ariaDescription: o.ariaDescription,
    x: { domain: [0.5, L + 0.5], label: 'layer l', labelAnchor: 'right', ticks: integerTicks(L), tickFormat: (l: number) => String(l) },
    y: logAxis(domain, o.yLabel),
    marks,
  };
}

/** Largest |a/b − 1| over layers where both are drawable, or null if none; and its layer. */
export function largestRelativeGap(a: readonly number[], b: readonly number[]): { gap: number; l: number } | null {
  let best: { gap: number; l: number } | null = null;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (!isPositiveFinite(a[i]) || !isPositiveFinite(b[i])) continue;
    const gap = Math.abs(a[i] / b[i] - 1);
    if (!best || gap > best.gap) best = { gap, l: i + 1 };
  }
  return best;
}

/** A verb phrase for a series: "goes from A at layer 1 to B at layer L", "is A at every layer", … */
export function range(values: readonly number[]): string {
  const { points, dropped } = drawable(values);
  if (points.length === 0) return 'has no value above 0';
  const first = points[0];
  const last = points[points.length - 1];
  if (points.every((p) => Math.abs(p.v / first.v - 1) < 1e-9)) {
    return points.length === 1 ? `is ${fmt(first.v)} at layer ${first.l}` : `is ${fmt(first.v)} at every ${dropped ? 'drawn ' : ''}layer`;
  }
  return `goes from ${fmt(first.v)} at layer ${first.l} to ${fmt(last.v)} at layer ${last.l}`;
}
