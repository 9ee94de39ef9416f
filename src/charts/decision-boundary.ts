/**
 * A network's P(y = 1) over the input plane as a raster (class-0 hue → page background →
 * class-1 hue), its 0.5 contour, and the data points outlined on top. Sized for small multiples.
 */
import * as Plot from '@observablehq/plot';
import type { GridSpec } from '../engine/grid.ts';
import { cell, chartStyle, fmt, fmtInt, type AriaOptions, type ChartTable } from './common.ts';
import { classColors, classNames, ink, probabilityFill } from './theme.ts';
import { pathDot } from './dots.ts';

/** P(y = 1) on the grid `spec` (nx·ny values, rows from yMin up, x inner) and the labelled data. */
export interface DecisionBoundaryData {
  spec: GridSpec;
  probs: Float64Array | readonly number[];
  /** Points, 2 × m row-major (x₁ then x₂), and their labels (1 × m, 0/1). */
  X: Float64Array | readonly number[];
  Y: ArrayLike<number>;
  m: number;
  /** Drawn above the map, e.g. the initialization's name. */
  title?: string;
}

/** Display options; all optional, see `defaults`. */
export interface DecisionBoundaryOptions extends AriaOptions {
  /** Outer width in px. */
  width: number;
  /** Outer height in px; by default it follows from the equal aspect ratio (and Plot's default margins, so from `axes`). */
  height?: number;
  /** Dot radius in px. */
  r: number;
  /** Draw the data points. */
  points: boolean;
  /** Draw the P = 0.5 contour (the decision boundary). */
  boundary: boolean;
  /** Draw the axes and the frame. Without them, give the `height` of the map with them to keep its geometry (live layer swaps). */
  axes: boolean;
}

export const defaults = {
  width: 240,
  r: 1.6,
  points: true,
  boundary: true,
  axes: true,
  marginLeft: 30,
  marginRight: 8,
  marginBottom: 30,
  xLabel: 'x₁',
  yLabel: 'x₂',
  /** Legend ramp size in px. */
  legendWidth: 240,
  legendHeight: 50,
  maxTableCells: 9,
};

function check(data: DecisionBoundaryData): void {
  const { spec, probs, X, m } = data;
  if (!(Number.isInteger(spec.nx) && spec.nx > 0 && Number.isInteger(spec.ny) && spec.ny > 0) || probs.length !== spec.nx * spec.ny) {
    throw new RangeError(`decisionBoundary needs nx·ny probabilities, got nx=${spec.nx}, ny=${spec.ny} and ${probs.length} values`);
  }
  if (!(spec.xMax > spec.xMin && spec.yMax > spec.yMin)) throw new RangeError('decisionBoundary needs xMax > xMin and yMax > yMin');
  if (X.length < 2 * m || data.Y.length < m) throw new RangeError(`decisionBoundary needs X with 2 × m values and m labels (m=${m})`);
}

/** The nx × ny grid with its edge cells repeated once all round; non-finite values become NaN. */
function padGrid(probs: ArrayLike<number>, nx: number, ny: number): number[] {
  const out: number[] = [];
  for (let r = -1; r <= ny; r++) {
    const rr = Math.min(ny - 1, Math.max(0, r));
    for (let c = -1; c <= nx; c++) {
      const p = probs[rr * nx + Math.min(nx - 1, Math.max(0, c))];
      out.push(Number.isFinite(p) ? p : NaN);
    }
  }
  return out;
}

/** The probability map: hue and opacity per grid cell (see theme's probabilityFill). */
function probabilityRaster(probs: ArrayLike<number>, nx: number, ny: number, box: { x1: number; x2: number; y1: number; y2: number }): Plot.Markish {
  const values = Array.from(probs, (p) => probabilityFill(p));
  return Plot.raster(values, {
    width: nx,
    height: ny,
    ...box,
    fill: (d: { color: string }) => d.color,
    fillOpacity: (d: { opacity: number }) => d.opacity,
    imageRendering: 'auto',
  });
}

