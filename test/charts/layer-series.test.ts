import { describe, expect, it } from 'vitest';
import { drawable, droppedNote, largestRelativeGap, layerSeriesChart, range } from '../../src/charts/layer-series.ts';
import { renderSvg } from '../../src/charts/render.ts';
import { parseSvg, texts } from './fixtures.ts';

describe('layer-series helpers', () => {
  it('keeps only values a log axis can draw, with their layer numbers', () => {
    expect(drawable([1, 0, -1, NaN, Infinity, 2])).toEqual({ points: [{ l: 1, v: 1 }, { l: 6, v: 2 }], dropped: 4 });
    expect(droppedNote(0)).toBe('');
    expect(droppedNote(1)).toBe('1 value not drawn (0 or not finite)');
  });

  it('finds the largest relative gap where both values are drawable', () => {
    expect(largestRelativeGap([1, 2, 0], [1, 1, 5])).toEqual({ gap: 1, l: 2 });
    expect(largestRelativeGap([0], [1])).toBeNull();
  });

  it('describes a series as a verb phrase', () => {
    expect(range([1, 2])).toBe('goes from 1 at layer 1 to 2 at layer 2');
    expect(range([3, 3, 0])).toBe('is 3 at every drawn layer');
    expect(range([5])).toBe('is 5 at layer 1');
    expect(range([0])).toBe('has no value above 0');
  });

  it('ticks layers as integers, thinning them for deep networks', () => {
    const values = Array.from({ length: 64 }, (_, i) => i + 1);
    const o = layerSeriesChart([{ label: 'a', values, color: '#0072B2', style: 'dot' }], { width: 640, height: 300, yLabel: 'y', ariaLabel: 'a' });
    const svg = renderSvg(o);
    const xTicks = [...parseSvg(svg).root.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((e) => e.textContent);
    expect(xTicks).toEqual(['1', '10', '20', '30', '40', '50', '60']);
    expect(texts(svg)).toContain('layer l →');
  });
});
