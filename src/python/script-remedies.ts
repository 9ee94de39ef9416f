/**
 * Writes the standalone numpy script of a "Remedies side by side" figure: a docstring, a settings block
 * with one dict per variant (exactly the page's RemediesConfig), the remedies template and `main`.
 * `pythonScript` (script.ts) calls it for a figure with `remedies`, so every export goes one way.
 */
import { validateRemediesConfig, type RemediesConfig } from '../engine/remedies-config.ts';
import { docText, float, py } from './literal.ts';
import {
  PYTHON_ACTIVATION_RULES, PYTHON_IMPORTS, PYTHON_SETUP, PYTHON_SUMS, PYTHON_WEIGHT_STD, pythonPlanarDataset, pythonSigmoidTanh,
} from './template.ts';
import { PYTHON_PAGE_MATH } from './template-page-math.ts';
import { PYTHON_REMEDIES_CORE } from './template-remedies.ts';
import { PYTHON_REMEDIES_REPORT } from './template-remedies-report.ts';
import { PYTHON_JSON } from './template-report.ts';

/** One variant of the explorer: its label and its engine config. */
export interface PythonRemediesVariant {
  readonly label: string;
  readonly config: RemediesConfig;
}

/** What a remedies script runs and draws. */
export interface PythonRemedies {
  readonly variants: readonly PythonRemediesVariant[];
  /** The cost the summary counts iterations to (views.ts COST_THRESHOLD). */
  readonly threshold: number;
  /** For a "gradients" plot: which variant (index into `variants`), the layers named in the legend and the shaded bands' bounds. */
  readonly drawn?: { readonly index: number; readonly legendLayers: readonly number[]; readonly vanishingBelow: number; readonly explodingAbove: number };
}

/** The part of the figure the header needs (structurally a PythonFigure, without importing script.ts). */
interface ScriptHead {
  readonly title: string;
  readonly source?: string;
  readonly plot: string | null;
}

/** The flower data of every remedies run: the lesson's 1000 points, seed 1. */
const DATA = { m: 1000, seed: 1 };

/** What the test suite measured (test/python/template-remedies.test.ts), for the docstring's honest note. */
const AGREEMENT = `How close to the page: in our tests (x86-64; numpy 2.4, and 1.24 checked by hand) every variant
matched the page's costs and ||dW[l]|| to about 1e-15 at every record: all six variants of a 4 x 8
network over 200 iterations, and the explorer's default 30 x 16 tanh network over 1000 iterations,
plain, residual and batch-normalized alike.
That takes the page's own exp, log, sin and cos (below): numpy's np.exp, np.sin and libm's log differ from
them in the last bit on a few arguments in a hundred. With np.exp, the default network's tiny ||dW[1]||
was already 2e-5 off at iteration 0 (tanh's formula cancels for small z). With the page's exp but numpy's
normal draws and sin (a few weights and data points one ulp off), the plain run stayed within 1e-10 for
1000 iterations, but the residual run left the page's numbers (1e-6) by iteration 140 and the
batch-normalized one by iteration 10: batch normalization makes a deep network sensitive to rounding
(the lesson's aside "A price of batch normalization"). So a numpy or platform that rounds one operation
differently (a sum, pow) can still make the batch-normalized runs drift from the page's after some
iterations, while the plain runs stay on them.`;

function layersLiteral(layers: readonly number[]): string {
  const hidden = layers.slice(1, -1);
  // "[2] + [16] * 30 + [1]" reads better than thirty 16s, and is the same list.
  if (hidden.length >= 3 && hidden.every((n) => n === hidden[0])) return `[${layers[0]}] + [${hidden[0]}] * ${hidden.length} + [${layers.at(-1)}]`;
  return py([...layers]);
}