/**
 * Plot options for the decision-boundary map: raster of P(y = 1) over the grid's rectangle, the
 * P = 0.5 contour in `currentColor`, and the points filled by class and outlined in `currentColor`.
 * Equal aspect ratio. Non-finite probabilities are transparent. @throws RangeError for mismatched sizes.
 */
export function decisionBoundary(data: DecisionBoundaryData, options: Partial<DecisionBoundaryOptions> = {}): Plot.PlotOptions {
  check(data);
  const o = { ...defaults, ...options };
  const { spec, probs, X, Y, m } = data;
  // probs rows run from yMin up, so the raster's first row goes at y1 = yMin.
  const box = { x1: spec.xMin, x2: spec.xMax, y1: spec.yMin, y2: spec.yMax };
  const marks: Plot.Markish[] = [probabilityRaster(probs, spec.nx, spec.ny, box)];
  if (o.boundary) {
    // Contour polygons close along the grid's edge; padding the grid by a cell and clipping to the
    // frame keeps those closing edges out of sight, leaving only the boundary itself.
    const dx = (spec.xMax - spec.xMin) / spec.nx;
    const dy = (spec.yMax - spec.yMin) / spec.ny;
    marks.push(Plot.contour(padGrid(probs, spec.nx, spec.ny), {
      width: spec.nx + 2, height: spec.ny + 2, x1: spec.xMin - dx, x2: spec.xMax + dx, y1: spec.yMin - dy, y2: spec.yMax + dy,
      // The grid is dense: 'none' places each value in its cell, as Plot's default 'nearest' does, without a Delaunay triangulation.
      interpolate: 'none', thresholds: [0.5], stroke: ink, strokeWidth: 1.2, strokeOpacity: 0.8, fill: 'none', clip: 'frame',
    }));
  }
  if (o.points) {
    const idx = Array.from({ length: m }, (_, j) => j).filter((j) => Number.isFinite(X[j]) && Number.isFinite(X[m + j]));
    for (const c of [0, 1]) {
      marks.push(pathDot(idx.filter((j) => Y[j] === c), { x: (j: number) => X[j], y: (j: number) => X[m + j] }, { r: o.r, fill: classColors[c], stroke: ink, strokeWidth: 0.5 }));
    }
  }
  if (o.axes) marks.push(Plot.frame({ stroke: ink, strokeOpacity: 0.25 }));
  const noAxis = o.axes ? {} : { axis: null };
  if (data.title) marks.push(Plot.text([data.title], { frameAnchor: 'top', dy: -8, lineAnchor: 'bottom', fill: ink, fontWeight: 600 }));
  return {
    width: o.width,
    ...(o.height === undefined ? {} : { height: o.height }),
    marginLeft: o.marginLeft,
    marginRight: o.marginRight,
    marginBottom: o.marginBottom,
    marginTop: data.title ? 26 : 10,
    aspectRatio: 1,
    style: chartStyle,
    ariaLabel: o.ariaLabel ?? `Decision boundary${data.title ? ` of ${data.title}` : ''}: map of the predicted probability of class 1 over the plane, with ${fmtInt(m)} data points`,
    ariaDescription: o.ariaDescription,
    x: { domain: [spec.xMin, spec.xMax], label: o.xLabel, ticks: 4, labelOffset: 26, ...noAxis },
    y: { domain: [spec.yMin, spec.yMax], label: o.yLabel, ticks: 4, labelAnchor: 'center', ...noAxis },
    color: { type: 'identity' },
    opacity: { type: 'identity' },
    marks,
  };
}

/**
 * Plot options for the colour ramp of P(y = 1) shared by decision-boundary maps: 0 = class 0,
 * 0.5 = no preference (the page shows through), 1 = class 1.
 */
