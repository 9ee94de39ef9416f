/**
 * What the engine computes for an exported figure, in the shape the script's `--json` prints,
 * and the comparison of the two: 1e-9 for every run except normal × 10, which follows the
 * parity tolerance rule of test/fixtures/parity.ts (its chaotic stretch moves the 5th decimal).
 */
import {
  createTrainer, deepLinearGradients, getInitializer, histogram, step, summarize, varianceAtInitialization,
  type Parameters, type TrainConfig, type Trainer, type TrainSummary,
} from '../../../src/engine/index.ts';
import { activationCurve } from '../../../src/features/activation/views.ts';
import { iterationsToReach } from '../../../src/features/init-comparison/views.ts';
import { lessonData } from '../../../src/run/memo.ts';
import type { PythonFigure } from '../../../src/python/script.ts';
import { costTolerance } from '../../fixtures/parity.ts';

type Matrix = number[][];
/** One run as the script prints it with --json (non-finite numbers as strings). */
export interface ScriptRun {
  label: string;
  status: string;
  diverged_at: number | null;
  iteration: number;
  iterations: number[];
  costs: number[];
  gradient_norms: number[][];
  symmetry: number[][];
  final_cost: number | string;
  confusion: Matrix;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  initial: Record<string, Matrix>;
  final: Record<string, Matrix>;
  reached?: number | null;
  variance?: { measured: number[]; predicted: number[] };
  histograms?: number[][];
}
export interface ScriptOutput {
  figure: string;
  runs: ScriptRun[];
  deep_linear?: Record<string, number | number[]>;
  activation?: { z: number[]; a: number[]; slope: number[] };
}

/** W1, b1, … as nested rows, the way numpy arrays print to JSON. */
function asMatrices(p: Parameters): Record<string, Matrix> {
  const out: Record<string, Matrix> = {};
  for (let l = 1; l < p.layers.length; l++) {
    const [n, nPrev] = [p.layers[l], p.layers[l - 1]];
    out[`W${l}`] = Array.from({ length: n }, (_, i) => Array.from(p.W[l].slice(i * nPrev, (i + 1) * nPrev)));
    out[`b${l}`] = Array.from(p.b[l], (v) => [v]);
  }
  return out;
}

const json = (x: number) => (Number.isFinite(x) ? x : String(x));

// Figures share runs (a lesson's experiment appears in several, with or without histograms): train each once.
// The histograms show the last training forward pass, which summarize()'s evaluation overwrites: a copy is kept.
const trained = new Map<string, { t: Trainer; s: TrainSummary; lastA: Float64Array[]; hist: Map<string, number[][] | undefined> }>();

function trainOnce(config: TrainConfig, trains: boolean, bins: PythonFigure['histogram']) {
  const key = JSON.stringify([config, trains]);
  if (!trained.has(key)) {
    const t = createTrainer(lessonData(), config);
    if (trains) while (t.status.state === 'running') step(t, config.iterations);
    const lastA = t.workspace.A.map((a) => a.slice());
    trained.set(key, { t, s: summarize(t), lastA, hist: new Map() });
  }
  const run = trained.get(key)!;
  const binsKey = JSON.stringify(bins ?? null);
  if (!run.hist.has(binsKey)) {
    const m = lessonData().m;
    run.hist.set(binsKey, bins && config.layers.slice(1).map((n, i) => histogram(run.lastA[i + 1], n * m, bins.bins, bins.lo, bins.hi).counts));
  }
  return { t: run.t, s: run.s, hist: run.hist.get(binsKey) };
}

/** The engine's numbers for figure `f`, shaped like the script's --json output. */
export function engineOutput(f: PythonFigure): ScriptOutput {
  const data = lessonData();
  const runs = f.runs.map((r): ScriptRun => {
    const trains = !(f.show.length === 1 && f.show[0] === 'initial');
    const config = trains ? r.config : { ...r.config, iterations: 1 };
    const { t, s, hist } = trainOnce(config, trains, f.histogram);
    const h = t.history;
    return {
      label: r.label, status: trains ? t.status.message : 'done: 0 iterations', diverged_at: t.status.state === 'diverged' ? t.status.iteration : null,
      iteration: t.iteration, iterations: trains ? h.iterations : [], costs: trains ? h.costs : [], gradient_norms: trains ? h.gradientNorms : [],
      symmetry: f.show.includes('symmetry') ? h.symmetry : [], final_cost: json(s.finalCost), confusion: s.report.confusion,
      accuracy: s.report.accuracy, precision: s.report.precision, recall: s.report.recall, f1: s.report.f1,
      initial: asMatrices(t.initial), final: asMatrices(t.params),
      reached: f.threshold === undefined ? undefined : iterationsToReach(h.iterations, h.costs, f.threshold),
      variance: f.variance && varianceAtInitialization(data, config.layers, config.hidden, getInitializer(config.init), config.scale, f.variance),
      histograms: hist || undefined,
    };
  });
  const out: ScriptOutput = { figure: f.name, runs };
  if (f.deepLinear) {
    const d = deepLinearGradients(f.deepLinear.a, f.deepLinear.depth, data.X, data.X, 2, data.m);
    out.deep_linear = {
      factor: d.factor, measured: d.measured, closed_form: d.closedForm, forward_measured: d.forwardMeasured,
      forward_closed_form: d.forwardClosedForm, backward_measured: d.backwardMeasured, backward_closed_form: d.backwardClosedForm,
    };
  }
  if (f.activation) {
    const c = activationCurve({ activation: f.activation.name, range: f.activation.range });
    out.activation = { z: [...c.z], a: [...c.a], slope: [...c.slope] };
  }
  return out;
}

