/**
 * Writes a standalone numpy script for a figure: the one template (template*.ts) with the
 * figure's settings filled in as Python literals. Pure string building, usable in the browser
 * (the Save bars' "Python" button), in the CLI (`--emit-python`) and in tests.
 */
import { validateTrainConfig } from '../engine/config.ts';
import type { ActivationName } from '../engine/activations.ts';
import type { TrainConfig } from '../engine/train.ts';
import { PYTHON_CORE, PYTHON_IMPORTS } from './template.ts';
import { PYTHON_PLOTS } from './template-plots.ts';
import { PYTHON_JSON, PYTHON_REPORT } from './template-report.ts';
import { docText, float, py, scriptName } from './literal.ts';
import { remediesScriptText, type PythonRemedies } from './script-remedies.ts';

export { py, scriptName };
export type { PythonRemedies };

/** One training run of a figure. */
export interface PythonRun {
  readonly label: string;
  readonly config: TrainConfig;
}

/** What the script draws: one matplotlib version per kind of chart; null for a table figure. */
export type PythonPlot = 'cost' | 'boundaries' | 'gradients' | 'histograms' | 'variance' | 'symmetry' | 'deep-linear' | 'activation' | null;

/** What the script prints per run besides its status: cost log, final report, parameters, ‖dW[l]‖ per record, symmetry. */
export type PythonShow = 'log' | 'report' | 'initial' | 'final' | 'gradients' | 'symmetry';

/** A figure, as far as its script needs to know it. */
export interface PythonFigure {
  /** File name without ".py"; letters, digits, "-" and "_" (anything else becomes "-"). */
  readonly name: string;
  readonly title: string;
  /** Where the figure is, e.g. 'the lesson "…", section "…" (https://…)'. */
  readonly source?: string;
  readonly plot: PythonPlot;
  readonly show: readonly PythonShow[];
  readonly runs: readonly PythonRun[];
  /** Print the cost log every this many iterations (default: the article's 1000). */
  readonly logEvery?: number;
  /** Cost threshold: drawn on the cost chart, and "iterations to reach" is printed. */
  readonly threshold?: number;
  readonly yScale?: 'linear' | 'log';
  /** Boundaries: add a first panel with the actual classes. */
  readonly actualPanel?: boolean;
  /** Seeds over which Var(z[l]) at initialization is averaged (gradient flow's variance charts). */
  readonly variance?: readonly number[];
  /** Bins of the activation histograms (gradient flow). */
  readonly histogram?: { readonly bins: number; readonly lo: number; readonly hi: number };
  /** The deep linear network of the derivation instead of training runs. */
  readonly deepLinear?: { readonly a: number; readonly depth: number };
  /** An activation g and its slope g′ at `points` evenly spaced z over [−range, range], instead of training runs. */
  readonly activation?: { readonly name: ActivationName; readonly range: number; readonly points: number };
  /** The flower data's size and seed (default 1000 points, seed 1, as in the article). */
  readonly data?: { readonly m: number; readonly seed: number };
  /** The remedies explorer's variants (deep networks with remedies) instead of `runs`: written by script-remedies.ts. */
  readonly remedies?: PythonRemedies;
}

function runLiteral(run: PythonRun): string {
  const c = run.config;
  validateTrainConfig(c, 2);
  return `    dict(label=${py(run.label)}, layers=${py([...c.layers])}, hidden=${py(c.hidden)}, init=${py(c.init)}, scale=${float(c.scale)},\n`
    + `         learning_rate=${float(c.learningRate)}, iterations=${c.iterations}, seed=${c.seed}, record_every=${c.recordEvery}),`;
}

function docstring(f: PythonFigure, name: string): string {
  const table = f.plot === null ? '\nThis figure is a table or a text: the printed numbers are the figure.\n' : '';
  const what = f.activation
    ? `This script reproduces the figure with numpy alone: the activation and its slope, computed with
the same formulas the page's training engine uses. Its numbers match the page's to about 1e-12.
`
    : `This script reproduces the figure with numpy alone: the same flower data, the same initial weights
(numpy's legacy generator, np.random.seed) and the same full-batch gradient descent as the page.
Its numbers match the page's to about 1e-9; a chaotic run (normal x 10) can move in the 5th decimal.
`;
  return `#!/usr/bin/env python3
"""${docText(f.title)}
${f.source ? `\nExported from ${docText(f.source)}.\n` : ''}
${what}${table}
    python3 ${name}.py          # prints the numbers; draws ${name}-matplotlib.png if matplotlib is installed
    python3 ${name}.py --json   # the numbers as one JSON object, no plot

Needs numpy; matplotlib only for the drawing. Change the settings below and run it again.
"""
`;
}

function settings(f: PythonFigure, name: string): string {
  const figure: Record<string, unknown> = {
    name, title: f.title, kind: f.activation ? 'activation' : f.deepLinear ? 'deep-linear' : 'training', plot: f.plot, show: [...f.show],
  };
  if (f.logEvery !== undefined) figure.log_every = f.logEvery;
  if (f.threshold !== undefined) figure.threshold = f.threshold;
  if (f.yScale !== undefined) figure.y_scale = f.yScale;
  if (f.actualPanel) figure.actual_panel = true;
  if (f.variance) figure.variance = [...f.variance];
  if (f.histogram) figure.histogram = { ...f.histogram };
  const data = f.data ?? { m: 1000, seed: 1 };
  const lines = [
    '# ---- The figure\'s settings (what the page showed): change them and run again ----',
    `DATA = dict(m=${data.m}, seed=${data.seed})  # the flower data: m points, numpy seed`,
    f.runs.length ? `RUNS = [\n${f.runs.map(runLiteral).join('\n')}\n]` : 'RUNS = []',
  ];
  if (f.activation) lines.push(`ACTIVATION = dict(name=${py(f.activation.name)}, range=${float(f.activation.range)}, points=${f.activation.points})  # g and g' at points z from -range to range`);
  if (f.deepLinear) lines.push(`DEEP_LINEAR = dict(a=${float(f.deepLinear.a)}, depth=${f.deepLinear.depth})  # W[l] = a I for l = 1..depth`);
  lines.push(`FIGURE = ${py(figure)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The standalone script of figure `f`.
 * @throws RangeError for a run whose config is invalid (see validateTrainConfig, validateRemediesConfig) or a non-finite setting.
 */
export function pythonScript(f: PythonFigure): string {
  const name = scriptName(f.name);
  if (f.remedies) return remediesScriptText(f, name, f.remedies);
  return `${docstring(f, name)}${PYTHON_IMPORTS}\n${settings(f, name)}${PYTHON_CORE}${PYTHON_JSON}${PYTHON_REPORT}${PYTHON_PLOTS}\n\nif __name__ == "__main__":\n    main()\n`;
}