export function decisionBoundaryLegend(options: Partial<AriaOptions & { width: number; height: number }> = {}): Plot.PlotOptions {
  const width = options.width ?? defaults.legendWidth;
  const n = 101;
  const probs = Array.from({ length: n }, (_, i) => i / (n - 1));
  return {
    width,
    height: options.height ?? defaults.legendHeight,
    marginLeft: 12,
    marginRight: 12,
    marginTop: 14,
    marginBottom: 20,
    style: chartStyle,
    ariaLabel: options.ariaLabel ?? `Colour scale of P(y = 1): ${classNames[0]} colour at 0, background at 0.5, ${classNames[1]} colour at 1`,
    ariaDescription: options.ariaDescription,
    x: { domain: [0, 1], ticks: [0, 0.5, 1], tickFormat: (v: number) => String(v), label: null },
    y: { domain: [0, 1], axis: null },
    color: { type: 'identity' },
    opacity: { type: 'identity' },
    marks: [
      probabilityRaster(probs, n, 1, { x1: 0, x2: 1, y1: 0, y2: 1 }),
      Plot.frame({ stroke: ink, strokeOpacity: 0.3 }),
      Plot.text(['P(y = 1)'], { frameAnchor: 'top', dy: -4, lineAnchor: 'bottom', fill: ink }),
      Plot.text([classNames[0]], { frameAnchor: 'top-left', dy: -4, lineAnchor: 'bottom', textAnchor: 'start', fill: ink }),
      Plot.text([classNames[1]], { frameAnchor: 'top-right', dy: -4, lineAnchor: 'bottom', textAnchor: 'end', fill: ink }),
    ],
  };
}

/** Over the finite values of `probs`: how many there are, how many are > 0.5 (class 1), and their range. */
export function probabilityCounts(probs: ArrayLike<number>): { cells: number; class1: number; min: number; max: number } {
  let class1 = 0;
  let cells = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < probs.length; i++) {
    const p = probs[i];
    if (!Number.isFinite(p)) continue;
    cells++;
    if (p > 0.5) class1++;
    min = Math.min(min, p);
    max = Math.max(max, p);
  }
  return { cells, class1, min, max };
}

/** One or two sentences: the share of the plane predicted class 1 and the range of P(y = 1). */
export function decisionBoundaryCaption(data: DecisionBoundaryData): string {
  check(data);
  const a = probabilityCounts(data.probs);
  const { spec } = data;
  const who = data.title ? `${data.title}: the` : 'The';
  if (a.cells === 0) return `${who} network's probabilities are not finite anywhere on the ${spec.nx} × ${spec.ny} grid, so no boundary can be drawn.`;
  const share = Math.round((a.class1 / a.cells) * 100);
  return `${who} network predicts class 1 on ${share} % of the plane [${fmt(spec.xMin)}, ${fmt(spec.xMax)}] × [${fmt(spec.yMin)}, ${fmt(spec.yMax)}], `
    + `with P(y = 1) from ${fmt(a.min)} to ${fmt(a.max)} on a ${spec.nx} × ${spec.ny} grid; ${fmtInt(data.m)} data points are drawn on top.`;
}

/**
 * P(y = 1) on a coarse subgrid (at most `defaults.maxTableCells` × `maxTableCells`): one row per
 * x₂ (top to bottom), one column per x₁, with a note on the subsampling.
 */
export function decisionBoundaryTable(data: DecisionBoundaryData): ChartTable {
  check(data);
  const { spec, probs } = data;
  const pick = (n: number) => {
    const k = Math.max(1, Math.ceil(n / defaults.maxTableCells));
    const out: number[] = [];
    for (let i = Math.floor((k - 1) / 2); i < n; i += k) out.push(i);
    return out;
  };
  const cols = pick(spec.nx);
  const rows = pick(spec.ny).reverse();
  const cx = (c: number) => spec.xMin + ((c + 0.5) * (spec.xMax - spec.xMin)) / spec.nx;
  const cy = (r: number) => spec.yMin + ((r + 0.5) * (spec.yMax - spec.yMin)) / spec.ny;
  return {
    columns: ['x₂ \\ x₁', ...cols.map((c) => fmt(cx(c)))],
    rows: rows.map((r) => [cell(cy(r)), ...cols.map((c) => cell(probs[r * spec.nx + c]))]),
    note: `P(y = 1) at ${rows.length} × ${cols.length} of the ${spec.ny} × ${spec.nx} grid cells (cell centres).`,
  };
}
