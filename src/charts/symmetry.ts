/**
 * Symmetry breaking: the largest distance between two hidden units' incoming weights over training.
 * A linear axis from 0, so "exactly 0" (units that never become different) shows as a flat line at 0.
 */
import * as Plot from '@observablehq/plot';
import { cell, chartStyle, fmt, fmtInt, iterationEnd, subsample, type AriaOptions, type ChartTable } from './common.ts';
import { faint, halo, ink, seriesColor } from './theme.ts';

/** Largest distance per record (as one column of TrainHistory.symmetry). */
export interface SymmetryData {
  iterations: readonly number[];
  distance: readonly number[];
}

/** Display options; all optional, see `defaults`. */
export interface SymmetryOptions extends AriaOptions {
  width: number;
  height: number;
  /** Fixes the x domain to [0, totalIterations] so a live run grows left to right. */
  totalIterations?: number;
  color: string;
}

export const defaults = {
  width: 640,
  height: 260,
  /** The y domain reaches at least this high, so an all-zero series sits visibly at the bottom. */
  minTop: 0.01,
  marginLeft: 56,
  marginRight: 20,
  marginTop: 26,
  marginBottom: 36,
  xLabel: 'iteration',
  yLabel: 'largest distance between hidden units’ incoming weights',
  /** Below this width (CSS px) the y label and the "exactly 0" note take their short forms, which fit a phone. */
  narrowBelow: 480,
  yLabelNarrow: 'largest distance between units’ weights',
  color: seriesColor(0),
  maxTableRows: 60,
};

function points(data: SymmetryData): { x: number; y: number }[] {
  const n = Math.min(data.iterations.length, data.distance.length);
  const out: { x: number; y: number }[] = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(data.iterations[i]) && Number.isFinite(data.distance[i])) out.push({ x: data.iterations[i], y: data.distance[i] });
  return out;
}

/** True when there is at least one record and every distance is exactly 0. */
export function allZero(data: Pick<SymmetryData, 'distance'>): boolean {
  return data.distance.length > 0 && data.distance.every((d) => d === 0);
}

/**
 * Plot options: the distance as a line with dots at each record, linear y from 0 to at least
 * `defaults.minTop`, a baseline at 0, and the words "exactly 0" on the line when every value is 0.
 * Non-finite distances are not drawn.
 */
export function symmetry(data: SymmetryData, options: Partial<SymmetryOptions> = {}): Plot.PlotOptions {
  const o = { ...defaults, ...options };
  const pts = points(data);
  const top = Math.max(o.minTop, ...pts.map((p) => p.y * 1.08));
  const xMax = iterationEnd(o.totalIterations, pts.map((p) => p.x));
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: ink, strokeOpacity: faint.rule }),
    Plot.line(pts, { x: 'x', y: 'y', stroke: o.color, strokeWidth: 2.5 }),
  ];
  if (pts.length <= 60) marks.push(Plot.dot(pts, { x: 'x', y: 'y', r: 2.5, fill: o.color }));
  const narrow = o.width < o.narrowBelow;
  if (allZero(data)) {
    const note = narrow ? 'exactly 0 at every record:\nthe hidden units stay identical' : 'exactly 0 at every record: the hidden units stay identical';
    marks.push(Plot.text([note], {
      frameAnchor: 'bottom-left', dx: 8, dy: -12, textAnchor: 'start', lineAnchor: 'bottom', fill: ink, ...halo,
    }));
  }
  return {
    width: o.width,
    height: o.height,
    marginLeft: o.marginLeft,
    marginRight: o.marginRight,
    marginTop: o.marginTop,
    marginBottom: o.marginBottom,
    style: chartStyle,
    ariaLabel: o.ariaLabel ?? 'Line chart: largest distance between hidden units’ incoming weights against iteration',
    ariaDescription: o.ariaDescription,
    x: { domain: [0, xMax], label: o.xLabel, labelAnchor: 'right', ticks: 6 },
    // insetBottom lifts 0 off the frame's edge so a line at exactly 0 is not hidden by the axis.
    y: { type: 'linear', domain: [0, top], nice: true, label: narrow ? o.yLabelNarrow : o.yLabel, grid: true, insetBottom: 4, ticks: 4 },
    marks,
  };
}

/** One or two sentences; says "exactly 0" when every recorded distance is 0. */
export function symmetryCaption(data: SymmetryData): string {
  const pts = points(data);
  if (pts.length === 0) return data.distance.length ? 'The distance between hidden units is not finite at any record.' : 'No record yet.';
  const first = pts[0];
  const end = pts[pts.length - 1];
  const span = `${fmtInt(pts.length)} records (iterations ${fmtInt(first.x)} to ${fmtInt(end.x)})`;
  if (allZero(data)) {
    return `The largest distance between any two hidden units' incoming weights is exactly 0 at all ${span}: the units start identical and stay identical, so symmetry is never broken.`;
  }
  const max = pts.reduce((a, p) => (p.y > a.y ? p : a));
  return `The largest distance between two hidden units' incoming weights goes from ${fmt(first.y)} at iteration ${fmtInt(first.x)} to ${fmt(end.y)} at iteration ${fmtInt(end.x)} `
    + `(maximum ${fmt(max.y)} at iteration ${fmtInt(max.x)}), over ${span}.`;
}

/** Iteration and distance, every k-th record (at most `defaults.maxTableRows` rows). */
export function symmetryTable(data: SymmetryData): ChartTable {
  const n = Math.min(data.iterations.length, data.distance.length);
  const { indices, note } = subsample(n, defaults.maxTableRows);
  return {
    columns: ['iteration', 'largest distance'],
    rows: indices.map((i) => [data.iterations[i], cell(data.distance[i])]),
    ...(note ? { note } : {}),
  };
}
