/**
 * Figure views of the lesson's experiments: pure functions from run snapshots to what a figure
 * shows (a Plot chart or text, a caption with the key numbers, a data table, a status line).
 * The build-time prerender and the live island call the same function, so they cannot drift.
 */
import type * as Plot from '@observablehq/plot';
import { costCurve, costCurveCaption, costCurveTable, fmt, fmtInt, scatter, scatterCaption, scatterTable, type ChartTable } from '../../charts/browser.ts';
import { logLines } from '../../run/format.ts';
import type { Dataset } from '../../engine/index.ts';
import { escape, listHtml, preHtml, tableHtml } from '../../kit/html.ts';
import type { RunSnapshot } from '../../run/run.ts';

/** The figure kinds of lesson experiments. */
export type FigureKind = 'cost-curve' | 'training-log' | 'parameters' | 'scatter' | 'metrics' | 'summary-figure' | 'summary-table';

/** What a figure shows at a moment. */
export interface FigureView {
  readonly title: string;
  /** Text alternative with the key numbers. */
  readonly caption: string;
  readonly table: ChartTable;
  readonly plot?: Plot.PlotOptions;
  /** Escaped HTML for text figures. */
  readonly html?: string;
  /** True when every run the figure shows has ended. */
  readonly complete: boolean;
  /** Key numbers of complete runs; the live page compares them with the prerender's. */
  readonly check: string;
}

/** Options of a figure, from its component props. */
export interface FigureOptions {
  readonly title?: string;
  readonly yScale?: 'linear' | 'log';
  readonly threshold?: number;
  readonly every?: number;
  readonly at?: 'initial' | 'final';
  /** Width in CSS px to draw a chart at (the width of its box on the page); the chart's default when absent. */
  readonly width?: number;
}

/** A text figure whose run has not ended yet. */
const pending = (title: string) => ({ title, html: '<p class="figure-pending">Computing…</p>', caption: 'Not computed yet.', table: { columns: [], rows: [] } });
const divergedAt = (r: RunSnapshot) => (r.status.state === 'diverged' ? r.status.iteration : null);
const accuracyText = (r: RunSnapshot) => (r.result ? String(r.result.report.accuracy) : '…');

function check(runs: readonly RunSnapshot[]): string {
  return runs.map((r) => (r.result ? `${r.id}:${r.result.finalCost.toFixed(6)}:${r.result.report.accuracy}:${r.result.report.confusion.flat().join(',')}` : `${r.id}:pending`)).join(' ');
}

function costView(runs: readonly RunSnapshot[], o: FigureOptions): Omit<FigureView, 'complete' | 'check'> {
  const data = {
    totalIterations: Math.max(...runs.map((r) => r.config.iterations)),
    series: runs.map((r) => ({ id: r.id, label: r.label, iterations: r.history.iterations, costs: r.history.costs, divergedAt: divergedAt(r) })),
  };
  const title = o.title ?? (runs.length === 1 ? `Cost during training: ${runs[0].label}` : 'Cost during training');
  return { title, plot: costCurve(data, { yScale: o.yScale ?? 'linear', threshold: o.threshold, ariaLabel: title, ...(o.width ? { width: o.width } : {}) }), caption: costCurveCaption(data), table: costCurveTable(data) };
}

function logView(run: RunSnapshot, o: FigureOptions): Omit<FigureView, 'complete' | 'check'> {
  // Without `every`, the article's log (every 1000 iterations); with it, every recorded iteration that is a multiple of it.
  const lines = o.every === undefined
    ? logLines(run.history, run.config.recordEvery)
    : run.history.iterations.map((iteration, k) => ({ iteration, cost: run.history.costs[k] })).filter(({ iteration }) => iteration % o.every! === 0);
  const text = lines.map(({ iteration, cost }) => `Cost after iteration ${iteration}: ${cost.toFixed(6)}`);
  if (run.status.state === 'diverged') text.push(run.status.message);
  const title = `Training log: ${run.label}`;
  const first = lines[0];
  const last = lines.at(-1);
  return {
    title,
    html: preHtml(text.length ? text : ['(waiting for the first iteration)'], title),
    caption: first && last ? `The cost is ${first.cost.toFixed(6)} at iteration 0 and ${last.cost.toFixed(6)} at iteration ${last.iteration}; each line is labelled with the iteration it was measured at, before that iteration's update.` : run.status.state === 'diverged' ? `The run ${run.status.message}, before any finite cost was recorded.` : 'No cost recorded yet.',
    table: { columns: ['iteration', 'cost'], rows: lines.map(({ iteration, cost }) => [iteration, cost.toFixed(6)]) },
  };
}

