/**
 * The remedies explorer's exported scripts, run with python3 and compared with the engine
 * (buildRemediesSnapshot, the page's own lockstep training): every recorded cost and ‖dW[l]‖, the
 * status, the clipped steps and the summary columns; and the engine's reference cases the explorer does
 * not offer (projections, clipping by value, momentum, RMSProp), against trainRemedies.
 */
import { describe, expect, it } from 'vitest';
import { buildRemediesSnapshot, type VariantRun } from '../../src/features/remedies/views.ts';
import { DEFAULT_REMEDIES_SETTINGS, firstOverLast, iterationsTo, layerSpread, type RemediesSettings } from '../../src/features/remedies/settings.ts';
import { COST_THRESHOLD } from '../../src/features/remedies/views.ts';
import { remediesScript } from '../../src/python/figures.ts';
import type { PythonFigure } from '../../src/python/script.ts';
import { lessonData } from '../../src/run/memo.ts';
import { DEFAULT_REMEDIES_CONFIG, trainRemedies, type RemediesConfig } from '../../src/engine/index.ts';
import { limit, runPython, scratchDir, writeScript } from './support/run.ts';
import type { ScriptRun as PlainScriptRun } from './support/engine.ts';

/** One variant as the script prints it with --json: the plain script's run fields, and the summary's. */
interface ScriptRun extends Pick<PlainScriptRun, 'label' | 'status' | 'diverged_at' | 'iteration' | 'iterations' | 'costs' | 'gradient_norms'> {
  clipped_steps: number;
  reached: number | null;
  clipped_percent: number | null;
  first_over_last: number | null;
  spread: number | null;
}

/** What the comparison reads of an engine run: a VariantRun or a trainer. */
type Engine = Pick<VariantRun, 'status' | 'iteration' | 'history' | 'clippedSteps'>;

const dir = scratchDir();
const run = limit(2); // two pythons at a time: the machine has two cores

async function script(figure: PythonFigure): Promise<ScriptRun[]> {
  const result = await run(() => runPython([writeScript(dir, figure), '--json'], dir));
  expect(result.code, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { runs: ScriptRun[] }).runs;
}

const relative = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

/** The largest relative difference of costs and norms up to each record, and the first record where it exceeds `tol`. */
function agreement(e: Engine, p: ScriptRun, tol: number): { worst: number; firstAbove: number | null } {
  let worst = 0;
  let firstAbove: number | null = null;
  e.history.costs.forEach((c, k) => {
    const d = Math.max(relative(c, p.costs[k]), ...e.history.gradientNorms[k].map((g, l) => relative(g, p.gradient_norms[k][l])));
    worst = Math.max(worst, d);
    if (d > tol && firstAbove === null) firstAbove = e.history.iterations[k];
  });
  return { worst, firstAbove };
}

/** Same status, records, clipped steps and summary columns; costs and norms within `tol` relative at every record. */
function expectSame(e: Engine, p: ScriptRun, tol: number): void {
  const at = p.label;
  expect(p.status, at).toBe(e.status.message);
  expect(p.diverged_at, at).toBe(e.status.state === 'diverged' ? e.status.iteration : null);
  expect(p.iteration, at).toBe(e.iteration);
  expect(p.iterations, at).toEqual(e.history.iterations);
  expect(p.clipped_steps, at).toBe(e.clippedSteps);
  expect(agreement(e, p, tol), at).toEqual({ worst: expect.any(Number), firstAbove: null });
  expect(p.reached, at).toBe(iterationsTo(e.history, COST_THRESHOLD));
  if (e.history.costs.length === 0) return;
  expect(relative(p.first_over_last!, firstOverLast(e.history).at(-1)!), at).toBeLessThanOrEqual(tol);
  expect(relative(p.spread!, Math.max(...layerSpread(e.history).filter(Number.isFinite))), at).toBeLessThanOrEqual(tol);
}

const TIMEOUT = 600_000; // a ceiling against hangs, not a budget

