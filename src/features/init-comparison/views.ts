/**
 * Views of <InitComparison>: pure functions from the schemes' runs (trained at build time or
 * streaming from the worker) to the cost chart, the decision-boundary maps and the summary table.
 * The build-time prerender and the live island call the same functions, so they cannot drift.
 */
import type * as Plot from '@observablehq/plot';
import {
  costCurve, costCurveCaption, costCurveTable, decisionBoundary, decisionBoundaryTable, fmt, fmtFixed, fmtInt, seriesColor,
  type ChartTable, type CostCurveData, type DecisionBoundaryData,
} from '../../charts/browser.ts';
import { probabilityCounts } from '../../charts/decision-boundary.ts';
import { gridAround, probabilityGrid, train, type Dataset, type GridSpec, type TrainConfig, type TrainStatus } from '../../engine/index.ts';

import { EXPLORER_ACTIVATIONS, EXPLORER_SCHEMES, INIT_LABELS, normalTimes, type ExplorerActivation, type Scheme } from '../../kit/labels.ts';

export type { Scheme };
/** Cells per side of the probability grid the worker sends with every progress message. */
export const GRID_CELLS = 36;

/** Everything the reader can set; the first seven define the runs, the rest only the display. */
export interface ComparisonSettings {
  readonly schemes: Scheme[];
  readonly hidden: ExplorerActivation;
  readonly width: number;
  readonly learningRate: number;
  readonly iterations: number;
  readonly scale: number;
  readonly seed: number;
  readonly yScale: 'linear' | 'log';
  readonly threshold: number;
  readonly speed: number;
}

/** Settings whose change means training again. */
export const TRAINING_KEYS = ['schemes', 'hidden', 'width', 'learningRate', 'iterations', 'scale', 'seed'] as const;

/** What a comparison's runs depend on: its settings without the display-only ones (yScale, threshold, speed). */
export type ComparisonTraining = Pick<ComparisonSettings, (typeof TRAINING_KEYS)[number]>;

/** One scheme's run at a moment, as the views need it. */
export interface SchemeRun {
  readonly scheme: Scheme;
  readonly config: TrainConfig;
  readonly status: TrainStatus | { readonly state: 'idle'; readonly message: string };
  /** Updates applied so far. */
  readonly iteration: number;
  readonly iterations: readonly number[];
  readonly costs: readonly number[];
  /** P(y = 1) on the grid for the parameters after `gridIteration` updates (the last finite one kept). */
  readonly grid?: ArrayLike<number>;
  readonly gridIteration: number;
  /** Present once the run has ended. */
  readonly finalCost?: number;
  readonly accuracy?: number;
}

/** Records are kept about 1000 times per run, so curves and "iterations to reach" are fine-grained. */
export function recordEvery(iterations: number): number {
  return Math.max(1, Math.round(iterations / 1000));
}

/** The training config of `scheme` under `s`: same data, seed, network and learning rate for all. */
export function schemeConfig(s: ComparisonTraining, scheme: Scheme): TrainConfig {
  return {
    layers: [2, s.width, 1], hidden: s.hidden, init: scheme, scale: scheme === 'normal' ? s.scale : 1,
    learningRate: s.learningRate, iterations: s.iterations, seed: s.seed, recordEvery: recordEvery(s.iterations),
  };
}

/** A number as the scale slider shows it: "10", "0.01", "0.002". */
export function formatScale(scale: number): string {
  return String(Number(scale.toPrecision(3)));
}

/** The label of a scheme, e.g. "Normal × 10" or "LeCun". */
export function schemeLabel(scheme: Scheme, scale: number): string {
  return scheme === 'normal' ? normalTimes(formatScale(scale), 'title') : INIT_LABELS[scheme].title;
}

/** The colour a scheme keeps in every figure. */
export function schemeColor(scheme: Scheme): string {
  return seriesColor(EXPLORER_SCHEMES.indexOf(scheme));
}

const label = (r: SchemeRun) => schemeLabel(r.scheme, r.config.scale);
const divergedAt = (r: SchemeRun) => (r.status.state === 'diverged' ? r.status.iteration : null);
const ended = (r: SchemeRun) => r.status.state === 'done' || r.status.state === 'diverged' || r.status.state === 'cancelled';

/** The first recorded iteration whose cost is ≤ threshold, or null. */
export function iterationsToReach(iterations: readonly number[], costs: readonly number[], threshold: number): number | null {
  for (let i = 0; i < costs.length; i++) if (costs[i] <= threshold) return iterations[i];
  return null;
}

/** What a figure shows at a moment. */
export interface ComparisonView {
  readonly title: string;
  readonly caption: string;
  readonly table: ChartTable;
  readonly plot?: Plot.PlotOptions;
}

