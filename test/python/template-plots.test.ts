/**
 * The drawing path: every kind of chart, drawn by a python that has numpy and matplotlib (Agg
 * backend, PNG beside the script). matplotlib is optional for readers and for this suite: without
 * one, these tests are skipped and say so; the printed numbers are tested in figures.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../../src/engine/index.ts';
import { activationScript, comparisonScript, deepLinearScript, gradientFlowScript, lessonFigureScript, symmetryScript } from '../../src/python/figures.ts';
import type { PythonFigure } from '../../src/python/script.ts';
import { comparisonDefaults } from './support/lessons.ts';
import { runPython, scratchDir, writeScript } from './support/run.ts';

/** The first python with both numpy and matplotlib: the one on PATH, else Debian's. */
const plotting = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import numpy, matplotlib'], { stdio: 'ignore' }).status === 0);

const short = { ...DEFAULT_TRAIN_CONFIG, iterations: 200, recordEvery: 10 };
const decls = [{ id: 'lecun', label: 'LeCun', config: short }, { id: 'large', label: 'normal × 10', config: { ...short, init: 'normal' as const, scale: 10 } }];
const flow = { depth: 3, width: 6, hidden: 'tanh' as const, init: 'he' as const, scale: 1, learningRate: 0.5, iterations: 60, seed: 1 };

const charts: [string, PythonFigure][] = [
  ['cost curves with a threshold, log scale', lessonFigureScript('cost-curve', decls, { yScale: 'log', threshold: 0.5 }, 'Cost')],
  ['actual classes and decision boundaries', lessonFigureScript('summary-figure', decls, {}, 'Summary')],
  ['the comparison\'s maps', comparisonScript('maps', { ...comparisonDefaults({}), schemes: ['zeros', 'he'], iterations: 100 })],
  ['gradient norms per layer', gradientFlowScript('gradients', flow)],
  ['activation histograms', gradientFlowScript('histograms', flow)],
  ['the variance rule', gradientFlowScript('average', flow)],
  ['the symmetry distance', symmetryScript({ init: 'lecun', value: 0.5, width: 4, seed: 42 }, 100)],
  ['the deep linear network', deepLinearScript(1.2, 12)],
  ['an activation and its slope', activationScript({ activation: 'tanh', range: 4 })],
];

describe.skipIf(!plotting)(`drawing with matplotlib (${plotting ?? 'no python with numpy and matplotlib here: skipped'})`, () => {
  for (const [what, figure] of charts) {
    it(`draws ${what} and saves it as <figure>-matplotlib.png (not the page's PNG download name)`, async () => {
      const dir = scratchDir();
      const out = await runPython([writeScript(dir, figure)], dir, {}, plotting);
      expect(out.code, out.stderr).toBe(0);
      expect(out.stdout.trim().split('\n').at(-1)).toBe(`Saved the figure as ${figure.name}-matplotlib.png`);
      const png = readFileSync(join(dir, `${figure.name}-matplotlib.png`));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.length).toBeGreaterThan(10_000);
    }, 120_000);
  }
});
