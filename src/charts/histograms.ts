/**
 * Per-layer histograms of the activations a[l], as small multiples wrapped into a grid, each bar the
 * share of all (unit, example) entries of that layer that fall in the bin.
 */
import * as Plot from '@observablehq/plot';
import { cell, chartStyle, fmt, type AriaOptions, type ChartTable } from './common.ts';
import { faint, ink, seriesColor } from './theme.ts';

/** One layer's histogram (as `histogram` in src/engine/stats.ts): equal bins over [lo, hi], and the values' standard deviation. */
export interface LayerHistogram {
  l: number;
  histogram: { lo: number; hi: number; counts: readonly number[]; std: number };
}

/** The layers to draw, in order. */
export interface HistogramsData {
  layers: readonly LayerHistogram[];
}

/** Display options; all optional, see `defaults`. */
export interface HistogramsOptions extends AriaOptions {
  width: number;
  /** Panels per row; default: all in one row up to 4 layers, else up to 5 per row. */
  columns?: number;
  /** Height of one panel row in px. */
  panelHeight: number;
}

export const defaults = {
  width: 720,
  panelHeight: 140,
  marginLeft: 52,
  marginRight: 14,
  marginTop: 34,
  marginBottom: 38,
  xLabel: 'activation a',
  yLabel: 'share of units × examples (%)',
};

interface Bin {
  i: number;
  x1: number;
  x2: number;
  share: number;
}

function bins(h: LayerHistogram['histogram']): Bin[] {
  const total = h.counts.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
  const w = (h.hi - h.lo) / h.counts.length;
  return h.counts.map((c, k) => ({ i: 0, x1: h.lo + k * w, x2: h.lo + (k + 1) * w, share: total > 0 && Number.isFinite(c) ? c / total : 0 }));
}

function check(data: HistogramsData): void {
  for (const { l, histogram: h } of data.layers) {
    if (!(Number.isFinite(h.lo) && Number.isFinite(h.hi) && h.hi > h.lo) || h.counts.length === 0) {
      throw new RangeError(`histograms: layer ${l} needs finite lo < hi and at least one bin, got lo=${h.lo}, hi=${h.hi}, ${h.counts.length} bins`);
    }
  }
}

/**
 * Plot options: one panel per layer (facets wrapped into `columns` columns), bars of each bin's
 * share in %, shared x (activation a) and y axes so layers compare directly.
 * @throws RangeError for a histogram without bins or with lo ≥ hi.
 */
export function histograms(data: HistogramsData, options: Partial<HistogramsOptions> = {}): Plot.PlotOptions {
  check(data);
  const o = { ...defaults, ...options };
  const n = data.layers.length;
  const columns = Math.max(1, Math.min(n, o.columns ?? (n <= 4 ? n : 5)));
  const rows = Math.max(1, Math.ceil(n / columns));
  const all = data.layers.flatMap((layer, i) => bins(layer.histogram).map((b) => ({ ...b, i })));
  const panels = data.layers.map((layer, i) => ({ i, title: `layer ${layer.l}` }));
  const lo = Math.min(...data.layers.map((d) => d.histogram.lo));
  const hi = Math.max(...data.layers.map((d) => d.histogram.hi));
  const fx = (d: { i: number }) => d.i % columns;
  const fy = (d: { i: number }) => Math.floor(d.i / columns);
  return {
    width: o.width,
    height: o.marginTop + o.marginBottom + rows * o.panelHeight,
    marginLeft: o.marginLeft,
    marginRight: o.marginRight,
    marginTop: o.marginTop,
    marginBottom: o.marginBottom,
    style: chartStyle,
    ariaLabel: o.ariaLabel ?? `Histograms of the activations of ${n} layer${n === 1 ? '' : 's'}, one panel per layer`,
    ariaDescription: o.ariaDescription,
    fx: { axis: null, padding: 0.16 },
    fy: { axis: null, padding: 0.3 },
    x: { domain: [lo, hi], label: o.xLabel, labelAnchor: 'right', ticks: columns > 3 ? [lo, (lo + hi) / 2, hi] : 5, tickFormat: (v: number) => fmt(v) },
    y: { label: o.yLabel, percent: true, grid: true, ticks: 3, labelAnchor: 'top' },
    marks: [
      Plot.rectY(all, { x1: 'x1', x2: 'x2', y: 'share', fx, fy, fill: seriesColor(0), insetLeft: 0.3, insetRight: 0.3 }),
      Plot.ruleY([0], { stroke: ink, strokeOpacity: faint.rule }),
      Plot.text(panels, { fx, fy, text: 'title', frameAnchor: 'top', dy: -4, lineAnchor: 'bottom', fill: ink, fontWeight: 600 }),
    ],
  };
}

/** The values' standard deviation in words: "about 0.0325", or why there is none. */
const spread = (h: LayerHistogram['histogram']): string => (Number.isFinite(h.std) ? `about ${fmt(h.std)}` : 'not defined (no finite value)');

/** Share of values in the first and last bin (where saturating activations pile up). */
function edgeShare(h: LayerHistogram['histogram']): number {
  const b = bins(h);
  return b.length === 1 ? b[0].share : b[0].share + b[b.length - 1].share;
}

/** One or two sentences: the spread (standard deviation) and the share in the end bins, first vs last layer. */
export function histogramsCaption(data: HistogramsData): string {
  check(data);
  const n = data.layers.length;
  if (n === 0) return 'No activations recorded.';
  const first = data.layers[0];
  const last = data.layers[n - 1];
  const pct = (v: number) => `${fmt(v * 100, 2)} %`;
  const over = `${first.histogram.counts.length} bins over [${fmt(first.histogram.lo)}, ${fmt(first.histogram.hi)}]`;
  if (n === 1) {
    return `Activations of layer ${first.l} (${over}): standard deviation ${spread(first.histogram)}, ${pct(edgeShare(first.histogram))} of values in the two end bins.`;
  }
  return `Activations of ${n} layers (${over} for layer ${first.l}): the standard deviation goes from ${spread(first.histogram)} in layer ${first.l} to ${spread(last.histogram)} in layer ${last.l}, `
    + `and the share in the two end bins from ${pct(edgeShare(first.histogram))} to ${pct(edgeShare(last.histogram))}.`;
}

/**
 * Each bin's share in % per layer: one row per bin and one column per layer when all layers share
 * the same bins, else one row per (layer, bin).
 */
export function histogramsTable(data: HistogramsData): ChartTable {
  check(data);
  const L = data.layers;
  const same = L.every((d) => d.histogram.lo === L[0].histogram.lo && d.histogram.hi === L[0].histogram.hi && d.histogram.counts.length === L[0].histogram.counts.length);
  if (L.length > 0 && same) {
    const per = L.map((d) => bins(d.histogram));
    return {
      columns: ['bin from', 'bin to', ...L.map((d) => `layer ${d.l} (%)`)],
      rows: per[0].map((b, k) => [cell(b.x1), cell(b.x2), ...per.map((p) => cell(p[k].share * 100))]),
    };
  }
  return {
    columns: ['layer', 'bin from', 'bin to', 'share (%)'],
    rows: L.flatMap((d) => bins(d.histogram).map((b) => [d.l, cell(b.x1), cell(b.x2), cell(b.share * 100)])),
  };
}
