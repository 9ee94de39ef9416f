/**
 * Every figure's script, from what the figure already knows: a lesson figure's kind, experiments
 * and options; an explorer's current settings (the remedies explorer's variants included). Each returns the `PythonFigure` that `pythonScript`
 * writes, so the page's "Python" buttons, the CLI and the tests export the same scripts.
 */
import type { ExperimentDecl } from '../run/experiment.ts';
import { getActivation } from '../engine/activations.ts';
import type { TrainConfig } from '../engine/train.ts';
import type { ActivationValues } from '../features/activation/schema.ts';
import { POINTS } from '../features/activation/views.ts';
import { flowConfig, histogramBins, varianceSeeds, type FlowChart, type FlowSettings } from '../features/gradient-flow/views.ts';
import { schemeConfig, schemeLabel, type ComparisonSettings } from '../features/init-comparison/views.ts';
import { symmetryConfig, type SymmetrySettings } from '../features/symmetry/views.ts';
import type { FigureKind, FigureOptions } from '../features/lesson/views.ts';
import { VARIANT_LABELS, variantConfig, type RemediesSettings } from '../features/remedies/settings.ts';
import { COST_THRESHOLD, legendLayers } from '../features/remedies/views.ts';
import { EXPLODING_ABOVE, VANISHING_BELOW } from '../kit/chart-view.ts';
import type { PythonFigure, PythonPlot, PythonShow } from './script.ts';

/** What each lesson figure kind draws (null: a table or text figure). */
const LESSON_PLOTS: Record<FigureKind, PythonPlot> = {
  'cost-curve': 'cost', 'training-log': null, parameters: null, scatter: 'boundaries', metrics: null,
  'summary-figure': 'boundaries', 'summary-table': null,
};

/**
 * The script of a lesson figure (<CostCurve>, <TrainingLog>, …) showing experiments `decls`.
 * `source` names the page and section, for the script's header.
 */
export function lessonFigureScript(kind: FigureKind, decls: readonly ExperimentDecl[], options: FigureOptions, title: string, source?: string): PythonFigure {
  const at = kind === 'parameters' ? options.at ?? 'initial' : undefined;
  const show: PythonShow[] = at === 'initial' ? ['initial'] : at === 'final' ? ['final', 'log', 'report'] : ['log', 'report'];
  return {
    name: `${kind}-${decls.map((d) => d.id).join('-')}${at ? `-${at}` : ''}`,
    title, source, plot: LESSON_PLOTS[kind], show,
    runs: decls.map((d) => ({ label: d.label, config: d.config })),
    logEvery: kind === 'training-log' ? options.every : undefined,
    threshold: kind === 'cost-curve' ? options.threshold : undefined,
    yScale: kind === 'cost-curve' ? options.yScale : undefined,
    actualPanel: LESSON_PLOTS[kind] === 'boundaries',
  };
}

/** The script of the <ActivationExplorer> at settings `v`: g and g′ at the chart's POINTS z. */
export function activationScript(v: ActivationValues, source?: string): PythonFigure {
  return {
    name: 'activation-chart', title: `${getActivation(v.activation).label} and its slope, z from -${v.range} to ${v.range}`, source, plot: 'activation', show: [],
    runs: [], activation: { name: v.activation, range: v.range, points: POINTS },
  };
}

/** The script of the <DeepLinearExplorer> at factor `a` and depth L. */
export function deepLinearScript(a: number, depth: number, source?: string): PythonFigure {
  return {
    name: 'deep-linear-chart', title: `Norms through ${depth} layers with W[l] = ${a}·I`, source, plot: 'deep-linear', show: [],
    runs: [], deepLinear: { a, depth },
  };
}

/** The script of the <SymmetryMeter> at settings `s`, trained for `iterations`. */
export function symmetryScript(s: SymmetrySettings, iterations: number, source?: string): PythonFigure {
  const config: TrainConfig = symmetryConfig(s, iterations);
  return {
    name: 'symmetry-chart', title: `How different do ${s.width} tanh hidden units become? (${s.init} init)`, source,
    plot: 'symmetry', show: ['final', 'log', 'report', 'symmetry'], runs: [{ label: `${s.init} init`, config }],
  };
}

