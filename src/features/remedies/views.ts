/**
 * Views of the "Remedies side by side" figures: runs of the same deep network with different remedies
 * → one per-layer ‖dW[l]‖ chart per variant (log scale, vanishing and exploding ranges shaded), the cost
 * curves together, and a summary table (iterations to a cost threshold, divergence, fraction of steps
 * clipped, how far apart the layers' gradients are). Pure functions, so a build-time prerender and a live
 * island draw with the same code.
 */
import {
  cell, costCurve, costCurveCaption, costCurveTable, fmtInt, gradientFlow, gradientFlowCaption, gradientFlowTable,
  seriesColor, type ChartTable, type CostCurveData, type GradientFlowData,
} from '../../charts/browser.ts';
import { createRemediesTrainer, stepRemedies, type Dataset, type RemediesConfig, type RemediesHistory, type TrainStatus } from '../../engine/index.ts';
import { EXPLODING_ABOVE, VANISHING_BELOW, type ChartView } from '../../kit/chart-view.ts';
import {
  firstOverLast, iterationsTo, layerSpread, REMEDY_VARIANTS, VARIANT_LABELS, variantConfig,
  type RemediesSettings, type RemedyVariant,
} from './settings.ts';

/** The cost the table counts iterations to: below it the flower's petals are mostly separated. */
export const COST_THRESHOLD = 0.5;

/** One variant's run at a moment. */
export interface VariantRun {
  readonly variant: RemedyVariant;
  readonly config: RemediesConfig;
  readonly status: TrainStatus | { readonly state: 'idle'; readonly message: string };
  readonly iteration: number;
  readonly history: RemediesHistory;
  /** Updates whose gradient was clipped so far. */
  readonly clippedSteps: number;
}

/** The variants side by side, in the reader's order. */
export interface RemediesSnapshot {
  readonly settings: RemediesSettings;
  readonly runs: readonly VariantRun[];
}

/** Every figure and the status line. */
export interface RemediesViews {
  /** ‖dW[l]‖ per layer, one chart per variant, in the order of `runs`. */
  readonly gradients: readonly ChartView[];
  readonly costs: ChartView;
  readonly summary: { readonly title: string; readonly caption: string; readonly table: ChartTable };
  readonly status: string;
}

const empty: ChartTable = { columns: [], rows: [] };
const colorOf = (variant: RemedyVariant) => seriesColor(REMEDY_VARIANTS.indexOf(variant));
const divergedAt = (r: VariantRun) => (r.status.state === 'diverged' ? r.status.iteration : null);

/** Layers named in a deep network's legend: the first, a middle one and the last. */
export function legendLayers(L: number): number[] {
  return L <= 6 ? Array.from({ length: L }, (_, l) => l + 1) : [1, Math.round((L + 1) / 2), L];
}

/** Variant `r`'s ‖dW[l]‖ chart, `width` px wide (default the builder's). */
export function gradientsView(r: VariantRun, width?: number): ChartView {
  const L = r.config.layers.length - 1;
  const title = `${VARIANT_LABELS[r.variant]}: ‖dW[l]‖ of each of the ${L} layers`;
  const data: GradientFlowData = { iterations: r.history.iterations, norms: r.history.gradientNorms, vanishingBelow: VANISHING_BELOW, explodingAbove: EXPLODING_ABOVE };
  if (r.history.iterations.length === 0) {
    return { title, caption: r.status.state === 'diverged' ? `This run ${r.status.message}, before its first record.` : 'No gradient recorded yet.', table: empty };
  }
  return {
    title,
    plot: gradientFlow(data, { totalIterations: r.config.iterations, ariaLabel: title, legendLayers: legendLayers(L), height: 280, ...(width ? { width } : {}) }),
    caption: `${gradientFlowCaption(data)} Colours run from layer 1 (first) to layer ${L} (output).`,
    table: gradientFlowTable(data),
  };
}