function costData(runs: readonly SchemeRun[]): CostCurveData {
  return {
    totalIterations: Math.max(1, ...runs.map((r) => r.config.iterations)),
    series: runs.map((r) => ({ id: r.scheme, label: label(r), iterations: r.iterations, costs: r.costs, divergedAt: divergedAt(r), color: schemeColor(r.scheme) })),
  };
}

/** The overlaid cost curves, with the threshold drawn as a dashed rule. */
export function costView(runs: readonly SchemeRun[], s: Pick<ComparisonSettings, 'yScale' | 'threshold'>, width = 760): ComparisonView {
  const data = costData(runs);
  const title = 'Cost of each initialization during training';
  return {
    title,
    plot: costCurve(data, { width, height: Math.round(Math.min(340, Math.max(260, width * 0.6))), yScale: s.yScale, threshold: s.threshold, thresholdLabel: `threshold ${fmt(s.threshold)}`, ariaLabel: `${title}${s.yScale === 'log' ? ', log scale' : ''}` }),
    caption: costCurveCaption(data),
    table: costCurveTable(data),
  };
}

/** The words of a map: its title (scheme and iteration) and its text alternative. */
export function mapText(r: SchemeRun, m: number): { title: string; ariaLabel: string } {
  return {
    title: `${label(r)}, iter. ${fmtInt(r.gridIteration)}`,
    ariaLabel: `Decision boundary of ${label(r)} after ${fmtInt(r.gridIteration)} iterations: predicted probability of class 1 over the plane, with ${fmtInt(m)} data points`,
  };
}

function mapData(r: SchemeRun, data: Dataset, spec: GridSpec): DecisionBoundaryData {
  const probs = r.grid ?? new Float64Array(spec.nx * spec.ny).fill(NaN);
  return { spec, probs: Array.from(probs), X: data.X, Y: data.Y, m: data.m, title: mapText(r, data.m).title };
}

/**
 * One scheme's decision-boundary map: P(y = 1) over the plane with the data on top. With `live`
 * (the height in px of the whole map it updates) it has only the layers that change while training,
 * with no points, axes or frame, at the same geometry: a live map swaps in just those (parts.ts's patchLayers).
 */
export function mapPlot(r: SchemeRun, data: Dataset, spec: GridSpec, options: { width?: number; live?: { height: number } } = {}): Plot.PlotOptions {
  const { live } = options;
  return decisionBoundary(mapData(r, data, spec), { width: options.width ?? 220, points: !live, axes: !live, height: live?.height, ariaLabel: mapText(r, data.m).ariaLabel });
}

/** Caption and data of the small multiples (the table holds each map's coarse subgrid). */
export function mapsView(runs: readonly SchemeRun[], data: Dataset, spec: GridSpec, options: { tables?: boolean } = {}): ComparisonView & { tables: { caption: string; table: ChartTable }[] } {
  const parts = runs.map((r) => {
    const { class1, cells: finite } = probabilityCounts(r.grid ?? []);
    if (finite === 0) return `${label(r)} (iteration ${fmtInt(r.gridIteration)}) has no finite prediction`;
    return `${label(r)} (iteration ${fmtInt(r.gridIteration)}) predicts class 1 on ${Math.round((100 * class1) / finite)} % of the plane`;
  });
  // The tables are the costly part; a live redraw asks for them only when they are shown.
  const tables = options.tables === false ? [] : runs.map((r) => ({ caption: `${label(r)}, iteration ${fmtInt(r.gridIteration)}`, table: decisionBoundaryTable(mapData(r, data, spec)) }));
  return {
    title: 'Decision boundary of each initialization',
    caption: `P(y = 1) on a ${spec.nx} × ${spec.ny} grid with the ${fmtInt(data.m)} training points on top; the line is P = 0.5. ${parts.join('; ')}.`,
    table: tables[0]?.table ?? { columns: [], rows: [] },
    tables,
  };
}

/** Every map's full grid in long form (scheme, iteration, x₁, x₂, P), for the CSV export. */
export function mapsGridTable(runs: readonly SchemeRun[], spec: GridSpec): ChartTable {
  const rows: (string | number)[][] = [];
  const dx = (spec.xMax - spec.xMin) / spec.nx;
  const dy = (spec.yMax - spec.yMin) / spec.ny;
  for (const r of runs) {
    for (let i = 0; i < spec.nx * spec.ny; i++) {
      const p = r.grid?.[i];
      rows.push([label(r), r.gridIteration, spec.xMin + ((i % spec.nx) + 0.5) * dx, spec.yMin + (Math.floor(i / spec.nx) + 0.5) * dy, p === undefined || !Number.isFinite(p) ? 'not a number' : p]);
    }
  }
  return { columns: ['scheme', 'iteration', 'x1', 'x2', 'P(y=1)'], rows };
}

