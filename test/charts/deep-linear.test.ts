import { describe, expect, it } from 'vitest';
import { deepLinear, deepLinearCaption, deepLinearTable, type DeepLinearData } from '../../src/charts/deep-linear.ts';
import { renderSvg } from '../../src/charts/render.ts';
import { categorical } from '../../src/charts/theme.ts';
import { deepLinearGradients, planar } from '../../src/engine/index.ts';
import { dataDots, groups, renderChart, texts } from './fixtures.ts';

const data = planar.generate({ m: 200 });
const run = (a: number, L: number): DeepLinearData => deepLinearGradients(a, L, data.X, data.X, 2, data.m);

describe('deepLinear', () => {
  it('draws forward, backward and gradient norms as dots (measured) and lines (closed form), coloured by quantity', () => {
    const d = run(1.5, 10);
    const svg = renderChart(deepLinear(d));
    const dots = dataDots(svg);
    expect(dots.map((g) => g.getAttribute('fill'))).toEqual(categorical.slice(0, 3));
    for (const g of dots) expect(g.querySelectorAll('circle')).toHaveLength(10);
    const lines = groups(svg, 'line');
    expect(lines.map((g) => g.getAttribute('stroke'))).toEqual(categorical.slice(0, 3));
    const t = texts(svg);
    for (const label of ['‖A[l]‖ forward signal', '‖dZ[l]‖ backward signal', '‖dW[l]‖ weight gradient', 'dots: measured', 'lines: closed form']) expect(t).toContain(label);
    expect(t).toContain('↑ norm (Frobenius), log scale');
    expect(svg).not.toMatch(/NaN|<figure/);
  });

  it('makes room for a legend that wraps to two rows', () => {
    const o = deepLinear(run(1.5, 10));
    expect(o.marginTop).toBeGreaterThan(18 + 17 + 10);
  });

  it('says each quantity\'s range and that measurement and closed form agree', () => {
    const d = run(1.5, 4);
    const caption = deepLinearCaption(d);
    expect(caption).toMatch(/^The forward signal ‖A\[l\]‖ goes from [\d.,]+ at layer 1 to [\d.,]+ at layer 4; the backward signal ‖dZ\[l\]‖ goes from/);
    expect(caption).toMatch(/the weight gradient ‖dW\[l\]‖ is [\d.,]+ at every layer\./);
    expect(caption).toContain('agree to within 10⁻⁶ (relative) at every layer');
  });

  it('tabulates one row per layer with measured and closed-form columns', () => {
    const d = run(0.5, 3);
    const table = deepLinearTable(d);
    expect(table.columns).toEqual(['layer l', '‖A[l]‖ measured', '‖A[l]‖ closed form', '‖dZ[l]‖ measured', '‖dZ[l]‖ closed form', '‖dW[l]‖ measured', '‖dW[l]‖ closed form']);
    expect(table.rows.map((r) => r[0])).toEqual([1, 2, 3]);
    expect(table.rows[1][1]).toBe(Number(d.forwardMeasured[1].toPrecision(4)));
    expect(table.note).toBeUndefined();
  });

  it('counts values a log axis cannot draw, and never prints NaN', () => {
    const d = { ...run(1, 3), measured: [0, NaN, Infinity] };
    const svg = renderSvg(deepLinear(d));
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(texts(svg)).toContain('3 values not drawn (0 or not finite)');
    expect(deepLinearCaption(d)).toContain('3 values not drawn (0 or not finite) on the log axis.');
    expect(deepLinearTable(d).note).toMatch(/not drawn on the log axis/);
  });
});
