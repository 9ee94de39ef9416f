/**
 * The data points in the plane, coloured by class, one panel per labelling: the actual labels next
 * to one or more networks' predictions (the "actual vs predicted" figures and the summary grid).
 */
import * as Plot from '@observablehq/plot';
import { cell, chartStyle, fmtInt, subsample, type AriaOptions, type ChartTable } from './common.ts';
import { legendMarks, type LegendItem } from './legend.ts';
import { background, classColors, classNames, fontSize, ink } from './theme.ts';

/** Height in px of a line of a panel title. */
const lineHeight = fontSize + 2;
import { pathDot } from './dots.ts';

/** One panel: a labelling of the m points (0/1 each; other values are not drawn). */
export interface ScatterPanel {
  title: string;
  /** Second line of the panel title, e.g. "accuracy 0.742". */
  subtitle?: string;
  labels: ArrayLike<number>;
}

/** Points X (2 × m row-major: x₁ of every point, then x₂) and the panels to draw them in. */
export interface ScatterData {
  X: Float64Array | readonly number[];
  m: number;
  panels: readonly ScatterPanel[];
}

/** Display options; all optional, see `defaults`. */
export interface ScatterOptions extends AriaOptions {
  /** Outer width in px; the height follows from the equal aspect ratio. */
  width: number;
  /** Dot radius in px; default depends on the number of panels. */
  r?: number;
  /** Legend names of class 0 and class 1. */
  classNames: readonly [string, string];
}

export const defaults = {
  width: 720,
  marginLeft: 40,
  marginRight: 12,
  marginBottom: 34,
  /** Space for the legend row above the panel titles. */
  legendHeight: 20,
  /** Fraction of the data's extent added on each side. */
  pad: 0.04,
  /** Dot radius with 1–2 panels, and with more (small multiples). */
  rLarge: 2.3,
  rSmall: 1.5,
  /** Narrowest panel in px before panels wrap to another row. */
  minPanel: 150,
  /** Gap between panels as a fraction of a panel's side. */
  panelPadding: 0.12,
  xLabel: 'x₁',
  yLabel: 'x₂',
  classNames: classNames as readonly [string, string],
  maxTableRows: 100,
};

interface Point {
  p: number;
  x: number;
  y: number;
  c: number;
}

/** Splits `text` into lines of at most about `max` characters, at spaces. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function check(data: ScatterData): void {
  if (!(Number.isInteger(data.m) && data.m >= 0) || data.X.length < 2 * data.m) {
    throw new RangeError(`scatter needs X with 2 × m values, got m=${data.m} and ${data.X.length} values`);
  }
  data.panels.forEach((panel, i) => {
    if (panel.labels.length < data.m) throw new RangeError(`scatter panel ${i} ("${panel.title}") has ${panel.labels.length} labels, expected ${data.m}`);
  });
}

function extent(X: ScatterData['X'], from: number, to: number, pad: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = from; i < to; i++) if (Number.isFinite(X[i])) (lo = Math.min(lo, X[i])), (hi = Math.max(hi, X[i]));
  if (lo > hi) return [-1, 1];
  const d = (hi - lo || 1) * pad;
  return [lo - d, hi + d];
}

/**
 * Plot options for side-by-side panels (Plot fx facets) of the points coloured by label, with an
 * equal aspect ratio, shared axes x₁, x₂ and a "class 0 / class 1" legend.
 * @throws RangeError if X has fewer than 2·m values or a panel fewer than m labels.
 */