/** normal × 10 (and larger): the runs whose chaotic stretch the parity rule allows for. */
export const isLargeInit = (f: PythonFigure, k: number): boolean => f.runs[k].config.init === 'normal' && f.runs[k].config.scale >= 5;

/** Mismatches between the script's output and the engine's, as readable lines (empty when they agree). */
export function compare(f: PythonFigure, py: ScriptOutput, engine: ScriptOutput): string[] {
  const errors: string[] = [];
  // floor 0: absolute tolerance; else relative to the larger magnitude, but never to less than `floor`.
  const near = (what: string, a: unknown, b: unknown, tol: number, floor = 0) => {
    if (typeof a === 'number' && typeof b === 'number') {
      const scale = floor ? Math.max(Math.abs(a), Math.abs(b), floor) : 1;
      if (!(Math.abs(a - b) <= tol * scale)) errors.push(`${what}: script ${b}, engine ${a}`);
    } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      a.forEach((v, i) => near(`${what}[${i}]`, v, b[i], tol, floor));
    } else if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a)) {
      for (const key of Object.keys(a)) near(`${what}.${key}`, (a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], tol, floor);
    } else if (JSON.stringify(a) !== JSON.stringify(b)) errors.push(`${what}: script ${JSON.stringify(b)?.slice(0, 80)}, engine ${JSON.stringify(a)?.slice(0, 80)}`);
  };
  engine.runs.forEach((e, k) => {
    const p = py.runs[k];
    const at = `${f.name} run ${k} (${e.label})`;
    if (!p) return void errors.push(`${at}: missing from the script's output`);
    for (const key of ['label', 'status', 'diverged_at', 'iteration', 'iterations', 'confusion', 'reached', 'histograms'] as const) near(`${at} ${key}`, e[key], p[key], 0);
    near(`${at} initial`, e.initial, p.initial, 1e-15, 1e-300);
    if (isLargeInit(f, k)) {
      // The parity rule: 1e-6, except 1e-3 while the run passes through saturation (iterations 2500–4000).
      e.costs.forEach((c, i) => near(`${at} cost at ${e.iterations[i]}`, c, p.costs[i], costTolerance(true, e.iterations[i])));
      near(`${at} final_cost`, e.final_cost, p.final_cost, costTolerance(true, e.iteration));
      return;
    }
    near(`${at} costs`, e.costs, p.costs, 1e-9);
    near(`${at} final_cost`, e.final_cost, p.final_cost, 1e-9);
    // Tiny norms of a vanishing network also agree relatively: to 1e-6, the article's tanh formula (e^z − e^−z)/(e^z + e^−z)
    // cancels for small z, so one ulp of exp (numpy's against the engine's) grows layer by layer (measured: 1.5e-9 at 1e-9).
    near(`${at} gradient_norms`, e.gradient_norms, p.gradient_norms, 1e-9, 1);
    near(`${at} gradient_norms (relative)`, e.gradient_norms, p.gradient_norms, 1e-6, 1e-300);
    near(`${at} symmetry`, e.symmetry, p.symmetry, 1e-9);
    near(`${at} final`, e.final, p.final, 1e-9, 1);
    for (const key of ['accuracy', 'precision', 'recall', 'f1'] as const) near(`${at} ${key}`, e[key], p[key], 1e-12);
    if (e.variance) {
      near(`${at} variance`, e.variance, p.variance, 1e-9, 1);
      near(`${at} variance (relative)`, e.variance, p.variance, 1e-6, 1e-300);
    }
  });
  if (engine.runs.length !== py.runs.length) errors.push(`${f.name}: ${py.runs.length} runs in the script, ${engine.runs.length} in the engine`);
  if (engine.deep_linear) near(`${f.name} deep_linear`, engine.deep_linear, py.deep_linear, 1e-9, 1e-300);
  if (engine.activation) {
    near(`${f.name} activation z`, engine.activation.z, py.activation?.z, 0);
    near(`${f.name} activation`, engine.activation, py.activation, 1e-12);
  }
  return errors;
}
