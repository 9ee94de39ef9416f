import { describe, expect, it } from 'vitest';
import { defaults, gradientFlow, gradientFlowCaption, gradientFlowTable, type GradientFlowData } from '../../src/charts/gradient-flow.ts';
import { renderSvg } from '../../src/charts/render.ts';
import { depthColors } from '../../src/charts/theme.ts';
import { flowRun, groups, renderChart, runs, segments, texts } from './fixtures.ts';

const flow = (): GradientFlowData => ({ iterations: flowRun().history.iterations, norms: flowRun().history.gradientNorms, vanishingBelow: 1e-5, explodingAbove: 100 });

describe('gradientFlow', () => {
  it('draws one line per layer in depth colours with a "layer l" legend, log y', () => {
    const d = flow();
    const svg = renderChart(gradientFlow(d));
    const lines = groups(svg, 'line');
    expect(lines).toHaveLength(5);
    expect(lines.map((g) => g.getAttribute('stroke'))).toEqual(depthColors(5));
    for (const g of lines) expect(segments(g)).toBe(d.iterations.length - 1);
    const t = texts(svg);
    for (let l = 1; l <= 5; l++) expect(t).toContain(`layer ${l}`);
    expect(t).toContain('↑ ‖dW[l]‖ (Frobenius norm), log scale');
    expect(t).toContain('iteration →');
    expect(svg).not.toMatch(/NaN|⚠|<figure/);
  });

  it('shades and labels the vanishing and exploding ranges, keeping both in view', () => {
    const o = gradientFlow(flow());
    const [lo, hi] = (o.y as { domain: [number, number] }).domain;
    expect(lo).toBeLessThanOrEqual(1e-6);
    expect(hi).toBeGreaterThanOrEqual(1e3);
    const svg = renderSvg(o);
    expect(groups(svg, 'rect')).toHaveLength(2);
    const t = texts(svg);
    expect(t).toContain('vanishing: below 10⁻⁵');
    expect(t).toContain('exploding: above 100');
    expect(t.some((s) => /^10[⁻⁰-⁹]+$/.test(s) || s === '0.001')).toBe(true);
  });

  it('fixes the x domain when totalIterations is given, so a live run grows', () => {
    const o = gradientFlow(flow(), { totalIterations: 5000 });
    expect((o.x as { domain: number[] }).domain).toEqual([0, 5000]);
    expect(texts(renderSvg(o))).toContain('5,000');
  });

  it('says so when layers are exactly 0 throughout (zero initialization)', () => {
    const zr = runs()[0].run;
    const d: GradientFlowData = { iterations: zr.history.iterations, norms: zr.history.gradientNorms, vanishingBelow: 1e-6, explodingAbove: 1e3 };
    const svg = renderSvg(gradientFlow(d));
    expect(svg).not.toMatch(/NaN/);
    expect(texts(svg)).toContain('layers 1, 2, 3 are exactly 0 throughout (not drawable on a log axis)');
    expect(gradientFlowCaption(d)).toContain('is 0 in every layer');
    expect(gradientFlowCaption(d)).toContain('layers 1, 2, 3 are exactly 0 throughout');
  });

  it('copes with NaN, ∞, 0 and bad thresholds without printing NaN', () => {
    const d: GradientFlowData = { iterations: [0, 10, 20], norms: [[1, NaN], [Infinity, 0], [1e-40, 1e40]], vanishingBelow: NaN, explodingAbove: -1 };
    const svg = renderSvg(gradientFlow(d));
    expect(svg).not.toMatch(/NaN|Infinity|⚠/);
    expect(groups(svg, 'rect')).toHaveLength(0);
  });

  it('is deterministic', () => {
    expect(renderSvg(gradientFlow(flow()))).toBe(renderSvg(gradientFlow(flow())));
  });

  it('caption gives the spread at the first and last record and the ranges reached', () => {
    const c = gradientFlowCaption({ iterations: [0, 100], norms: [[1e-3, 1], [1e-7, 1e4]], vanishingBelow: 1e-6, explodingAbove: 1e3 });
    expect(c).toBe('‖dW[l]‖ of 2 layers at iteration 0 goes from 0.001 (layer 1) to 1 (layer 2), and at iteration 100 goes from 10⁻⁷ (layer 1) to 10,000 (layer 2). '
      + 'At the last record the vanishing range (below 10⁻⁶) holds layer 1 and the exploding range (above 1,000) holds layer 2.');
    expect(gradientFlowCaption({ iterations: [], norms: [], vanishingBelow: 1, explodingAbove: 2 })).toBe('No gradient norms recorded yet.');
  });

  it('table has iteration and one column per layer, subsampled', () => {
    const t = gradientFlowTable(flow());
    expect(t.columns).toEqual(['iteration', '‖dW[1]‖', '‖dW[2]‖', '‖dW[3]‖', '‖dW[4]‖', '‖dW[5]‖']);
    expect(t.rows).toHaveLength(30);
    expect(t.note).toBeUndefined();
    const long = gradientFlowTable({ iterations: Array.from({ length: 500 }, (_, i) => i), norms: Array.from({ length: 500 }, () => [1, 2]), vanishingBelow: 1e-6, explodingAbove: 1e3 });
    expect(long.rows.length).toBeLessThanOrEqual(defaults.maxTableRows + 1);
    expect(long.note).toMatch(/^Every 9th record/);
  });
});