/** The script of one chart of <InitComparison> ("cost", "maps" or "summary") at settings `s`. */
export function comparisonScript(chart: string, s: ComparisonSettings, source?: string): PythonFigure {
  const plot: PythonPlot = chart === 'cost' ? 'cost' : chart === 'maps' ? 'boundaries' : null;
  return {
    name: `init-comparison-${chart}`, title: chart === 'cost' ? 'Cost of each initialization during training' : chart === 'maps' ? 'Decision boundary of each initialization' : 'Summary of the initialization schemes',
    source, plot, show: ['log', 'report'], threshold: s.threshold, yScale: chart === 'cost' ? s.yScale : undefined,
    runs: s.schemes.map((scheme) => ({ label: schemeLabel(scheme, s.scale), config: schemeConfig(s, scheme) })),
  };
}

const FLOW_TITLES: Record<FlowChart, string> = {
  gradients: 'Gradient norm ‖dW[l]‖ of each layer during training',
  histograms: 'Activations a[l] of each hidden layer in the latest forward pass',
  network: 'Var(z[l]) of the hidden layers at initialization: this network and the variance rule',
  average: 'Var(z[l]) of the hidden layers at initialization: average of 16 draws and the variance rule',
};

/** The script of one chart of <GradientFlow> at settings `s`. */
export function gradientFlowScript(chart: FlowChart, s: FlowSettings, source?: string): PythonFigure {
  const config = flowConfig(s);
  const plot: PythonPlot = chart === 'gradients' ? 'gradients' : chart === 'histograms' ? 'histograms' : 'variance';
  return {
    name: `gradient-flow-${chart}`, title: FLOW_TITLES[chart], source, plot, show: ['gradients', 'log', 'report'],
    runs: [{ label: `${s.depth} hidden layers of ${s.width} ${s.hidden} units, ${s.init} init`, config }],
    histogram: chart === 'histograms' ? histogramBins(s.hidden) : undefined,
    variance: chart === 'network' ? [s.seed] : chart === 'average' ? varianceSeeds(s.seed) : undefined,
  };
}

/**
 * The script of one figure of <RemediesExplorer> at settings `s`: "gradients-k" (the k-th chosen variant's
 * ‖dW[l]‖), "costs" or "summary" (a table). Every chosen variant runs, with exactly the page's configs.
 * @throws RangeError for another figure name or a "gradients-k" slot with no variant.
 */
export function remediesScript(figure: string, s: RemediesSettings, source?: string): PythonFigure {
  const variants = s.variants.map((v) => ({ label: VARIANT_LABELS[v], config: variantConfig(s, v) }));
  const remedies = { variants, threshold: COST_THRESHOLD };
  const base = { name: `remedies-${figure}`, source, show: [], runs: [] };
  if (figure === 'costs') return { ...base, title: 'Mini-batch cost of each variant', plot: 'cost', remedies };
  if (figure === 'summary') return { ...base, title: 'What each variant did', plot: null, remedies };
  const k = /^gradients-(\d+)$/.exec(figure);
  const index = k ? Number(k[1]) : -1;
  if (!k || index >= variants.length) throw new RangeError(`no remedies figure "${figure}" with ${variants.length} variants; allowed: gradients-0 to gradients-${variants.length - 1}, costs, summary`);
  const L = variants[index].config.layers.length - 1;
  return {
    ...base, title: `${VARIANT_LABELS[s.variants[index]]}: ‖dW[l]‖ of each of the ${L} layers`, plot: 'gradients',
    remedies: { ...remedies, drawn: { index, legendLayers: legendLayers(L), vanishingBelow: VANISHING_BELOW, explodingAbove: EXPLODING_ABOVE } },
  };
}