const small: RemediesSettings = {
  ...DEFAULT_REMEDIES_SETTINGS, depth: 4, width: 8, scale: 1, learningRate: 0.5, iterations: 200, batchSize: 64,
  variants: ['plain', 'clipped', 'residual', 'batchnorm', 'adam', 'residual+batchnorm'],
};

describe('the remedies scripts reproduce the explorer', () => {
  it.concurrent('every variant of a 4 × 8 network: costs and ‖dW[l]‖ to 1e-9 at every record, same status and clipped steps', async () => {
    const figure = remediesScript('costs', small);
    const engine = buildRemediesSnapshot(small, lessonData());
    const runs = await script(figure);
    expect(runs.map((r) => r.label)).toEqual(figure.remedies!.variants.map((v) => v.label));
    expect(engine.runs.find((r) => r.variant === 'clipped')!.clippedSteps).toBeGreaterThan(0);
    engine.runs.forEach((e, k) => {
      expectSame(e, runs[k], 1e-9);
      expect(agreement(e, runs[k], 1e-9).worst).toBeLessThan(1e-13);
    });
  }, TIMEOUT);

  it.concurrent('what the explorer does not offer: projections, clipping by value, momentum and RMSProp (the engine\'s reference cases)', async () => {
    const base: RemediesConfig = { ...DEFAULT_REMEDIES_CONFIG, layers: [2, 8, 8, 8, 1], init: 'lecun', learningRate: 0.5, iterations: 100, seed: 3, recordEvery: 1, batchSize: 64 };
    const configs: RemediesConfig[] = [
      { ...base, residual: 'projection', batchNorm: true, clip: 'norm', clipThreshold: 0.2, optimizer: 'momentum' },
      { ...base, layers: [2, 8, 6, 1], residual: 'projection', clip: 'value', clipThreshold: 0.02, optimizer: 'rmsprop', learningRate: 0.01 },
      { ...base, optimizer: 'adam', learningRate: 0.01, hyperparameters: { beta1: 0.8, beta2: 0.99, epsilon: 1e-6 } },
    ];
    const figure: PythonFigure = {
      name: 'remedies-reference', title: 'reference cases', plot: null, show: [], runs: [],
      remedies: { variants: configs.map((config, k) => ({ label: `case ${k}`, config })), threshold: 0.5 },
    };
    const runs = await script(figure);
    configs.forEach((config, k) => {
      const t = trainRemedies(lessonData(), config);
      expect(t.clippedSteps > 0 || k === 2).toBe(true);
      expectSame(t, runs[k], 1e-9);
    });
  }, TIMEOUT);

  it.concurrent('a diverging setting (ReLU, σ = 1, learning rate 1, 10 layers) diverges at iteration 0 in both', async () => {
    const s: RemediesSettings = { ...DEFAULT_REMEDIES_SETTINGS, hidden: 'relu', scale: 1, learningRate: 1, depth: 10, iterations: 100, variants: ['plain', 'residual'] };
    const engine = buildRemediesSnapshot(s, lessonData());
    const runs = await script(remediesScript('summary', s));
    engine.runs.forEach((e, k) => {
      expect(e.status.message).toBe('diverged at iteration 0');
      expectSame(e, runs[k], 1e-9);
    });
  }, TIMEOUT);

  // The default network, split in two scripts so both cores work (about 10 s of python per variant).
  for (const variants of [['plain', 'residual'], ['batchnorm']] as const) {
    it.concurrent(`the explorer's default network (30 × 16 tanh, 1000 iterations), ${variants.join(' and ')}: to 1e-9 over the whole run`, async () => {
      const s: RemediesSettings = { ...DEFAULT_REMEDIES_SETTINGS, variants };
      const engine = buildRemediesSnapshot(s, lessonData());
      const runs = await script(remediesScript(`gradients-${variants.length - 1}`, s));
      engine.runs.forEach((e, k) => {
        expectSame(e, runs[k], 1e-9);
        // Measured: 1.2e-15 at worst (the cost's log and the norms' sums; the trajectories are the same bits).
        expect(agreement(e, runs[k], 1e-9).worst).toBeLessThan(1e-13);
      });
    }, TIMEOUT);
  }
});
