/**
 * Every figure and explorer of the lessons, read from their MDX, with the script each Save bar
 * exports (through the same functions the islands call) at the state the page starts in.
 */
import { readFileSync } from 'node:fs';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { prepareFigure } from '../../../src/features/lesson/figure-props.ts';
import { parseProps } from '../../../src/components/props.ts';
import { parseExperiment, type ExperimentDecl } from '../../../src/run/experiment.ts';
import type { FlowChart, FlowSettings } from '../../../src/features/gradient-flow/views.ts';
import type { ComparisonSettings, Scheme } from '../../../src/features/init-comparison/views.ts';
import type { FigureKind } from '../../../src/features/lesson/views.ts';
import { comparisonScript, deepLinearScript, gradientFlowScript, lessonFigureScript, symmetryScript } from '../../../src/python/figures.ts';
import type { PythonFigure } from '../../../src/python/script.ts';

export const LESSONS = ['vanishing-exploding-gradients', 'he-initialization'] as const;

const KINDS: Record<string, FigureKind> = {
  CostCurve: 'cost-curve', TrainingLog: 'training-log', Parameters: 'parameters', PredictionScatter: 'scatter',
  Metrics: 'metrics', SummaryFigure: 'summary-figure', SummaryTable: 'summary-table',
};

/** A figure's exported script, labelled for test names. */
export interface ExportedFigure {
  readonly id: string;
  readonly figure: PythonFigure;
}

interface Jsx {
  name: string;
  props: Record<string, unknown>;
  line: number;
}

/** The MDX components of a lesson with their literal props ("{1.2}" read as a number). */
function components(slug: string): Jsx[] {
  const tree = unified().use(remarkParse).use(remarkMath).use(remarkMdx).parse(readFileSync(`content/lessons/${slug}.mdx`, 'utf8'));
  const out: Jsx[] = [];
  visit(tree, (node: any) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const props: Record<string, unknown> = {};
    for (const a of node.attributes ?? []) {
      props[a.name] = typeof a.value === 'string' ? a.value : a.value === null ? true : JSON.parse(a.value.value);
    }
    out.push({ name: node.name, props, line: node.position.start.line });
  });
  return out;
}

/** The state of <InitComparison> as the page starts: props, then the island's display defaults. */
export function comparisonDefaults(props: Record<string, unknown>): ComparisonSettings {
  const p = parseProps('InitComparison', props);
  return {
    schemes: p.schemes as Scheme[], hidden: p.hidden, width: p.width, learningRate: p.learningRate, iterations: p.iterations,
    scale: p.scale, seed: p.seed, yScale: 'linear', threshold: 0.25, speed: 3,
  };
}

/** The settings of <GradientFlow> as the page starts. */
export function flowDefaults(props: Record<string, unknown>): FlowSettings {
  const p = parseProps('GradientFlow', props);
  return { depth: p.depth, width: p.width, hidden: p.hidden, init: p.init, scale: p.scale, learningRate: p.learningRate, iterations: p.iterations, seed: p.seed };
}

export const FLOW_CHARTS: readonly FlowChart[] = ['gradients', 'histograms', 'network', 'average'];

/** Every Save bar's script on lesson `slug`, in page order. */
export async function lessonExports(slug: string): Promise<ExportedFigure[]> {
  const all = components(slug);
  const decls: ExperimentDecl[] = all.filter((c) => c.name === 'Experiment').map((c) => parseExperiment(c.props));
  const out: ExportedFigure[] = [];
  for (const { name, props, line } of all) {
    const id = `${slug}:${line} <${name}>`;
    if (KINDS[name]) {
      const f = await prepareFigure(name as keyof typeof KINDS & 'CostCurve', KINDS[name], { ...props, __experiments: JSON.stringify(decls) });
      out.push({ id, figure: lessonFigureScript(f.kind, f.decls, f.options, f.view.title, slug) });
    } else if (name === 'DeepLinearExplorer') {
      const p = parseProps('DeepLinearExplorer', props);
      out.push({ id, figure: deepLinearScript(p.a, p.depth, slug) });
    } else if (name === 'SymmetryMeter') {
      const p = parseProps('SymmetryMeter', props);
      out.push({ id, figure: symmetryScript({ init: p.init, value: p.value, width: p.width, seed: p.seed }, p.iterations, slug) });
    } else if (name === 'InitComparison') {
      const s = comparisonDefaults(props);
      for (const chart of ['cost', 'maps', 'summary']) out.push({ id: `${id} ${chart}`, figure: comparisonScript(chart, s, slug) });
    } else if (name === 'GradientFlow') {
      const s = flowDefaults(props);
      for (const chart of FLOW_CHARTS) out.push({ id: `${id} ${chart}`, figure: gradientFlowScript(chart, s, slug) });
    }
  }
  return out;
}
