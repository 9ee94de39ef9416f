/**
 * Every Save bar's Python export, run with python3 and compared with the engine: each figure of
 * both lessons, each explorer at the state the page starts in and at one other state, and a
 * diverging run. 1e-9 for every run but normal × 10, which follows the parity rule (fixtures/parity.ts).
 * Each python runs a batch of scripts (run_many.py), training each distinct run once: 96 → 29 s of python.
 */
import { describe, expect, it } from 'vitest';
import { activationScript, comparisonScript, deepLinearScript, gradientFlowScript, remediesScript, symmetryScript } from '../../src/python/figures.ts';
import { DEFAULT_REMEDIES_SETTINGS, variantConfig } from '../../src/features/remedies/settings.ts';
import type { PythonFigure } from '../../src/python/script.ts';
import { compare, engineOutput, type ScriptOutput } from './support/engine.ts';
import { comparisonDefaults, FLOW_CHARTS, LESSONS, lessonExports, type ExportedFigure } from './support/lessons.ts';
import { limit, runPython, runPythonMany, scratchDir, writeScript, type ScriptResult } from './support/run.ts';

/** One state other than the page's start per explorer (the lessons' own instances are covered too). */
const OTHER_STATES: ExportedFigure[] = [
  // The guide shows <ActivationExplorer> (no lesson does): its example, and every other activation.
  { id: 'guide <ActivationExplorer> sigmoid ±6', figure: activationScript({ activation: 'sigmoid', range: 6 }, 'guide') },
  ...(['tanh', 'relu', 'leaky-relu', 'linear'] as const).map((activation) => ({
    id: `<ActivationExplorer> ${activation} ±2.5`, figure: activationScript({ activation, range: 2.5 }),
  })),
  { id: 'DeepLinearExplorer a=0.8 L=30', figure: deepLinearScript(0.8, 30) },
  { id: 'SymmetryMeter constant c=-0.7, 6 units', figure: symmetryScript({ init: 'constant', value: -0.7, width: 6, seed: 42 }, 1000) },
  ...['cost', 'summary'].map((chart) => ({
    id: `InitComparison relu, lr 1.2 (diverges) ${chart}`,
    figure: comparisonScript(chart, { ...comparisonDefaults({}), schemes: ['lecun', 'he'], hidden: 'relu', width: 8, learningRate: 1.2, iterations: 1000, threshold: 0.3, yScale: 'log' }),
  })),
  ...FLOW_CHARTS.map((chart) => ({
    id: `GradientFlow 4 × 8 sigmoid glorot ${chart}`,
    figure: gradientFlowScript(chart, { depth: 4, width: 8, hidden: 'sigmoid', init: 'glorot', scale: 1, learningRate: 0.5, iterations: 500, seed: 7 }),
  })),
];

const figures: ExportedFigure[] = [...(await Promise.all(LESSONS.map(lessonExports))).flat(), ...OTHER_STATES];
const dir = scratchDir();
const paths = new Map(figures.map((f, i) => [f.id, writeScript(dir, f.figure, `${i}-${f.figure.name}`)]));
// One python per lesson, whose figures share their runs (run_many.py trains each once), and one for the
// other states; two at a time, as the machine has two cores. The main lesson, the longest, starts first.
const batchOf = (id: string): string => LESSONS.find((slug) => id.startsWith(`${slug}:`)) ?? 'other states';
let batches: Map<string, Promise<Map<string, ScriptResult>>> | undefined;

/**
 * Figure `id`'s script output, from its batch's python. The first call starts every batch: vitest runs only a
 * few concurrent tests at a time, and those alone would leave the second core idle.
 */
async function output(id: string): Promise<ScriptResult> {
  if (!batches) {
    const run = limit(2);
    batches = new Map([...new Set(figures.map((f) => batchOf(f.id)))].map((batch) => {
      const inBatch = figures.filter((f) => batchOf(f.id) === batch).map((f) => paths.get(f.id)!);
      return [batch, run(() => runPythonMany(inBatch, dir))];
    }));
  }
  return (await batches.get(batchOf(id))!).get(paths.get(id)!)!;
}