const matrixShape = (rows: number, cols: number) => `${rows} × ${cols}`;

function parametersView(run: RunSnapshot, o: FigureOptions): Omit<FigureView, 'complete' | 'check'> {
  const at = o.at ?? 'initial';
  const p = run.result?.[at === 'initial' ? 'initial' : 'final'];
  const title = `Parameters ${at === 'initial' ? 'before training' : 'after training'}: ${run.label}`;
  if (!p) return pending(title);
  const blocks: string[] = [];
  const rows: (string | number)[][] = [];
  for (let l = 1; l < p.layers.length; l++) {
    const [n, nPrev] = [p.layers[l], p.layers[l - 1]];
    const W = p.W[l];
    const wTable = { columns: ['', ...Array.from({ length: nPrev }, (_, k) => `column ${k + 1}`)], rows: Array.from({ length: n }, (_, i) => [`row ${i + 1}`, ...W.slice(i * nPrev, (i + 1) * nPrev).map((v) => fmt(v, 8))]) };
    const bTable = { columns: ['', 'b'], rows: p.b[l].map((v, i) => [`row ${i + 1}`, fmt(v, 8)]) };
    blocks.push(`<div class="figure-matrices">${tableHtml(wTable, { caption: `W[${l}] (${matrixShape(n, nPrev)})`, className: 'matrix', rowHeaders: true })}${tableHtml(bTable, { caption: `b[${l}] (${matrixShape(n, 1)})`, className: 'matrix', rowHeaders: true })}</div>`);
    W.forEach((v, i) => rows.push([`W[${l}]`, Math.floor(i / nPrev) + 1, (i % nPrev) + 1, fmt(v, 8)]));
    p.b[l].forEach((v, i) => rows.push([`b[${l}]`, i + 1, 1, fmt(v, 8)]));
  }
  const all = p.W.flat();
  const largest = all.length ? Math.max(...all.map(Math.abs)) : 0;
  return {
    title,
    html: blocks.join(''),
    caption: largest === 0 ? 'Every weight and bias is exactly 0.' : `Largest weight magnitude ${fmt(largest, 4)}; biases ${p.b.flat().every((v) => v === 0) ? 'all 0' : 'not all 0'}.`,
    table: { columns: ['parameter', 'row', 'column', 'value'], rows },
  };
}

function metricsView(run: RunSnapshot): Omit<FigureView, 'complete' | 'check'> {
  const title = `Accuracy and F1 on the training data: ${run.label}`;
  if (!run.result) return pending(title);
  const r = run.result.report;
  const [[tn, fp], [fn, tp]] = r.confusion;
  const confusion = { columns: ['', 'predicted 0', 'predicted 1'], rows: [['actual 0', tn, fp], ['actual 1', fn, tp]] };
  // A 0/0 is shown as what it is, beside the 0 that scikit-learn (and metrics.ts) report; the caption says why.
  const ratio = (value: number, zeroOverZero: string | false) => ({
    short: `${value.toFixed(4)}${zeroOverZero ? ' (0/0)' : ''}`,
    long: `${value.toFixed(4)}${zeroOverZero ? ` (undefined, ${zeroOverZero}; counted as 0)` : ''}`,
  });
  const precision = ratio(r.precision, tp + fp === 0 && 'no point predicted 1');
  const recall = ratio(r.recall, tp + fn === 0 && 'no point is 1');
  const html = listHtml([['Accuracy', String(r.accuracy)], ['Precision (class 1)', precision.short], ['Recall (class 1)', recall.short], ['F1 (class 1)', r.f1.toFixed(4)]])
    + tableHtml(confusion, { caption: 'Confusion matrix (rows actual, columns predicted)', className: 'confusion', rowHeaders: true });
  return {
    title, html,
    caption: `Accuracy ${r.accuracy}, F1 for class 1 ${r.f1.toFixed(4)} (precision ${precision.long}, recall ${recall.long}); ${tp + tn} of ${tp + tn + fp + fn} points classified correctly.`,
    table: confusion,
  };
}

