import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { legendAbove, legendMarks, legendRows, textWidth, type LegendItem } from '../../src/charts/legend.ts';
import { renderSvg } from '../../src/charts/render.ts';
import { texts } from './fixtures.ts';

describe('legend', () => {
  const items: LegendItem[] = ['zeros', 'large random', 'He', 'LeCun', 'Glorot', 'normal'].map((label, i) => ({
    label, color: ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#9440E8', '#D42A5A'][i], swatch: 'line',
  }));

  it('wraps into more rows when narrow', () => {
    expect(legendRows([], 300)).toBe(0);
    expect(legendRows(items, 2000)).toBe(1);
    expect(legendRows(items, 150)).toBeGreaterThan(2);
    expect(textWidth('abcd')).toBeGreaterThan(textWidth('ab'));
  });

  it('makes room above the frame for the rows it needs', () => {
    const box = { width: 400, marginLeft: 40, marginRight: 20 };
    expect(legendAbove([], box)).toEqual({ marginTop: 26, marks: [] });
    expect(legendAbove(items, { ...box, width: 2000 }).marginTop).toBeLessThan(legendAbove(items, box).marginTop);
  });

  it('draws a swatch and a label per entry inside the svg', () => {
    const svg = renderSvg({
      width: 400, height: 120, marginTop: 40, marginLeft: 40,
      marks: [Plot.ruleY([0]), ...legendMarks(items.slice(0, 3), { left: 40, top: 4, width: 360, marginLeft: 40, marginTop: 40 })],
    });
    for (const label of ['zeros', 'large random', 'He']) expect(texts(svg)).toContain(label);
    expect(svg.match(/stroke="#0072B2"/g)?.length).toBe(1);
    expect(svg).not.toContain('<figure');
  });
});
