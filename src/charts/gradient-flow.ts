/**
 * Per-layer gradient norms ‖dW[l]‖ over training, one line per layer coloured by depth, log y,
 * with the vanishing and exploding ranges shaded and labelled so a reader sees where each layer sits.
 */
import * as Plot from '@observablehq/plot';
import {
  cell, chartStyle, fmt, fmtInt, isPositiveFinite, iterationEnd, logAxis, logDomain, logTickFormat, subsample, type AriaOptions, type ChartTable,
} from './common.ts';
import { legendAbove, type LegendItem } from './legend.ts';
import { depthColors, faint, halo, ink } from './theme.ts';

/** ‖dW[l]‖ per record (as TrainHistory.gradientNorms: record × layer, layer index l − 1). */
export interface GradientFlowData {
  iterations: readonly number[];
  norms: readonly (readonly number[])[];
  /** Norms below this are "vanishing". */
  vanishingBelow: number;
  /** Norms above this are "exploding". */
  explodingAbove: number;
}

/** Display options; all optional, see `defaults`. */
export interface GradientFlowOptions extends AriaOptions {
  width: number;
  height: number;
  /** Fixes the x domain to [0, totalIterations] so a live run grows left to right. */
  totalIterations?: number;
  /** Layers (1-based) named in the legend; default every layer. Deep networks name a few, the colours run between them. */
  legendLayers?: readonly number[];
}

export const defaults = {
  width: 640,
  height: 340,
  marginLeft: 60,
  marginRight: 20,
  marginBottom: 36,
  legendTop: 18,
  xLabel: 'iteration',
  yLabel: '‖dW[l]‖ (Frobenius norm)',
  maxTableRows: 60,
};

function layerCount(data: GradientFlowData): number {
  return data.norms.reduce((n, r) => Math.max(n, r.length), 0);
}

/** Per layer: drawable points, and whether every recorded value was exactly 0. */
function layerPoints(data: GradientFlowData): { points: { x: number; y: number }[]; zero: boolean; dropped: number }[] {
  const L = layerCount(data);
  return Array.from({ length: L }, (_, l) => {
    const points: { x: number; y: number }[] = [];
    let zeros = 0;
    let seen = 0;
    data.norms.forEach((row, r) => {
      const v = row[l];
      const x = data.iterations[r];
      if (v === undefined || !Number.isFinite(x)) return;
      seen++;
      if (v === 0) zeros++;
      if (isPositiveFinite(v)) points.push({ x, y: v });
    });
    return { points, zero: seen > 0 && zeros === seen, dropped: seen - points.length };
  });
}

/**
 * Plot options: one line per layer (depth colours, legend "layer l"), log y, vanishing range
 * (below `vanishingBelow`) and exploding range (above `explodingAbove`) shaded and labelled.
 * Zeros and non-finite norms are not drawn; layers that are exactly 0 throughout are named in a note.
 */
export function gradientFlow(data: GradientFlowData, options: Partial<GradientFlowOptions> = {}): Plot.PlotOptions {
  const o = { ...defaults, ...options };
  const layers = layerPoints(data);
  const colors = depthColors(layers.length);
  const low = isPositiveFinite(data.vanishingBelow) ? data.vanishingBelow : null;
  const high = isPositiveFinite(data.explodingAbove) && (low == null || data.explodingAbove > low) ? data.explodingAbove : null;
  // One decade beyond each threshold so both shaded ranges are always visible.
  const domain = logDomain(layers.flatMap((l) => l.points.map((p) => p.y)), [...(low ? [low / 10] : []), ...(high ? [high * 10] : [])]);
  const xMax = iterationEnd(o.totalIterations, data.iterations);
  const named = o.legendLayers ?? layers.map((_, l) => l + 1);
  const items: LegendItem[] = named.filter((l) => l >= 1 && l <= layers.length).map((l) => ({ label: `layer ${l}`, color: colors[l - 1], swatch: 'line' }));
  const legend = legendAbove(items, o, o.legendTop);
  const label = { fill: ink, textAnchor: 'start' as const, dx: 6, fontStyle: 'italic', ...halo };
  const marks: Plot.Markish[] = [];
  if (low) {
    marks.push(Plot.rect([0], { y1: domain[0], y2: low, fill: ink, fillOpacity: faint.band }));
    marks.push(Plot.text([`vanishing: below ${logTickFormat(low)}`], { ...label, x: 0, y: Math.sqrt(domain[0] * low) }));
  }
  if (high) {
    marks.push(Plot.rect([0], { y1: high, y2: domain[1], fill: ink, fillOpacity: faint.band }));
    marks.push(Plot.text([`exploding: above ${logTickFormat(high)}`], { ...label, x: 0, y: Math.sqrt(high * domain[1]) }));
  }
  layers.forEach((layer, l) => marks.push(Plot.line(layer.points, { x: 'x', y: 'y', stroke: colors[l], strokeWidth: 1.8 })));
  const zeroLayers = layers.map((layer, l) => (layer.zero ? l + 1 : 0)).filter(Boolean);
  if (zeroLayers.length) {
    marks.push(Plot.text([`${zeroNote(zeroLayers)} (not drawable on a log axis)`], { frameAnchor: 'bottom-right', dx: -4, dy: -4, textAnchor: 'end', lineAnchor: 'bottom', fill: ink, fontStyle: 'italic', ...halo }));
  }
  marks.push(...legend.marks);
  return {
    width: o.width,
    height: o.height,
    marginLeft: o.marginLeft,
    marginRight: o.marginRight,
    marginBottom: o.marginBottom,
    marginTop: legend.marginTop,
    style: chartStyle,
    ariaLabel: o.ariaLabel ?? `Gradient norm ‖dW[l]‖ of ${layers.length} layers over training, log scale, with the vanishing and exploding ranges shaded`,
    ariaDescription: o.ariaDescription,
    x: { domain: [0, xMax], label: o.xLabel, labelAnchor: 'right', ticks: 6 },
    y: logAxis(domain, o.yLabel),
    marks,
  };
}

