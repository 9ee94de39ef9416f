/**
 * Prop schemas of every public component, keyed by name: checked by the components at render and by
 * the remark plugin at compile time (with the lesson file and line). An explorer's schema lives in
 * its feature folder (features/<name>/schema.ts); this table lists it once.
 */
import { z } from 'astro/zod';
import { activationSettings } from '../features/activation/schema.ts';
import { deepLinearSettings } from '../features/deep-linear/schema.ts';
import { flowSettings } from '../features/gradient-flow/schema.ts';
import { comparisonSettings } from '../features/init-comparison/schema.ts';
import { remediesSettings } from '../features/remedies/schema.ts';
import { symmetrySettings } from '../features/symmetry/schema.ts';
import { EXPLORER_SCHEMES as trainedSchemes } from '../kit/labels.ts';
import { base, choice, experimentId, experimentList, integer, number, parseWith, propSchema, text } from '../kit/props.ts';

/** What <RunValue> can print: final or recorded cost, final accuracy or F1, the divergence iteration, ‖dW[l]‖. */
export const RUN_VALUES = ['cost', 'accuracy', 'f1', 'divergedAt', 'gradientNorm'] as const;

/** Schemas of every public component, keyed by component name. */
export const componentSchemas = {
  CostCurve: z.object({ ...base, experiment: experimentId.optional(), experiments: experimentList.optional(), yScale: choice(['linear', 'log']).default('linear'), title: text().optional(), threshold: number('a number > 0', (n) => n > 0).optional() }).strict(),
  TrainingLog: z.object({ ...base, experiment: experimentId, every: integer(1, 1_000_000).default(1000) }).strict(),
  Parameters: z.object({ ...base, experiment: experimentId, at: choice(['initial', 'final']).default('initial') }).strict(),
  PredictionScatter: z.object({ ...base, experiment: experimentId, title: text().optional() }).strict(),
  Metrics: z.object({ ...base, experiment: experimentId }).strict(),
  SummaryFigure: z.object({ ...base, experiments: experimentList, title: text().optional() }).strict(),
  SummaryTable: z.object({ ...base, experiments: experimentList }).strict(),
  EngineCode: z.object({ ...base, symbol: z.string({ error: () => 'the name of a function exported by src/engine' }).regex(/^[A-Za-z_$][\w$]*$/, { error: () => 'the name of a function exported by src/engine' }), title: text().optional() }).strict(),
  DeepNetworkDiagram: z.object({ ...base, title: text().optional() }).strict(),
  NeuronDiagram: z.object({ ...base, inputs: integer(2, 8).default(4), title: text().optional() }).strict(),
  Aside: z.object({ ...base, type: choice(['note', 'tip', 'caution', 'correction']).default('note'), title: text().optional() }).strict(),
  DeepLinearExplorer: propSchema(deepLinearSettings),
  InitComparison: propSchema(comparisonSettings, { id: experimentId.optional() }),
  GradientFlow: propSchema(flowSettings),
  RemediesExplorer: propSchema(remediesSettings, {
    urlKey: z.string({ error: () => 'lowercase letters, digits and dashes (unique on the page)' }).regex(/^[a-z][a-z0-9-]{0,29}$/, { error: () => 'lowercase letters, digits and dashes (unique on the page)' }).default('remedies'),
  }),
  SymmetryMeter: propSchema(symmetrySettings),
  // A number one run produced, written into the prose at build time (see run-value.ts).
  RunValue: z.object({
    ...base, __comparison: z.string().optional(), experiment: experimentId.optional(), comparison: experimentId.optional(), scheme: choice(trainedSchemes).optional(),
    value: choice(RUN_VALUES), at: integer(0, 1_000_000).optional(), layer: integer(1, 64).optional(), digits: integer(0, 12).optional(),
    percent: z.boolean({ error: () => 'true or false (write percent, or leave it out)' }).default(false),
  }).strict().superRefine((p, ctx) => {
    const fail = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if ((p.experiment === undefined) === (p.comparison === undefined)) fail('experiment', 'given, or else comparison (exactly one of the two)');
    else if (p.comparison !== undefined && p.scheme === undefined) fail('scheme', `one of ${trainedSchemes.join(', ')} (which run of the comparison)`);
    else if (p.experiment !== undefined && p.scheme !== undefined) fail('scheme', 'left out with experiment (it picks a run of a comparison)');
    if (p.value === 'gradientNorm' && p.layer === undefined) fail('layer', 'the layer l of ‖dW[l]‖, an integer from 1 to L');
    if (p.value !== 'gradientNorm' && p.layer !== undefined) fail('layer', 'left out unless value="gradientNorm"');
    if ((p.value === 'divergedAt' || p.value === 'accuracy' || p.value === 'f1') && p.at !== undefined) fail('at', `left out with value="${p.value}" (it is the run's final value)`);
  }),
  ActivationExplorer: propSchema(activationSettings),
} as const;

/** Names of the public components whose props are checked. */
export type ComponentName = keyof typeof componentSchemas | 'Experiment';

/** The public components (what the remark plugin looks for in MDX). */
export const componentNames = [...Object.keys(componentSchemas), 'Experiment'] as ComponentName[];

/**
 * Validates the props of `component` and returns them with defaults and numbers parsed.
 * @throws PropError for the first bad prop.
 */
export function parseProps<N extends keyof typeof componentSchemas>(component: N, props: Record<string, unknown>): z.output<(typeof componentSchemas)[N]> {
  return parseWith(component, componentSchemas[component], props) as z.output<(typeof componentSchemas)[N]>;
}
