/**
 * Cost against iteration for one or several training runs, on a fixed x domain [0, total] so a
 * live run's curve grows left to right; divergence is marked where the last finite cost was seen.
 */
import * as Plot from '@observablehq/plot';
import {
  cell, chartStyle, fmt, fmtInt, iterationEnd, logAxis, logDomain, subsample, type AriaOptions, type ChartTable,
} from './common.ts';
import { legendAbove, type LegendItem } from './legend.ts';
import { faint, halo, ink, seriesColor } from './theme.ts';

/** One run's recorded costs; `iterations[i]` is the iteration `costs[i]` was recorded at. */
export interface CostSeries {
  id: string;
  label: string;
  iterations: readonly number[];
  costs: readonly number[];
  /** Iteration at which the run diverged, if it did. */
  divergedAt?: number | null;
  /** Overrides the palette colour (to keep a scheme's colour across figures). */
  color?: string;
}

/** Runs to plot; `totalIterations` fixes the x domain. */
export interface CostCurveData {
  totalIterations: number;
  series: readonly CostSeries[];
}

/** Display options; all optional, see `defaults`. */
export interface CostCurveOptions extends AriaOptions {
  yScale: 'linear' | 'log';
  /** Outer size in px (the svg then scales to its container). */
  width: number;
  height: number;
  /** Draws a dashed horizontal rule at this cost. */
  threshold?: number;
  /** Label of the threshold rule; default "cost = <threshold>". */
  thresholdLabel?: string;
  /** On a log axis, smaller costs (and exact zeros) are drawn at this value. */
  logFloor: number;
}

export const defaults = {
  yScale: 'linear' as 'linear' | 'log',
  width: 640,
  height: 320,
  logFloor: 1e-8,
  marginLeft: 56,
  marginRight: 24,
  marginBottom: 36,
  xLabel: 'iteration',
  yLabel: 'cost (binary cross-entropy)',
  maxTableRows: 60,
};

interface Prepared {
  series: CostSeries;
  color: string;
  points: { x: number; y: number }[];
  clamped: number;
  diverged: { x: number; y: number } | null;
}

function prepare(data: CostCurveData, log: boolean, floor: number, top: number): Prepared[] {
  return data.series.map((s, i) => {
    const points: { x: number; y: number }[] = [];
    let clamped = 0;
    const n = Math.min(s.iterations.length, s.costs.length);
    for (let j = 0; j < n; j++) {
      const x = s.iterations[j];
      let y = s.costs[j];
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (log && y < floor) (y = floor), clamped++;
      points.push({ x, y });
    }
    const k = s.divergedAt;
    const diverged = k != null && Number.isFinite(k) ? { x: k, y: points.at(-1)?.y ?? top } : null;
    return { series: s, color: s.color ?? seriesColor(i), points, clamped, diverged };
  });
}

const xMax = (data: CostCurveData) => iterationEnd(data.totalIterations, ...data.series.map((s) => s.iterations));

/**
 * Plot options for cost curves: one line per series (palette colours, a legend when there are
 * several), × and "diverged at iteration k" where a run diverged, an optional dashed threshold.
 * Non-finite costs are skipped; on a log axis costs below `logFloor` are drawn at the floor.
 */