function zeroNote(layers: number[]): string {
  const names = layers.length === 1 ? `layer ${layers[0]} is` : `layers ${layers.join(', ')} are`;
  return `${names} exactly 0 throughout`;
}

function describeRecord(data: GradientFlowData, r: number): string {
  const row = data.norms[r];
  const at = row.map((v, l) => ({ v, l: l + 1 })).filter((p) => Number.isFinite(p.v));
  if (at.length === 0) return `no finite norm at iteration ${fmtInt(data.iterations[r])}`;
  const lo = at.reduce((a, b) => (b.v < a.v ? b : a));
  const hi = at.reduce((a, b) => (b.v > a.v ? b : a));
  if (lo.v === hi.v) return `at iteration ${fmtInt(data.iterations[r])} ${at.length === 1 ? `is ${fmt(lo.v)} (layer ${lo.l})` : `is ${fmt(lo.v)} in every layer`}`;
  return `at iteration ${fmtInt(data.iterations[r])} goes from ${fmt(lo.v)} (layer ${lo.l}) to ${fmt(hi.v)} (layer ${hi.l})`;
}

/** One or two sentences: the spread of norms at the first and last record and which layers end up vanishing or exploding. */
export function gradientFlowCaption(data: GradientFlowData): string {
  const L = layerCount(data);
  const n = data.norms.length;
  if (n === 0 || L === 0) return 'No gradient norms recorded yet.';
  const spread = n === 1 ? describeRecord(data, 0) : `${describeRecord(data, 0)}, and ${describeRecord(data, n - 1)}`;
  const last = data.norms[n - 1];
  const vanishing = last.map((v, l) => (v < data.vanishingBelow ? l + 1 : 0)).filter(Boolean);
  const exploding = last.map((v, l) => (v > data.explodingAbove || v === Infinity ? l + 1 : 0)).filter(Boolean);
  const list = (ls: number[]) => (ls.length === 0 ? 'no layer' : ls.length === L ? 'every layer' : `layer${ls.length === 1 ? '' : 's'} ${ls.join(', ')}`);
  const zeros = layerPoints(data).map((p, l) => (p.zero ? l + 1 : 0)).filter(Boolean);
  return `‖dW[l]‖ of ${L} layers ${spread}. At the last record the vanishing range (below ${fmt(data.vanishingBelow)}) holds ${list(vanishing)} and the exploding range (above ${fmt(data.explodingAbove)}) holds ${list(exploding)}`
    + `${zeros.length ? `; ${zeroNote(zeros)}` : ''}.`;
}

/** Iteration and each layer's norm, every k-th record (at most `defaults.maxTableRows` rows). */
export function gradientFlowTable(data: GradientFlowData): ChartTable {
  const L = layerCount(data);
  const { indices, note } = subsample(data.norms.length, defaults.maxTableRows);
  return {
    columns: ['iteration', ...Array.from({ length: L }, (_, l) => `‖dW[${l + 1}]‖`)],
    rows: indices.map((r) => [data.iterations[r], ...Array.from({ length: L }, (_, l) => cell(data.norms[r][l]))]),
    ...(note ? { note } : {}),
  };
}
