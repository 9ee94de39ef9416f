import { describe, expect, it } from 'vitest';
import { costCurve, costCurveCaption, costCurveTable, defaults, type CostCurveData } from '../../src/charts/cost-curve.ts';
import { fmt } from '../../src/charts/common.ts';
import { renderSvg } from '../../src/charts/render.ts';
import { categorical } from '../../src/charts/theme.ts';
import { costData, groups, renderChart, segments, texts } from './fixtures.ts';

/** Largest x coordinate of a path's points. */
const maxX = (d: string) => Math.max(...[...d.matchAll(/[ML]([-\d.]+),/g)].map((m) => Number(m[1])));

describe('costCurve with three real runs', () => {
  const data = costData();
  const [zeros, he, large] = data.series;

  it('the fixture has two finished runs and one that diverged', () => {
    expect(zeros.costs).toHaveLength(50);
    expect(he.costs).toHaveLength(50);
    expect(large.divergedAt).toBe(1);
  });

  for (const yScale of ['linear', 'log'] as const) {
    it(`renders one svg role=img with a line per series, legend and axis labels (${yScale})`, () => {
      const options = costCurve(data, { yScale });
      const svg = renderChart(options);
      expect(options.ariaLabel).toMatch(/zeros, He, large random/);
      const lines = groups(svg, 'line');
      expect(lines).toHaveLength(3);
      expect(lines.map((g) => g.getAttribute('stroke'))).toEqual([categorical[0], categorical[1], categorical[2]]);
      // zeros and He have 50 records each: one path with 49 segments.
      for (const g of lines.slice(0, 2)) expect(segments(g)).toBe(49);
      const t = texts(svg);
      expect(t).toContain(yScale === 'log' ? '↑ cost (binary cross-entropy), log scale' : '↑ cost (binary cross-entropy)');
      expect(t).toContain('iteration →');
      for (const label of ['zeros', 'He', 'large random']) expect(t).toContain(label);
      expect(t).toContain('large random: diverged at iteration 1');
      expect(svg).not.toMatch(/NaN|⚠|<figure/);
    });
  }

  it('labels log ticks', () => {
    const t = texts(renderSvg(costCurve(data, { yScale: 'log' })));
    for (const tick of ['1', '10', '0.5']) expect(t).toContain(tick);
  });

  it('is deterministic', () => {
    expect(renderSvg(costCurve(data, { yScale: 'log' }))).toBe(renderSvg(costCurve(data, { yScale: 'log' })));
  });

  it('caption gives first and last costs and the divergence', () => {
    const c = costCurveCaption(data);
    expect(c).toContain(`He goes from ${fmt(he.costs[0])} at iteration 0 to ${fmt(he.costs[49])} at iteration 490`);
    expect(c).toContain('large random is');
    expect(c).toContain('then diverged at iteration 1');
    expect(c).toContain('over 500 iterations');
  });

  it('table has an iteration column and one cost column per run', () => {
    const t = costCurveTable(data);
    expect(t.columns).toEqual(['iteration', 'cost: zeros', 'cost: He', 'cost: large random']);
    expect(t.rows).toHaveLength(50);
    expect(t.rows[0]).toEqual([0, Number(zeros.costs[0].toPrecision(4)), Number(he.costs[0].toPrecision(4)), Number(large.costs[0].toPrecision(4))]);
    expect(t.rows[1][3]).toBe('');
    expect(t.note).toBe('large random diverged at iteration 1.');
  });
});

describe('costCurve edge cases', () => {
  const live: CostCurveData = { totalIterations: 1000, series: [{ id: 'a', label: 'He', iterations: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], costs: [0.9, 0.8, 0.7, 0.65, 0.6, 0.58, 0.56, 0.55, 0.54, 0.53, 0.52] }] };

  it('keeps the x domain at [0, totalIterations] so a live run grows from the left', () => {
    const o = costCurve(live, {});
    const svg = renderSvg(o);
    expect(texts(svg)).toContain('1,000');
    const d = groups(svg, 'line')[0].querySelector('path')!.getAttribute('d')!;
    const frameRight = defaults.width - defaults.marginRight;
    expect(maxX(d) - defaults.marginLeft).toBeLessThan(0.11 * (frameRight - defaults.marginLeft));
    expect(texts(svg).filter((t) => ['zeros', 'He'].includes(t))).toEqual([]); // one series: no legend
  });

  it('marks a divergence with × and "diverged at iteration k"', () => {
    const svg = renderSvg(costCurve({ ...live, series: [{ ...live.series[0], divergedAt: 104 }] }, { yScale: 'log' }));
    expect(texts(svg)).toContain('diverged at iteration 104');
    const marker = groups(svg, 'dot').find((g) => g.getAttribute('stroke-width') === '3')!;
    expect(marker.querySelectorAll('path')).toHaveLength(1);
  });

  it('draws a dashed, labelled threshold rule', () => {
    const svg = renderSvg(costCurve(live, { threshold: 0.6 }));
    expect(groups(svg, 'rule').some((g) => g.getAttribute('stroke-dasharray') === '5,4')).toBe(true);
    expect(texts(svg)).toContain('cost = 0.6');
    expect(texts(renderSvg(costCurve(live, { threshold: 0.6, thresholdLabel: 'target' })))).toContain('target');
  });

  it('copes with costs of 0, NaN and ∞ on a log axis: clamps to the floor, never prints NaN', () => {
    const bad: CostCurveData = { totalIterations: 50, series: [{ id: 'x', label: 'x', iterations: [0, 10, 20, 30, 40], costs: [0.7, 1e-3, 0, NaN, Infinity] }] };
    for (const yScale of ['log', 'linear'] as const) {
      const svg = renderSvg(costCurve(bad, { yScale, threshold: 0 }));
      expect(svg).not.toMatch(/NaN|Infinity|⚠/);
    }
    const svg = renderSvg(costCurve(bad, { yScale: 'log' }));
    expect(texts(svg)).toContain('10⁻⁸');
    expect((costCurve(bad, { yScale: 'log' }).y as { domain: number[] }).domain[0]).toBeLessThan(1e-8);
    // 0.7, 1e-3 and 0 (drawn at the 1e-8 floor): two segments.
    expect(segments(groups(svg, 'line')[0])).toBe(2);
    expect(costCurveCaption(bad)).toBe('Cost (binary cross-entropy) over 50 iterations: x goes from 0.7 at iteration 0 to 0 at iteration 20.');
  });

  it('handles no series and no data', () => {
    expect(renderSvg(costCurve({ totalIterations: 0, series: [] }))).not.toMatch(/NaN/);
    expect(costCurveCaption({ totalIterations: 10, series: [] })).toBe('No cost recorded yet.');
    expect(costCurveTable({ totalIterations: 10, series: [] })).toEqual({ columns: ['iteration'], rows: [] });
  });

  it('subsamples long runs in the table and says so', () => {
    const n = 1001;
    const long: CostCurveData = { totalIterations: 100_000, series: [{ id: 'a', label: 'a', iterations: Array.from({ length: n }, (_, i) => i * 100), costs: Array.from({ length: n }, (_, i) => 1 / (i + 1)) }] };
    const t = costCurveTable(long);
    expect(t.rows.length).toBeLessThanOrEqual(defaults.maxTableRows + 1);
    expect(t.rows.at(-1)![0]).toBe(100_000);
    expect(t.note).toMatch(/^Every 17th record and the last/);
  });
});
