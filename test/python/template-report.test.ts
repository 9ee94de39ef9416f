/**
 * What a script prints for a reader: the same log and report lines as the page and the CLI, and,
 * without matplotlib, the numbers and one line saying why there is no drawing.
 */
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/run/format.ts';
import { DEFAULT_TRAIN_CONFIG, train } from '../../src/engine/index.ts';
import { lessonData } from '../../src/run/memo.ts';
import { deepLinearScript, lessonFigureScript } from '../../src/python/figures.ts';
import { runPython, scratchDir, writeScript } from './support/run.ts';

// Runs a script with matplotlib made unimportable, as on a machine without it.
const WITHOUT_MATPLOTLIB = 'import runpy, sys; sys.modules["matplotlib"] = None; sys.modules["matplotlib.pyplot"] = None; '
  + 'path = sys.argv.pop(1); sys.argv[0] = path; runpy.run_path(path, run_name="__main__")';

const config = { ...DEFAULT_TRAIN_CONFIG, iterations: 3000 };
const decl = { id: 'lecun', label: 'LeCun initialization', config };

describe('the printed report', () => {
  it('prints the page\'s log and the CLI\'s report lines, then one line about matplotlib when it is missing', async () => {
    const dir = scratchDir();
    const path = writeScript(dir, lessonFigureScript('cost-curve', [decl], {}, 'Cost during training: LeCun initialization'));
    const out = await runPython(['-c', WITHOUT_MATPLOTLIB, path], dir);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toBe('');
    const run = train(lessonData(), config);
    const log = run.history.iterations.flatMap((i, k) => (i % 1000 === 0 ? [`Cost after iteration ${i}: ${run.history.costs[k].toFixed(6)}`] : []));
    const lines = out.stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('Cost after'))).toEqual(log);
    // Status, final cost, accuracy, precision, recall and F1 as `npm run train` prints them.
    for (const line of formatReport(run).split('\n').slice(0, 6)) expect(lines).toContain(line);
    expect(lines).toContain('Confusion matrix (rows actual 0, 1; columns predicted 0, 1): ' + JSON.stringify(run.report.confusion).replace(/,/g, ', '));
    const notes = lines.filter((l) => /matplotlib/.test(l));
    expect(notes).toEqual(['matplotlib is not installed, so only the numbers are printed (pip install matplotlib to draw the figure).']);
    expect(lines.at(-1)).toBe(notes[0]);
  }, 120_000);

  it('says a 0/0 score is one, as the CLI does: zero initialization predicts no point 1', async () => {
    const zeros = { ...DEFAULT_TRAIN_CONFIG, init: 'zeros' as const, iterations: 100 };
    const dir = scratchDir();
    const path = writeScript(dir, lessonFigureScript('metrics', [{ id: 'zeros', label: 'Zero initialization', config: zeros }], {}, 'Accuracy and F1: zeros'));
    const out = await runPython(['-c', WITHOUT_MATPLOTLIB, path], dir);
    expect(out.code, out.stderr).toBe(0);
    const lines = out.stdout.trim().split('\n');
    const cli = formatReport(train(lessonData(), zeros)).split('\n');
    expect(cli[3]).toBe('Precision (class 1): 0.0000 (0/0: no point predicted 1; counted as 0)');
    for (const line of cli.slice(0, 6)) expect(lines).toContain(line);
  }, 120_000);

  it('prints a table figure\'s numbers without mentioning matplotlib', async () => {
    const dir = scratchDir();
    const path = writeScript(dir, lessonFigureScript('parameters', [decl], { at: 'initial' }, 'Parameters before training'));
    const out = await runPython(['-c', WITHOUT_MATPLOTLIB, path], dir);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).not.toMatch(/matplotlib|Status/);
    // W1 of LeCun with seed 42: randn(3, 2) · √(1/2), as the lesson's <Parameters> shows.
    expect(out.stdout).toMatch(/^W1 = \[\[ 0\.35122995, -0\.09776762\],/m);
    expect(out.stdout).toMatch(/^b2 = \[\[0\.\]\]$/m);
  }, 60_000);

  it('prints the deep linear network\'s norms per layer', async () => {
    const dir = scratchDir();
    const out = await runPython([writeScript(dir, deepLinearScript(1.5, 4))], dir, {});
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^Deep linear network, W\[l\] = 1\.5 I, L = 4: a\^\(L-2\) = 2\.25$/m);
    expect(out.stdout.match(/^l=\d+ /gm)).toHaveLength(4);
  }, 60_000);
});
