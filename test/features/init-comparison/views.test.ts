import { describe, expect, it } from 'vitest';
import { componentSchemas } from '../../../src/components/props.ts';
import { seriesColor } from '../../../src/charts/browser.ts';
import {
  buildTimeComparison, comparisonGrid, costView, formatScale, iterationsToReach, mapPlot, mapsGridTable, mapsView,
  recordEvery, schemeColor, schemeConfig, schemeLabel, summaryRows, summaryView, type ComparisonSettings,
  type SchemeRun,
} from '../../../src/features/init-comparison/views.ts';
import { EXPLORER_SCHEMES } from '../../../src/kit/labels.ts';
import { lessonData } from '../../../src/run/memo.ts';

const data = lessonData();
const spec = comparisonGrid(data);
const settings: ComparisonSettings = {
  schemes: [...EXPLORER_SCHEMES], hidden: 'tanh', width: 3, learningRate: 1.2, iterations: 10000, scale: 10, seed: 42,
  yScale: 'linear', threshold: 0.25, speed: 3,
};
const runs = buildTimeComparison(settings, data, spec);
const byScheme = (rs: readonly SchemeRun[], s: string) => rs.find((r) => r.scheme === s)!;

describe('init comparison settings', () => {
  it('gives every scheme the same data, seed, network and learning rate', () => {
    const configs = EXPLORER_SCHEMES.map((s) => schemeConfig(settings, s));
    for (const c of configs) {
      expect(c.layers).toEqual([2, 3, 1]);
      expect(c.seed).toBe(42);
      expect(c.learningRate).toBe(1.2);
      expect(c.recordEvery).toBe(10);
    }
    expect(configs.map((c) => c.init)).toEqual(['zeros', 'normal', 'lecun', 'glorot', 'he']);
    expect(configs[1].scale).toBe(10);
  });

  it('records about 1000 times per run', () => {
    expect(recordEvery(10000)).toBe(10);
    expect(recordEvery(500)).toBe(1);
    expect(recordEvery(20000)).toBe(20);
  });

  it('labels, formats and colours schemes consistently', () => {
    expect(schemeLabel('normal', 0.01)).toBe('Normal × 0.01');
    expect(schemeLabel('he', 1)).toBe('He');
    expect(formatScale(10 ** -1.2)).toBe('0.0631');
    expect(EXPLORER_SCHEMES.map(schemeColor)).toEqual([0, 1, 2, 3, 4].map(seriesColor));
  });

  it('offers exactly the schemes the component accepts as props', () => {
    expect(componentSchemas.InitComparison.parse({}).schemes).toEqual([...EXPLORER_SCHEMES]);
    expect(componentSchemas.InitComparison.safeParse({ schemes: 'lecun,constant' }).success).toBe(false);
    expect(componentSchemas.InitComparison.safeParse({ schemes: 'he,he' }).success).toBe(false);
  });
});

describe('init comparison views (defaults trained with the engine)', () => {
  it('reproduces the lesson: zeros stuck at 0.5, large normal 0.742, scaled schemes 0.924', () => {
    const rows = summaryRows(runs, 0.25);
    expect(rows.map((r) => r.accuracy)).toEqual([0.5, 0.742, 0.924, 0.924, 0.924]);
    expect(rows[0].cost).toBeCloseTo(Math.log(2), 4);
    expect(rows.map((r) => r.divergedAt)).toEqual([null, null, null, null, null]);
  });

  it('finds the first recorded iteration under the threshold', () => {
    expect(iterationsToReach([0, 10, 20, 30], [0.9, 0.4, 0.2, 0.1], 0.25)).toBe(20);
    expect(iterationsToReach([0, 10], [0.9, 0.4], 0.25)).toBeNull();
    const summary = summaryView(runs, 0.25);
    expect(summary.table.rows.map((r) => r[3])).toEqual(['not reached', 'not reached', '250', '250', '240']);
    expect(summaryView(runs, 0.22).table.rows[2][3]).toBe('2,040');
    expect(summary.caption).toContain('LeCun: cost 0.2116, accuracy 0.924, reached 0.25 at iteration 250');
    expect(summary.table.columns[3]).toBe('Iterations to cost ≤ 0.25');
  });

  it('overlays the cost curves with stable colours and the threshold', () => {
    const v = costView(runs, settings);
    expect(v.caption).toContain('Normal × 10 goes from 9.69 at iteration 0 to 0.437');
    expect(v.table.columns).toEqual(['iteration', 'cost: Zeros', 'cost: Normal × 10', 'cost: LeCun', 'cost: Glorot', 'cost: He']);
    const lines = (v.plot!.marks as { ariaLabel?: string; channels?: unknown }[]).length;
    expect(lines).toBeGreaterThan(5);
    const log = costView(runs, { yScale: 'log', threshold: 0.3 });
    expect((log.plot!.y as { type: string }).type).toBe('log');
  });

  it('draws one map per scheme from its final grid, titled with the scheme and iteration', () => {
    const lecun = byScheme(runs, 'lecun');
    expect(lecun.grid).toHaveLength(36 * 36);
    const plot = mapPlot(lecun, data, spec);
    expect(plot.ariaLabel).toContain('LeCun after 10,000 iterations');
    const v = mapsView(runs, data, spec);
    expect(v.caption).toContain('LeCun (iteration 10,000) predicts class 1 on 48 % of the plane');
    expect(v.tables).toHaveLength(5);
    const long = mapsGridTable(runs, spec);
    expect(long.rows).toHaveLength(5 * 36 * 36);
    expect(long.columns).toEqual(['scheme', 'iteration', 'x1', 'x2', 'P(y=1)']);
    expect(long.rows[0][4]).toBe(0.5); // zero weights: P = σ(0) everywhere
  });

  it('reports divergence and keeps what was computed before it', () => {
    const wild = buildTimeComparison({ ...settings, schemes: ['normal', 'he'], hidden: 'relu', learningRate: 10, scale: 0.1 }, data, spec);
    const [normal, he] = summaryRows(wild, 0.25);
    expect(normal.divergedAt).toBe(11);
    expect(he.divergedAt).toBe(2);
    expect(summaryView(wild, 0.25).table.rows[0][4]).toBe('diverged at iteration 11');
    expect(normal.cost).toBeCloseTo(1.6348, 4); // the last finite recorded cost
    const n = byScheme(wild, 'normal');
    expect(Array.from(n.grid!).every(Number.isFinite)).toBe(true); // the map of the last finite weights
    expect(costView(wild, settings).caption).toContain('then diverged at iteration 11');
  });

  it('shows progress of unfinished runs without accuracy', () => {
    const lecun = byScheme(runs, 'lecun');
    const partial: SchemeRun = { ...lecun, status: { state: 'running', message: 'running' }, iteration: 100, iterations: lecun.iterations.slice(0, 10), costs: lecun.costs.slice(0, 10), finalCost: undefined, accuracy: undefined };
    const view = summaryView([partial], 0.25);
    // The iteration is said once, in the caption, for every row alike (lockstep).
    expect(view.table.rows[0]).toEqual(['LeCun', lecun.costs[9].toFixed(4), '—', 'not yet', '—']);
    expect(view.caption).toMatch(/^At iteration 100: LeCun: cost /);
  });
});