/** The last finite recorded cost of a run, or null. */
function lastCost(r: SchemeRun): { cost: number; iteration: number } | null {
  for (let i = r.costs.length - 1; i >= 0; i--) if (Number.isFinite(r.costs[i])) return { cost: r.costs[i], iteration: r.iterations[i] };
  return null;
}

/** One row of the summary, as text cells and as numbers for the JSON export. */
export interface SummaryRow {
  readonly scheme: Scheme;
  readonly label: string;
  /** Cost of the final parameters once done, else the last recorded cost. */
  readonly cost: number | null;
  readonly costAt: number | null;
  readonly accuracy: number | null;
  readonly reachedAt: number | null;
  readonly divergedAt: number | null;
  readonly ended: boolean;
}

/** The summary's numbers: current cost, accuracy (finished runs only), iterations to reach, divergence. */
export function summaryRows(runs: readonly SchemeRun[], threshold: number): SummaryRow[] {
  return runs.map((r) => {
    const last = lastCost(r);
    const done = r.status.state === 'done' && r.finalCost !== undefined && Number.isFinite(r.finalCost);
    return {
      scheme: r.scheme, label: label(r),
      cost: done ? r.finalCost! : last?.cost ?? null, costAt: done ? r.iteration : last?.iteration ?? null,
      accuracy: ended(r) && r.accuracy !== undefined ? r.accuracy : null,
      reachedAt: iterationsToReach(r.iterations, r.costs, threshold), divergedAt: divergedAt(r), ended: ended(r),
    };
  });
}

/** The summary table: what the reader sees, the CSV export and the caption. */
export function summaryView(runs: readonly SchemeRun[], threshold: number): ComparisonView & { rows: SummaryRow[] } {
  const rows = summaryRows(runs, threshold);
  const reach = `Iterations to cost ≤ ${fmt(threshold)}`;
  const table: ChartTable = {
    columns: ['Scheme', 'Cost', 'Accuracy', reach, 'Divergence'],
    rows: rows.map((r) => [
      r.label,
      // Only a diverged run's cost needs its own iteration (its last finite one); the others are at the caption's.
      r.cost === null ? '—' : `${fmtFixed(r.cost, 4)}${r.divergedAt === null ? '' : ` (iteration ${fmtInt(r.costAt!)})`}`,
      r.accuracy === null ? '—' : String(r.accuracy),
      r.reachedAt !== null ? fmtInt(r.reachedAt) : r.ended ? 'not reached' : 'not yet',
      r.divergedAt !== null ? `diverged at iteration ${fmtInt(r.divergedAt)}` : r.ended ? 'none' : '—',
    ]),
    note: 'Cost is binary cross-entropy on the training data: of the final weights once a run is done, else the last recorded (at most one recording interval before the iteration in the caption). Accuracy is shown for finished runs.',
  };
  const parts = rows.map((r) => {
    const bits = [r.cost === null ? 'no cost yet' : `cost ${r.cost.toFixed(4)}`];
    if (r.accuracy !== null) bits.push(`accuracy ${r.accuracy}`);
    bits.push(r.reachedAt !== null ? `reached ${fmt(threshold)} at iteration ${fmtInt(r.reachedAt)}` : `${r.ended ? 'never reached' : 'has not yet reached'} ${fmt(threshold)}`);
    if (r.divergedAt !== null) bits.push(`diverged at iteration ${fmtInt(r.divergedAt)}`);
    return `${r.label}: ${bits.join(', ')}`;
  });
  const at = Math.max(0, ...runs.map((r) => r.iteration));
  const where = runs.every((r) => ended(r)) ? 'At the end' : `At iteration ${fmtInt(at)}`;
  return { title: 'Summary', caption: `${where}: ${parts.join('; ')}.`, table, rows };
}

/** The grid every map uses: the data's bounding box, padded, GRID_CELLS per side. */
export function comparisonGrid(data: Dataset): GridSpec {
  return gridAround(data, GRID_CELLS);
}

/** Trains every scheme of `s` to the end with the engine (build-time prerender; never in the browser). */
export function buildTimeComparison(s: ComparisonTraining, data: Dataset, spec: GridSpec): SchemeRun[] {
  return s.schemes.map((scheme) => {
    const t = train(data, schemeConfig(s, scheme));
    return {
      scheme, config: t.config, status: t.status, iteration: t.iteration, iterations: t.history.iterations, costs: t.history.costs,
      grid: probabilityGrid(t.params, t.activations, spec), gridIteration: t.iteration, finalCost: t.finalCost, accuracy: t.report.accuracy,
    };
  });
}
