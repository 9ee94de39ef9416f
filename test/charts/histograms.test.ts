import { describe, expect, it } from 'vitest';
import { histograms, histogramsCaption, histogramsTable, type HistogramsData } from '../../src/charts/histograms.ts';
import { renderSvg } from '../../src/charts/render.ts';
import { groups, histogramData, renderChart, texts } from './fixtures.ts';

describe('histograms', () => {
  const d = histogramData();

  it('draws one panel per layer with one bar per bin, titled "layer l"', () => {
    const svg = renderChart(histograms(d));
    const bars = groups(svg, 'rect')[0];
    expect(bars.querySelectorAll('rect')).toHaveLength(5 * 40);
    const t = texts(svg);
    for (let l = 1; l <= 5; l++) expect(t).toContain(`layer ${l}`);
    expect(t).toContain('activation a →');
    expect(t).toContain('↑ share of units × examples (%)');
    expect(svg).not.toMatch(/NaN|⚠|<figure/);
  });

  it('normalizes counts to shares: each layer’s bars sum to 100 %', () => {
    const t = histogramsTable(d);
    for (let c = 2; c < t.columns.length; c++) {
      expect(t.rows.reduce((s, r) => s + (r[c] as number), 0)).toBeCloseTo(100, 1);
    }
  });

  it('wraps many layers into rows of panels', () => {
    const many: HistogramsData = { layers: Array.from({ length: 8 }, (_, i) => ({ l: i + 1, histogram: { lo: -1, hi: 1, counts: [1, 2, 3, 2, 1], std: 0.4 } })) };
    const one = histograms({ layers: many.layers.slice(0, 1) });
    const wrapped = histograms(many);
    expect(wrapped.height!).toBeGreaterThan(one.height!);
    expect(histograms(many, { columns: 2 }).height!).toBeGreaterThan(wrapped.height!);
    expect(texts(renderSvg(wrapped))).toContain('layer 8');
  });

  it('copes with empty or non-finite counts without printing NaN', () => {
    const bad: HistogramsData = { layers: [{ l: 1, histogram: { lo: 0, hi: 1, counts: [0, 0], std: NaN } }, { l: 2, histogram: { lo: 0, hi: 1, counts: [NaN, 3], std: 0 } }] };
    expect(renderSvg(histograms(bad))).not.toMatch(/NaN|⚠/);
    expect(histogramsCaption(bad)).not.toMatch(/NaN/);
  });

  it('rejects a histogram without bins or with lo ≥ hi', () => {
    expect(() => histograms({ layers: [{ l: 1, histogram: { lo: 1, hi: 1, counts: [1], std: 0 } }] })).toThrow(RangeError);
    expect(() => histograms({ layers: [{ l: 1, histogram: { lo: 0, hi: 1, counts: [], std: NaN } }] })).toThrow(RangeError);
  });

  it('is deterministic', () => {
    expect(renderSvg(histograms(d))).toBe(renderSvg(histograms(d)));
  });

  it('caption gives the spread (the values\' own standard deviation, not the bins\') and the share in the end bins, first vs last layer', () => {
    const c = histogramsCaption({ layers: [
      { l: 1, histogram: { lo: -1, hi: 1, counts: [0, 1, 1, 0], std: 0.0325 } },
      { l: 2, histogram: { lo: -1, hi: 1, counts: [0, 1, 1, 0], std: 3.2e-9 } },
    ] });
    expect(c).toBe('Activations of 2 layers (4 bins over [−1, 1] for layer 1): the standard deviation goes from about 0.0325 in layer 1 to about 3.2 × 10⁻⁹ in layer 2, and the share in the two end bins from 0 % to 0 %.');
    expect(histogramsCaption({ layers: [{ l: 3, histogram: { lo: 0, hi: 1, counts: [0, 0], std: NaN } }] }))
      .toBe('Activations of layer 3 (2 bins over [0, 1]): standard deviation not defined (no finite value), 0 % of values in the two end bins.');
    expect(histogramsCaption(d)).toMatch(/^Activations of 5 layers \(40 bins over \[−1, 1\] for layer 1\)/);
  });

  it('table: one row per bin and a column per layer, or long form when bins differ', () => {
    const t = histogramsTable(d);
    expect(t.columns).toEqual(['bin from', 'bin to', 'layer 1 (%)', 'layer 2 (%)', 'layer 3 (%)', 'layer 4 (%)', 'layer 5 (%)']);
    expect(t.rows).toHaveLength(40);
    expect(t.rows[0].slice(0, 2)).toEqual([-1, -0.95]);
    const mixed = histogramsTable({ layers: [{ l: 1, histogram: { lo: 0, hi: 1, counts: [1, 1], std: 0.25 } }, { l: 2, histogram: { lo: 0, hi: 2, counts: [1], std: 0 } }] });
    expect(mixed).toEqual({ columns: ['layer', 'bin from', 'bin to', 'share (%)'], rows: [[1, 0, 0.5, 50], [1, 0.5, 1, 50], [2, 0, 2, 100]] });
  });
});