export function costCurve(data: CostCurveData, options: Partial<CostCurveOptions> = {}): Plot.PlotOptions {
  const o = { ...defaults, ...options };
  const log = o.yScale === 'log';
  const total = xMax(data);
  const finite = data.series.flatMap((s) => s.costs.filter(Number.isFinite));
  const threshold = o.threshold != null && Number.isFinite(o.threshold) && (!log || o.threshold > 0) ? o.threshold : null;
  const floor = o.logFloor > 0 ? o.logFloor : defaults.logFloor;
  const yDomain: [number, number] = log
    ? logDomain(finite.map((c) => Math.max(c, floor)), threshold == null ? [] : [threshold], 'pad', 1.2)
    : [0, Math.max(...finite, threshold ?? 0, 0) * 1.05 || 1];
  const prepared = prepare(data, log, floor, yDomain[1]);
  const items: LegendItem[] = prepared.length > 1 ? prepared.map((p) => ({ label: p.series.label, color: p.color, swatch: 'line' })) : [];
  // The legend's top (18 px) is below Plot's y-axis label, which sits at the very top of the svg.
  const legend = legendAbove(items, o);
  // Where a cost sits in the y domain, 0 (bottom) to 1 (top), to keep labels off the axes and legend.
  const fraction = (y: number) => (log ? Math.log(y / yDomain[0]) / Math.log(yDomain[1] / yDomain[0]) : y / yDomain[1]);
  const marks: Plot.Markish[] = [];
  if (threshold != null) {
    const below = fraction(threshold) > 0.15;
    marks.push(Plot.ruleY([threshold], { stroke: ink, strokeOpacity: faint.rule, strokeDasharray: '5,4' }));
    marks.push(Plot.text([threshold], {
      x: total, y: (d: number) => d, dy: below ? 4 : -4, lineAnchor: below ? 'top' : 'bottom', textAnchor: 'end', fill: ink,
      text: () => o.thresholdLabel ?? `cost = ${fmt(threshold)}`, ...halo,
    }));
  }
  for (const p of prepared) {
    marks.push(Plot.line(p.points, { x: 'x', y: 'y', stroke: p.color, strokeWidth: 2 }));
    // A dot at the newest record: the live end of a growing curve, and visible even for one record.
    if (p.points.length) marks.push(Plot.dot(p.points.slice(-1), { x: 'x', y: 'y', r: 3, fill: p.color }));
  }
  const diverged = prepared.filter((p) => p.diverged);
  diverged.forEach((p, i) => {
    const at = p.diverged!;
    const right = at.x > 0.6 * total;
    // Labels of markers near the top go below them, clear of the legend.
    const high = fraction(at.y) > 0.75;
    marks.push(Plot.dot([at], { x: 'x', y: 'y', symbol: 'times', r: 6, stroke: p.color, strokeWidth: 3 }));
    marks.push(Plot.text([at], {
      x: 'x', y: 'y', dx: right ? -10 : 10, dy: (high ? 14 : -14) * (i + 1), textAnchor: right ? 'end' : 'start', fill: ink,
      text: () => `${prepared.length > 1 ? `${p.series.label}: ` : ''}diverged at iteration ${fmtInt(at.x)}`, ...halo,
    }));
  });
  marks.push(...legend.marks);
  return {
    width: o.width,
    height: o.height,
    marginLeft: o.marginLeft,
    marginRight: o.marginRight,
    marginBottom: o.marginBottom,
    marginTop: legend.marginTop,
    style: chartStyle,
    ariaLabel: o.ariaLabel ?? `Line chart: ${o.yLabel} against iteration${prepared.length > 1 ? ` for ${prepared.map((p) => p.series.label).join(', ')}` : ''}${log ? ', log scale' : ''}`,
    ariaDescription: o.ariaDescription,
    x: { domain: [0, total], label: o.xLabel, labelAnchor: 'right', ticks: 6 },
    y: log ? logAxis(yDomain, o.yLabel) : { type: 'linear', domain: yDomain, label: o.yLabel, grid: true, nice: true },
    marks,
  };
}

/** One or two sentences with each run's first and last cost, and where runs diverged. */
export function costCurveCaption(data: CostCurveData): string {
  const parts = data.series.map((s) => {
    const idx = s.costs.map((_, i) => i).filter((i) => Number.isFinite(s.costs[i]) && Number.isFinite(s.iterations[i]));
    if (idx.length === 0) return `${s.label}: no finite cost recorded`;
    const first = idx[0];
    const last = idx[idx.length - 1];
    let text = first === last
      ? `${s.label} is ${fmt(s.costs[first])} at iteration ${fmtInt(s.iterations[first])}`
      : `${s.label} goes from ${fmt(s.costs[first])} at iteration ${fmtInt(s.iterations[first])} to ${fmt(s.costs[last])} at iteration ${fmtInt(s.iterations[last])}`;
    if (s.divergedAt != null && Number.isFinite(s.divergedAt)) text += `, then diverged at iteration ${fmtInt(s.divergedAt)}`;
    return text;
  });
  if (parts.length === 0) return 'No cost recorded yet.';
  return `Cost (binary cross-entropy) over ${fmtInt(xMax(data))} iterations: ${parts.join('; ')}.`;
}

/**
 * The recorded costs as a table: an iteration column and one column per series, subsampled to
 * at most `defaults.maxTableRows` rows (always keeping the last record); the note says so.
 */
export function costCurveTable(data: CostCurveData): ChartTable {
  const iterations = [...new Set(data.series.flatMap((s) => s.iterations.filter(Number.isFinite)))].sort((a, b) => a - b);
  const lookup = data.series.map((s) => new Map(s.iterations.map((it, i) => [it, s.costs[i]])));
  const { indices, note } = subsample(iterations.length, defaults.maxTableRows);
  const rows = indices.map((i) => [iterations[i], ...lookup.map((m) => cell(m.get(iterations[i])))]);
  const notes = [note, ...data.series.filter((s) => s.divergedAt != null).map((s) => `${s.label} diverged at iteration ${fmtInt(s.divergedAt!)}.`)];
  const text = notes.filter(Boolean).join(' ');
  return { columns: ['iteration', ...data.series.map((s) => `cost: ${s.label}`)], rows, ...(text ? { note: text } : {}) };
}
