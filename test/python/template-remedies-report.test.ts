/**
 * What a remedies script prints without --json: the explorer's summary table per variant (views.ts
 * `summaryTable`), the drawn variant's ‖dW[l]‖ or the costs, and the note when matplotlib is missing.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REMEDIES_SETTINGS, firstOverLast, iterationsTo, layerSpread, type RemediesSettings } from '../../src/features/remedies/settings.ts';
import { buildRemediesSnapshot, COST_THRESHOLD } from '../../src/features/remedies/views.ts';
import { remediesScript } from '../../src/python/figures.ts';
import { lessonData } from '../../src/run/memo.ts';
import { runPython, scratchDir, writeScript } from './support/run.ts';

/** The first python with both numpy and matplotlib: the one on PATH, else Debian's (as template-plots.test.ts). */
const plotting = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import numpy, matplotlib'], { stdio: 'ignore' }).status === 0);

const s: RemediesSettings = { ...DEFAULT_REMEDIES_SETTINGS, depth: 4, width: 8, scale: 1, learningRate: 0.5, iterations: 100, variants: ['plain', 'clipped', 'batchnorm'] };

async function printed(figure: string): Promise<string> {
  const dir = scratchDir();
  const out = await runPython([writeScript(dir, remediesScript(figure, s))], dir);
  expect(out.code, out.stderr).toBe(0);
  return out.stdout;
}

/** The number after `label` in the block of variant `k`. */
function value(text: string, k: number, label: string): string {
  const block = text.split(/^== /m)[k + 1];
  return block.split('\n').find((line) => line.startsWith(label))!.slice(label.length).trim();
}

describe('the remedies report', () => {
  it('prints the summary table\'s columns for every variant, as the explorer computes them', async () => {
    const text = await printed('summary');
    const engine = buildRemediesSnapshot(s, lessonData());
    engine.runs.forEach((r, k) => {
      expect(value(text, k, 'Status:')).toBe(r.status.message);
      const reached = iterationsTo(r.history, COST_THRESHOLD);
      expect(value(text, k, `Iterations to cost <= ${COST_THRESHOLD}:`)).toBe(reached === null ? 'not reached' : String(reached));
      const near = (label: string, x: number) => expect(Number(value(text, k, label))).toBeCloseTo(Number(x.toPrecision(4)), 10);
      near('Steps clipped (%):', (100 * r.clippedSteps) / r.iteration);
      near('||dW[1]|| / ||dW[L]|| (last record):', firstOverLast(r.history).at(-1)!);
      near('Largest ||dW|| spread across layers:', Math.max(...layerSpread(r.history)));
    });
    expect(engine.runs[1].clippedSteps).toBeGreaterThan(0);
    expect(text).not.toContain('matplotlib');
  }, 120_000);

  it('prints the drawn variant\'s ‖dW[l]‖ of the legend\'s layers, and says when matplotlib is missing', async () => {
    const text = await printed('gradients-2');
    const engine = buildRemediesSnapshot(s, lessonData()).runs[2];
    const first = engine.history.gradientNorms[0];
    expect(text).toContain(`||dW[l]|| at iteration 0: l=1 ${Number(first[0].toPrecision(4))}, l=2 ${Number(first[1].toPrecision(4))}`);
    expect(text).toMatch(/matplotlib is not installed|Saved the figure as remedies-gradients-2-matplotlib\.png/);
  }, 120_000);
});

describe.skipIf(!plotting)(`drawing with matplotlib (${plotting ?? 'no python with numpy and matplotlib here: skipped'})`, () => {
  for (const figure of ['gradients-1', 'costs']) {
    it(`draws ${figure} and saves it as remedies-${figure}-matplotlib.png`, async () => {
      const dir = scratchDir();
      const out = await runPython([writeScript(dir, remediesScript(figure, { ...s, iterations: 100 }))], dir, {}, plotting);
      expect(out.code, out.stderr).toBe(0);
      expect(out.stdout.trim().split('\n').at(-1)).toBe(`Saved the figure as remedies-${figure}-matplotlib.png`);
      const png = readFileSync(join(dir, `remedies-${figure}-matplotlib.png`));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.length).toBeGreaterThan(10_000);
    }, 120_000);
  }
});