function scatterView(runs: readonly RunSnapshot[], data: Dataset, o: FigureOptions, summary: boolean): Omit<FigureView, 'complete' | 'check'> {
  const panels = [
    { title: 'Actual data', labels: data.Y },
    ...runs.map((r) => ({ title: summary ? r.label : `Predicted: ${r.label}`, subtitle: `accuracy ${accuracyText(r)}`, labels: r.result?.predictions ?? new Uint8Array(data.m).fill(0) })),
  ];
  const chartData = { X: data.X, m: data.m, panels };
  const title = o.title ?? (summary ? 'Actual classes and the predictions of each initialization' : `Actual classes and predictions: ${runs[0].label}`);
  return { title, plot: scatter(chartData, { ariaLabel: title, ...(o.width ? { width: o.width } : {}) }), caption: scatterCaption(chartData), table: scatterTable(chartData) };
}

function summaryTableView(runs: readonly RunSnapshot[]): Omit<FigureView, 'complete' | 'check'> {
  const table = {
    columns: ['Model', 'Train accuracy', 'Problem / comment'],
    rows: runs.map((r) => [`${r.config.layers.join('/')} network, ${r.label}`, accuracyText(r), r.comment ?? '']),
  };
  return {
    title: 'Summary of the experiments',
    html: tableHtml(table, { className: 'summary-table', rowHeaders: true }),
    caption: runs.map((r) => `${r.label}: train accuracy ${accuracyText(r)}`).join('; ') + '.',
    table,
  };
}

/**
 * The view of figure `kind` for `runs` (in the order the author listed them) on `data`.
 * @throws RangeError for an unknown kind or a kind given the wrong number of runs.
 */
export function figureView(kind: FigureKind, runs: readonly RunSnapshot[], data: Dataset, options: FigureOptions = {}): FigureView {
  if (runs.length === 0) throw new RangeError(`figure "${kind}" needs at least one experiment`);
  const views: Record<FigureKind, () => Omit<FigureView, 'complete' | 'check'>> = {
    'cost-curve': () => costView(runs, options),
    'training-log': () => logView(runs[0], options),
    parameters: () => parametersView(runs[0], options),
    scatter: () => scatterView(runs.slice(0, 1), data, options, false),
    metrics: () => metricsView(runs[0]),
    'summary-figure': () => scatterView(runs, data, options, true),
    'summary-table': () => summaryTableView(runs),
  };
  if (!Object.hasOwn(views, kind)) throw new RangeError(`unknown figure kind "${kind}"`);
  const view = views[kind]();
  return { ...view, complete: runs.every((r) => r.result !== undefined), check: check(runs) };
}

/** One line on where the numbers come from and how far the live run is. */
export function statusText(runs: readonly RunSnapshot[], live: boolean): string {
  if (!live) return 'Computed when the site was built.';
  const parts = runs.map((r) => {
    if (r.status.state === 'idle') return `${r.label}: waiting`;
    if (r.status.state === 'running') return `${r.label}: training, iteration ${fmtInt(r.iteration)} of ${fmtInt(r.config.iterations)}`;
    return `${r.label}: ${r.status.message}`;
  });
  return parts.join(' · ');
}

/** The status line as built: what a reader without JavaScript keeps (and a page with no experiment figure). */
export const PAGE_STATUS_BUILT = 'Every figure here shows numbers computed when the site was built. With JavaScript, your browser recomputes them as you read.';

/**
 * Every text the status line takes while the numbers match the build, at two-digit counts: laid out
 * unseen in the line's own box, they keep its height as its text changes, so the page below never moves.
 */
export function pageStatusRoom(): string[] {
  return [PAGE_STATUS_BUILT, pageStatusText(88, 0, 0, 0), pageStatusText(88, 88, 87, 0), pageStatusText(88, 88, 88, 0)];
}

/**
 * The page's one status line (<page-status>) for `total` experiment figures: `started` of them
 * started, `done` recomputed and `differ` differing from the build.
 */
export function pageStatusText(total: number, started: number, done: number, differ: number): string {
  const noun = (n: number) => `${fmtInt(n)} experiment figure${n === 1 ? '' : 's'}`;
  const mismatch = differ > 0 ? ` ${fmtInt(differ)} differ from the build and say how.` : '';
  if (done === total) return `Your browser recomputed all ${noun(total)} on this page: ${differ === 0 ? 'the numbers match the build.' : mismatch.trim()}`;
  if (started === 0) return `The figures show the numbers computed when the site was built; your browser recomputes the ${noun(total)} as you scroll to them.`;
  return `Recomputing in your browser as you read: ${fmtInt(done)} of ${noun(total)} done${differ === 0 ? ', matching the build so far.' : '.'}${mismatch}`;
}

export { escape };