async function checked(id: string, figure: PythonFigure): Promise<ScriptOutput> {
  const result = await output(id);
  expect(result.code, result.stderr).toBe(0);
  const json = JSON.parse(result.stdout) as ScriptOutput;
  expect(compare(figure, json, engineOutput(figure))).toEqual([]);
  return json;
}

// Ceilings against hangs, not budgets: about 30 s of python for the whole file on an idle 2-core machine.
const TIMEOUT = 1_800_000;

describe('exported scripts reproduce the engine', () => {
  it('covers every figure and explorer of both lessons', () => {
    const names = figures.map((f) => f.id.replace(/^[^<]*<|>.*$/g, ''));
    for (const component of ['ActivationExplorer', 'CostCurve', 'TrainingLog', 'Parameters', 'PredictionScatter', 'Metrics', 'SummaryFigure', 'SummaryTable', 'DeepLinearExplorer', 'SymmetryMeter', 'InitComparison', 'GradientFlow']) {
      expect(names, component).toContain(component);
    }
  });

  for (const { id, figure } of figures) {
    it.concurrent(id, async () => {
      await checked(id, figure);
    }, TIMEOUT);
  }

  it.concurrent('a script whose runs its batch trained before prints what it prints on its own', async () => {
    // The main lesson's LeCun metrics come after its cost curve and training log, which trained the same run.
    const { id } = figures.find((f) => f.id.startsWith('vanishing-exploding-gradients:') && f.figure.name === 'metrics-lecun')!;
    const alone = await runPython([paths.get(id)!, '--json'], dir);
    expect(alone.code, alone.stderr).toBe(0);
    expect((await output(id)).stdout).toBe(alone.stdout);
  }, TIMEOUT);

  it.concurrent('a diverging run reports divergence at the engine\'s iteration', async () => {
    const { id, figure } = OTHER_STATES.find((f) => f.id.includes('diverges'))!;
    const out = await checked(id, figure);
    const engine = engineOutput(figure);
    const diverged = engine.runs.filter((r) => r.diverged_at !== null);
    expect(diverged.length).toBeGreaterThan(0);
    for (const r of diverged) {
      const script = out.runs.find((p) => p.label === r.label)!;
      expect(script.status).toBe(`diverged at iteration ${r.diverged_at}`);
      expect(script.diverged_at).toBe(r.diverged_at);
    }
  }, TIMEOUT);

  it.concurrent('the He lesson\'s large-weights run diverges at the same iteration in the script', async () => {
    const large = figures.find((f) => f.id.startsWith('he-initialization') && f.figure.name === 'training-log-large')!;
    const out = await checked(large.id, large.figure);
    expect(out.runs[0].status).toMatch(/^diverged at iteration \d+$/);
    expect(out.runs[0].status).toBe(engineOutput(large.figure).runs[0].status);
  }, TIMEOUT);
});

// The remedies explorer's scripts run in template-remedies.test.ts; here, what each of its Save bars asks for.
describe('remediesScript', () => {
  const s = DEFAULT_REMEDIES_SETTINGS;

  it('runs every chosen variant with exactly the page\'s config, and draws what the figure shows', () => {
    const costs = remediesScript('costs', s, 'here');
    expect(costs.remedies!.variants.map((v) => v.config)).toEqual(s.variants.map((v) => variantConfig(s, v)));
    expect([costs.plot, costs.source, costs.remedies!.threshold]).toEqual(['cost', 'here', 0.5]);
    expect(remediesScript('summary', s).plot).toBeNull();
    const g = remediesScript('gradients-3', s);
    expect([g.plot, g.title, g.remedies!.drawn!.index]).toEqual(['gradients', 'batch-normalized: ‖dW[l]‖ of each of the 31 layers', 3]);
  });

  it('refuses a slot without a variant and an unknown figure', () => {
    expect(() => remediesScript('gradients-4', s)).toThrow(/gradients-0 to gradients-3/);
    expect(() => remediesScript('maps', s)).toThrow(/no remedies figure "maps"/);
  });
});
