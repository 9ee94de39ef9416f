import { describe, expect, it } from 'vitest';
import { planar } from '../../../src/engine/index.ts';
import { DEFAULT_REMEDIES_SETTINGS, type RemediesSettings } from '../../../src/features/remedies/settings.ts';
import { buildRemediesSnapshot, COST_THRESHOLD, legendLayers, remediesViews, summaryTable } from '../../../src/features/remedies/views.ts';

const data = planar.generate();
const short: RemediesSettings = { ...DEFAULT_REMEDIES_SETTINGS, iterations: 200 };
const snapshot = buildRemediesSnapshot(short, data);
const views = remediesViews(snapshot);

describe('remedies views of the default network (200 iterations)', () => {
  it('draws one ‖dW[l]‖ chart per variant, naming layers 1, 16 and 31 in the legend', () => {
    expect(legendLayers(31)).toEqual([1, 16, 31]);
    expect(legendLayers(4)).toEqual([1, 2, 3, 4]);
    expect(views.gradients.map((v) => v.title)).toEqual([
      'plain gradient descent: ‖dW[l]‖ of each of the 31 layers', 'clipped (global norm ≤ 1): ‖dW[l]‖ of each of the 31 layers',
      'residual: ‖dW[l]‖ of each of the 31 layers', 'batch-normalized: ‖dW[l]‖ of each of the 31 layers',
    ]);
    for (const v of views.gradients) {
      expect(v.plot).toBeDefined();
      expect(v.table.columns).toHaveLength(32);
      expect(v.caption).toMatch(/Colours run from layer 1 \(first\) to layer 31 \(output\)\.$/);
    }
    // The plain run's last record: the first layers sit in the vanishing range.
    expect(views.gradients[0].caption).toMatch(/the vanishing range \(below 10⁻⁶\) holds layers 1, 2, 3/);
  });

  it('puts every variant\'s cost on one chart with the threshold', () => {
    expect(views.costs.plot).toBeDefined();
    expect(views.costs.table.columns).toEqual(['iteration', 'cost: plain gradient descent', 'cost: clipped (global norm ≤ 1)', 'cost: residual', 'cost: batch-normalized']);
    expect(views.costs.caption).toMatch(/mini-batch of 64, before the update\.$/);
  });

  it('summarizes iterations to the threshold, divergence, steps clipped and the layers\' spread', () => {
    const { columns, rows } = views.summary.table;
    expect(columns[1]).toBe(`iterations to cost ≤ ${COST_THRESHOLD}`);
    expect(rows.map((r) => r[0])).toEqual(['plain gradient descent', 'clipped (global norm ≤ 1)', 'residual', 'batch-normalized']);
    expect(rows[0][1]).toBe('not reached');
    expect(rows.map((r) => r[2])).toEqual(['no', 'no', 'no', 'no']);
    expect(rows[1][3]).toBe(0);
    expect(rows[0][4]).toBeLessThan(1e-6);
    expect(rows[2][5]).toBeLessThan(100);
    // Batch norm's spread is 186.6 here (a record at iteration 180): within three orders, where plain's is ~10^10.
    expect(rows[3][5]).toBeLessThan(1000);
    expect(rows[0][5]).toBeGreaterThan(1e9);
    expect(views.status).toBe('Done: 200 iterations');
  });

  it('reports a variant that diverges at once (ReLU, N(0, 1): the first output saturates)', () => {
    const s = buildRemediesSnapshot({ ...short, depth: 10, hidden: 'relu', scale: 1, learningRate: 1, iterations: 20, variants: ['plain', 'batchnorm'] }, data);
    expect(s.runs[0].status).toMatchObject({ state: 'diverged', iteration: 0 });
    expect(summaryTable(s).rows[0][2]).toBe('at iteration 0');
    expect(remediesViews(s).gradients[0].caption).toBe('This run diverged at iteration 0, before its first record.');
    expect(remediesViews(s).status).toBe('Done: 20 iterations · plain gradient descent diverged at iteration 0');
    expect(s.runs[1].status.state).toBe('done');
  });

  it('counts the clipped steps (tanh, N(0, 1): every gradient is above norm 1)', () => {
    const s = buildRemediesSnapshot({ ...short, scale: 1, iterations: 20, variants: ['clipped'] }, data);
    expect(s.runs[0].clippedSteps).toBe(20);
    expect(summaryTable(s).rows[0][3]).toBe(100);
  });
});