/** The cost curves of every variant, `width` px wide (default the builder's). */
export function costsView(s: RemediesSnapshot, width?: number): ChartView {
  const title = 'Mini-batch cost of each variant';
  const data: CostCurveData = {
    totalIterations: s.settings.iterations,
    series: s.runs.map((r) => ({
      id: r.variant, label: VARIANT_LABELS[r.variant], iterations: r.history.iterations, costs: r.history.costs,
      divergedAt: divergedAt(r), color: colorOf(r.variant),
    })),
  };
  if (s.runs.every((r) => r.history.iterations.length === 0)) return { title, caption: costCurveCaption(data), table: empty };
  return {
    title,
    plot: costCurve(data, { threshold: COST_THRESHOLD, ariaLabel: title, ...(width ? { width } : {}) }),
    caption: `${costCurveCaption(data)} Each point is the cost of that iteration's mini-batch of ${s.settings.batchSize}, before the update.`,
    table: costCurveTable(data),
  };
}

/** The summary: one row per variant. */
export function summaryTable(s: RemediesSnapshot): ChartTable {
  const rows = s.runs.map((r) => {
    const ratio = firstOverLast(r.history).at(-1);
    const spread = layerSpread(r.history).filter(Number.isFinite);
    const reached = iterationsTo(r.history, COST_THRESHOLD);
    const at = divergedAt(r);
    return [
      VARIANT_LABELS[r.variant],
      reached === null ? 'not reached' : reached,
      at === null ? 'no' : `at iteration ${fmtInt(at)}`,
      r.iteration === 0 ? '—' : (100 * r.clippedSteps) / r.iteration,
      cell(ratio),
      spread.length === 0 ? '—' : cell(Math.max(...spread)),
    ];
  });
  return {
    columns: ['variant', `iterations to cost ≤ ${COST_THRESHOLD}`, 'diverged', 'steps clipped (%)', '‖dW[1]‖ / ‖dW[L]‖ (last record)', 'largest ‖dW‖ spread across layers'],
    rows,
    note: 'Spread: the largest ratio, over the records, between the biggest and the smallest ‖dW[l]‖ of one record; 100 means every layer within two orders of magnitude.',
  };
}

/** One line: the iteration the variants are at, and which ended how. */
export function remediesStatus(s: RemediesSnapshot): string {
  if (s.runs.length === 0) return 'No variant chosen.';
  const ended = s.runs.filter((r) => r.status.state === 'diverged').map((r) => `${VARIANT_LABELS[r.variant]} ${r.status.message}`);
  const iteration = Math.max(...s.runs.map((r) => r.iteration));
  const head = s.runs.every((r) => r.status.state === 'idle') ? 'Not started'
    : s.runs.some((r) => r.status.state === 'running') ? `Iteration ${fmtInt(iteration)} of ${fmtInt(s.settings.iterations)}`
      : `Done: ${fmtInt(s.settings.iterations)} iterations`;
  return [head, ...ended].join(' · ');
}

/** The summary table with its title and caption. */
export function summaryView(s: RemediesSnapshot): RemediesViews['summary'] {
  const caption = s.runs.map((r) => `${VARIANT_LABELS[r.variant]}: ${r.status.state === 'diverged' ? r.status.message : `${fmtInt(r.iteration)} iterations`}`).join('; ');
  return { title: 'What each variant did', caption: `${caption}.`, table: summaryTable(s) };
}

/** Every view of snapshot `s`, its charts drawn `width` CSS px wide (their default when undefined). */
export function remediesViews(s: RemediesSnapshot, width?: number): RemediesViews {
  return { gradients: s.runs.map((r) => gradientsView(r, width)), costs: costsView(s, width), summary: summaryView(s), status: remediesStatus(s) };
}

/** Trains every variant of `settings` in lockstep, one iteration each in turn, to the end (build time, bench). */
export function buildRemediesSnapshot(settings: RemediesSettings, data: Dataset): RemediesSnapshot {
  const trainers = settings.variants.map((v) => ({ variant: v, t: createRemediesTrainer(data, variantConfig(settings, v)) }));
  for (let i = 0; i < settings.iterations; i++) for (const { t } of trainers) stepRemedies(t, 1);
  return {
    settings,
    runs: trainers.map(({ variant, t }) => ({ variant, config: t.config, status: t.status, iteration: t.iteration, history: t.history, clippedSteps: t.clippedSteps })),
  };
}