export function scatter(data: ScatterData, options: Partial<ScatterOptions> = {}): Plot.PlotOptions {
  check(data);
  const o = { ...defaults, ...options };
  const { X, m, panels } = data;
  const points: Point[] = [];
  panels.forEach((panel, p) => {
    for (let j = 0; j < m; j++) {
      const x = X[j];
      const y = X[m + j];
      if (Number.isFinite(x) && Number.isFinite(y)) points.push({ p, x, y, c: panel.labels[j] });
    }
  });
  // Small multiples reflow: as many columns as fit at `minPanel` px each (one on a phone), then rows.
  const n = Math.max(1, panels.length);
  const cols = Math.min(n, Math.max(1, Math.floor((o.width - o.marginLeft - o.marginRight) / o.minPanel)));
  const rows = Math.ceil(n / cols);
  // Long panel titles wrap so panels do not run into each other.
  const maxChars = Math.max(12, Math.floor((o.width - o.marginLeft) / cols / 6.6));
  const heads = panels.map((p) => [...wrap(p.title, maxChars), ...(p.subtitle ? [p.subtitle] : [])]);
  const lines = Math.max(1, ...heads.map((h) => h.length));
  const titleHeight = lineHeight * lines + 6;
  const marginTop = o.legendHeight + 2 + titleHeight;
  const r = o.r ?? (n <= 2 ? o.rLarge : o.rSmall);
  const items: LegendItem[] = [0, 1].map((c) => ({ label: o.classNames[c], color: classColors[c], swatch: 'dot' }));
  const at = (p: number) => ({ fx: p % cols, fy: Math.floor(p / cols) });
  const dots = [0, 1].map((c) => pathDot(points, { filter: (d: Point) => d.c === c, x: 'x', y: 'y', fx: (d: Point) => at(d.p).fx, fy: (d: Point) => at(d.p).fy }, { r, fill: classColors[c], stroke: background, strokeWidth: 0.4 }));
  // About a panel's side, to leave each row of panels room for the titles of the next.
  const side = (o.width - o.marginLeft - o.marginRight) / cols / (1 + o.panelPadding);
  const titles = Plot.text(panels.map((_, i) => i), {
    fx: (i: number) => at(i).fx, fy: (i: number) => at(i).fy, frameAnchor: 'top', dy: -4, lineAnchor: 'bottom',
    text: (i: number) => heads[i].join('\n'), lineHeight: lineHeight / fontSize, fill: ink,
  });
  return {
    width: o.width,
    marginLeft: o.marginLeft,
    marginRight: o.marginRight,
    marginBottom: o.marginBottom,
    marginTop,
    aspectRatio: 1,
    style: chartStyle,
    ariaLabel: o.ariaLabel ?? `Scatter plot of ${fmtInt(m)} points in ${panels.length} panel${panels.length === 1 ? '' : 's'}: ${panels.map((p) => p.title).join(', ')}`,
    ariaDescription: o.ariaDescription,
    x: { domain: extent(X, 0, m, o.pad), label: o.xLabel, ticks: side < 200 ? 3 : 5 },
    y: { domain: extent(X, m, 2 * m, o.pad), label: o.yLabel, labelAnchor: 'center', ticks: 5 },
    fx: { domain: Array.from({ length: cols }, (_, i) => i), axis: null, label: null, padding: o.panelPadding },
    fy: { domain: Array.from({ length: rows }, (_, i) => i), axis: null, label: null, padding: rows > 1 ? (side * o.panelPadding + titleHeight) / (side + side * o.panelPadding + titleHeight) : 0 },
    marks: [
      Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.15 }),
      ...dots,
      titles,
      ...legendMarks(items, { left: o.marginLeft, top: 0, width: o.width - o.marginLeft, marginLeft: o.marginLeft, marginTop }),
    ],
  };
}

/** One or two sentences: how many points, and per panel its class counts and subtitle. */
export function scatterCaption(data: ScatterData): string {
  check(data);
  const panels = data.panels.map((panel) => {
    let k0 = 0;
    let k1 = 0;
    for (let j = 0; j < data.m; j++) {
      if (panel.labels[j] === 0) k0++;
      else if (panel.labels[j] === 1) k1++;
    }
    return `${panel.title}${panel.subtitle ? `, ${panel.subtitle}` : ''} (${fmtInt(k0)} class 0, ${fmtInt(k1)} class 1)`;
  });
  return `${fmtInt(data.m)} points in the plane (x₁, x₂) coloured by class, in ${data.panels.length} panel${data.panels.length === 1 ? '' : 's'}: ${panels.join('; ')}.`;
}

/** The points' coordinates and every panel's label, every k-th point (at most `defaults.maxTableRows` rows). */
export function scatterTable(data: ScatterData): ChartTable {
  check(data);
  const { indices, note } = subsample(data.m, defaults.maxTableRows, 'point');
  const rows = indices.map((j) => [cell(data.X[j]), cell(data.X[data.m + j]), ...data.panels.map((p) => cell(p.labels[j]))]);
  return {
    columns: ['x₁', 'x₂', ...data.panels.map((p) => p.title)],
    rows,
    ...(note ? { note } : {}),
  };
}
