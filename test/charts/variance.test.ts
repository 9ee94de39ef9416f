import { describe, expect, it } from 'vitest';
import { variance, varianceCaption, varianceTable } from '../../src/charts/variance.ts';
import { renderSvg } from '../../src/charts/render.ts';
import { categorical } from '../../src/charts/theme.ts';
import { dataDots, groups, renderChart, texts, varianceData } from './fixtures.ts';

describe('variance', () => {
  const d = varianceData();

  it('draws measured dots, predicted hollow circles on a line, a legend, on a log axis', () => {
    const svg = renderChart(variance(d));
    const dots = dataDots(svg);
    expect(dots).toHaveLength(2);
    const hollow = dots.find((g) => g.getAttribute('fill') === 'none')!;
    const filled = dots.find((g) => g.getAttribute('fill') === categorical[0])!;
    expect(hollow.getAttribute('stroke')).toBe(categorical[1]);
    expect(hollow.querySelectorAll('circle')).toHaveLength(6);
    expect(filled.querySelectorAll('circle')).toHaveLength(6);
    expect(groups(svg, 'line')).toHaveLength(1);
    const t = texts(svg);
    expect(t).toContain('↑ Var(z[l]) (variance of pre-activations), log scale');
    expect(t).toContain('layer l →');
    expect(t).toContain('measured');
    expect(t).toContain('predicted by the variance rule');
    for (const tick of ['0.1', '1']) expect(t).toContain(tick);
    expect(svg).not.toMatch(/NaN|⚠/);
  });

  it('accepts a custom y label', () => {
    expect(texts(renderSvg(variance(d, { yLabel: 'Var(a[l])' })))).toContain('↑ Var(a[l]), log scale');
  });

  it('copes with zero, NaN and ∞ variances', () => {
    const bad = { measured: [1, 0, NaN, Infinity], predicted: [1, 0.5, 0, 0.1] };
    const svg = renderSvg(variance(bad));
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(texts(svg)).toContain('4 values not drawn (0 or not finite)');
    expect(varianceTable(bad).rows[2]).toEqual([3, 'not a number', 0, '']);
  });

  it('is deterministic', () => {
    expect(renderSvg(variance(d))).toBe(renderSvg(variance(d)));
  });

  it('caption gives both ranges and the largest gap', () => {
    const c = varianceCaption({ measured: [4, 1, 0.5], predicted: [4, 1.25, 0.5] });
    expect(c).toBe('Measured variance goes from 4 at layer 1 to 0.5 at layer 3; the prediction goes from 4 at layer 1 to 0.5 at layer 3. The measurement is within 20 % of the prediction at every layer (largest gap at layer 2).');
    expect(varianceCaption(d)).toMatch(/^Measured variance goes from 4\.2 at layer 1 to 0\.062 at layer 6/);
  });

  it('table has measured, predicted and their ratio per layer', () => {
    const t = varianceTable({ measured: [4, 1], predicted: [2, 1] });
    expect(t).toEqual({ columns: ['layer l', 'measured', 'predicted', 'measured / predicted'], rows: [[1, 4, 2, 2], [2, 1, 1, 1]] });
  });
});