function variantLiteral(v: PythonRemediesVariant): string {
  const c = v.config;
  validateRemediesConfig(c, 2, DATA.m);
  const hyper = c.hyperparameters && Object.keys(c.hyperparameters).length ? `, hyperparameters=${py({ ...c.hyperparameters })}` : '';
  return `    dict(label=${py(v.label)}, layers=${layersLiteral(c.layers)}, hidden=${py(c.hidden)}, init=${py(c.init)}, scale=${float(c.scale)},\n`
    + `         learning_rate=${float(c.learningRate)}, iterations=${c.iterations}, seed=${c.seed}, record_every=${c.recordEvery},\n`
    + `         optimizer=${py(c.optimizer)}${hyper}, clip=${py(c.clip)}, clip_threshold=${float(c.clipThreshold)},\n`
    + `         residual=${py(c.residual)}, batch_norm=${py(c.batchNorm)}, batch_size=${c.batchSize}),`;
}

function docstring(head: ScriptHead, name: string): string {
  const table = head.plot === null ? '\nThis figure is a table: the printed numbers are the figure.\n' : '';
  return `#!/usr/bin/env python3
"""${docText(head.title)}
${head.source ? `\nExported from ${docText(head.source)}.\n` : ''}
This script trains the explorer's deep network in each of its variants with numpy alone: the same flower
data, the same initial weights and the same mini-batches (numpy's legacy generator: np.random.seed, the
weights, then np.random.permutation at every epoch start), and the same remedies: clipping by global norm
or by value, residual connections, batch normalization (eps 1e-5, momentum 0.1) and the gd, momentum,
rmsprop and adam update rules. It adds numbers in the order the page's engine adds them.

${AGREEMENT}
${table}
    python3 ${name}.py          # prints each variant's summary; draws ${name}-matplotlib.png if matplotlib is installed
    python3 ${name}.py --json   # the numbers as one JSON object, no plot

Needs numpy; matplotlib only for the drawing. Change the settings below and run it again.
"""
`;
}

/**
 * The script of remedies figure `head` named `name` (already made safe by scriptName).
 * @throws ConfigError for a variant whose config the engine would refuse; RangeError for a non-finite setting or a bad `drawn` index.
 */
export function remediesScriptText(head: ScriptHead, name: string, r: PythonRemedies): string {
  if (r.drawn && !(Number.isInteger(r.drawn.index) && r.drawn.index >= 0 && r.drawn.index < r.variants.length)) {
    throw new RangeError(`drawn variant must be an index from 0 to ${r.variants.length - 1}, got ${r.drawn.index}`);
  }
  const figure: Record<string, unknown> = { name, title: head.title, plot: head.plot, threshold: r.threshold };
  if (r.drawn) {
    Object.assign(figure, {
      variant: r.drawn.index, legend_layers: [...r.drawn.legendLayers],
      vanishing_below: r.drawn.vanishingBelow, exploding_above: r.drawn.explodingAbove,
    });
  }
  const settings = [
    '# ---- The figure\'s settings (what the page showed): change them and run again ----',
    `DATA = dict(m=${DATA.m}, seed=${DATA.seed})  # the flower data: m points, numpy seed`,
    r.variants.length ? `RUNS = [\n${r.variants.map(variantLiteral).join('\n')}\n]` : 'RUNS = []',
    `FIGURE = ${py(figure)}`,
  ].join('\n');
  // The plain template's pieces, drawing and activating with the page's functions (template-page-math.ts).
  const data = pythonPlanarDataset({ seed: 'page_seed', randn: 'page_randn', sin: 'page_sin', cos: 'page_cos' });
  const numpy = `${PYTHON_SETUP}${PYTHON_PAGE_MATH}${data}${PYTHON_WEIGHT_STD}${pythonSigmoidTanh('exp')}${PYTHON_ACTIVATION_RULES}${PYTHON_SUMS}`;
  return `${docstring(head, name)}import decimal\n${PYTHON_IMPORTS}\n${settings}\n${numpy}${PYTHON_REMEDIES_CORE}${PYTHON_JSON}${PYTHON_REMEDIES_REPORT}\n\nif __name__ == "__main__":\n    main()\n`;
}
