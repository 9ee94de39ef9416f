/**
 * Prop schemas of every public component, keyed by name: checked by the components at render and by
 * the remark plugin at compile time (with the lesson file and line). An explorer's schema lives in
 * its feature folder (features/<name>/schema.ts); this table lists it once.
 */
import { z } from 'astro/zod';
import { activationSettings } from '../features/activation/schema.ts';
import { EXPLORER_ACTIVATIONS, EXPLORER_SCHEMES, REMEDY_BATCH_SIZES, REMEDY_VARIANTS } from '../kit/labels.ts';
import { base, choice, experimentId, experimentList, integer, list, number, parseWith, propSchema, text } from '../kit/props.ts';

const hiddenChoices = EXPLORER_ACTIVATIONS;
const trainedSchemes = EXPLORER_SCHEMES;
const schemes = list(`a comma-separated list of ${trainedSchemes.join(', ')}`)
  .refine((xs) => xs.length >= 1 && xs.length <= 5 && new Set(xs).size === xs.length && xs.every((x) => (trainedSchemes as readonly string[]).includes(x)), {
    error: () => `a comma-separated list of ${trainedSchemes.join(', ')}, each at most once`,
  });

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
  DeepLinearExplorer: z.object({ ...base, a: number('a number from 0.3 to 1.7', (n) => n >= 0.3 && n <= 1.7).default(1.5), depth: integer(2, 50).default(10) }).strict(),
  InitComparison: z.object({
    ...base, schemes: schemes.default([...trainedSchemes]), hidden: choice(hiddenChoices).default('tanh'),
    width: integer(1, 32).default(3), learningRate: number('a number > 0 and ≤ 10', (n) => n > 0 && n <= 10).default(1.2),
    iterations: integer(100, 20_000).default(10_000), scale: number('a number from 0.001 to 100', (n) => n >= 0.001 && n <= 100).default(10),
    seed: integer(0, 0xffffffff).default(42),
    // Log by default: on a linear axis the normal × 10 start (cost 9.69) squashes the 0.2–0.7 curves flat.
    yScale: choice(['linear', 'log']).default('log'), id: experimentId.optional(),
  }).strict(),
  // Defaults keep the first run to a few seconds in a browser (600 updates of a 6 × 16 network); learning
  // rate 0.1 because at 0.5 He + ReLU, which the lesson recommends, diverges at this depth (iteration 110).
  GradientFlow: z.object({
    ...base, depth: integer(1, 10).default(6), width: integer(2, 32).default(16), hidden: choice(hiddenChoices).default('tanh'),
    init: choice(trainedSchemes).default('normal'), scale: number('a number from 0.001 to 100', (n) => n >= 0.001 && n <= 100).default(0.01),
    iterations: integer(100, 5000).default(600), learningRate: number('a number from 0.001 to 10', (n) => n >= 0.001 && n <= 10).default(0.1),
    seed: integer(0, 0xffffffff).default(42),
  }).strict(),
  RemediesExplorer: z.object({
    ...base, depth: integer(2, 50).default(30), width: integer(2, 64).default(16), hidden: choice(['tanh', 'relu']).default('tanh'),
    scale: number('a number from 0.001 to 10', (n) => n >= 0.001 && n <= 10).default(0.1),
    learningRate: number('a number from 0.0001 to 10', (n) => n >= 0.0001 && n <= 10).default(0.1),
    batchSize: number(`one of ${REMEDY_BATCH_SIZES.join(', ')}`, (n) => (REMEDY_BATCH_SIZES as readonly number[]).includes(n)).default(64),
    iterations: integer(100, 5000).default(1000), seed: integer(0, 0xffffffff).default(42),
    variants: list(`a comma-separated list of 1–4 of ${REMEDY_VARIANTS.join(', ')}`)
      .refine((v) => v.length >= 1 && v.length <= 4 && v.every((x) => (REMEDY_VARIANTS as readonly string[]).includes(x)), { error: () => `a comma-separated list of 1–4 of ${REMEDY_VARIANTS.join(', ')}` })
      .default(['plain', 'clipped', 'residual', 'batchnorm']),
    urlKey: z.string({ error: () => 'lowercase letters, digits and dashes (unique on the page)' }).regex(/^[a-z][a-z0-9-]{0,29}$/, { error: () => 'lowercase letters, digits and dashes (unique on the page)' }).default('remedies'),
  }).strict(),
  SymmetryMeter: z.object({
    ...base, init: choice(['zeros', 'constant', 'normal', 'lecun']).default('zeros'), value: number('a number from −2 to 2', (n) => Math.abs(n) <= 2).default(0.5),
    width: integer(2, 16).default(4), iterations: integer(100, 20_000).default(1000), seed: integer(0, 0xffffffff).default(42),
  }).strict(),
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
