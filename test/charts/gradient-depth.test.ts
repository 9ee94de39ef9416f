import { describe, expect, it } from 'vitest';
import { gradientDepth, gradientDepthCaption, gradientDepthTable } from '../../src/charts/gradient-depth.ts';
import { renderSvg } from '../../src/charts/render.ts';
import { categorical } from '../../src/charts/theme.ts';
import { dataDots, depthData, groups, renderChart, segments, texts } from './fixtures.ts';

/** 30 layers whose norms run from 10⁻³⁰ to 10³⁰ — the range the lesson's sliders can reach. */
const wide = () => {
  const measured = Array.from({ length: 31 }, (_, i) => 10 ** (2 * i - 30));
  return { measured, closedForm: measured.map((v) => v * 1.000001) };
};

describe('gradientDepth', () => {
  it('draws measured norms as dots and the closed form as one line, on a log axis', () => {
    const d = depthData();
    const svg = renderChart(gradientDepth(d));
    const dots = dataDots(svg);
    expect(dots).toHaveLength(1);
    expect(dots[0].getAttribute('fill')).toBe(categorical[0]);
    expect(dots[0].querySelectorAll('circle')).toHaveLength(60);
    const lines = groups(svg, 'line');
    expect(lines).toHaveLength(1);
    expect(lines[0].getAttribute('stroke')).toBe(categorical[1]);
    expect(segments(lines[0])).toBe(59);
    const t = texts(svg);
    expect(t).toContain('↑ ‖dW[l]‖ (Frobenius norm), log scale');
    expect(t).toContain('layer l →');
    expect(t).toContain('measured (backprop)');
    expect(t).toContain('closed form');
    expect(svg).not.toMatch(/NaN|⚠|<figure/);
  });

  it('spans 10⁻³⁰ … 10³⁰ with power-of-ten tick labels', () => {
    const svg = renderSvg(gradientDepth(wide()));
    const t = texts(svg);
    expect(t).toContain('10⁻³⁰');
    expect(t).toContain('10³⁰');
    expect(t.filter((s) => /^10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+$/.test(s)).length).toBeGreaterThanOrEqual(4);
  });

  it('drops zeros, negatives, NaN and ∞ with a note, never printing NaN', () => {
    const d = { measured: [1e-3, 0, NaN, 1e-9, Infinity, -1], closedForm: [1e-3, 1e-5, 1e-7, 1e-9, 1e-11, 1e-13] };
    const svg = renderSvg(gradientDepth(d));
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(dataDots(svg)[0].querySelectorAll('circle')).toHaveLength(2);
    expect(texts(svg)).toContain('4 values not drawn (0 or not finite)');
    expect(gradientDepthCaption(d)).toContain('4 values not drawn (0 or not finite) on the log axis.');
    expect(gradientDepthTable(d).note).toMatch(/not drawn on the log axis/);
    const none = renderSvg(gradientDepth({ measured: [0, 0], closedForm: [0, NaN] }));
    expect(none).not.toMatch(/NaN/);
  });

  it('is deterministic', () => {
    expect(renderSvg(gradientDepth(wide()))).toBe(renderSvg(gradientDepth(wide())));
  });

  it('caption states the values and how closely the closed form matches', () => {
    expect(gradientDepthCaption(depthData())).toBe(
      'Measured ‖dW[l]‖ is 7.99 × 10²⁸ at every layer; the closed form is 7.99 × 10²⁸ at every layer. The two agree to within 10⁻⁶ (relative) at every layer.',
    );
    const c = gradientDepthCaption({ measured: [1, 0.5, 0.25], closedForm: [1, 0.5, 0.2] });
    expect(c).toBe('Measured ‖dW[l]‖ goes from 1 at layer 1 to 0.25 at layer 3; the closed form goes from 1 at layer 1 to 0.2 at layer 3. They differ by at most 25 % (layer 3).');
  });

  it('table has one row per layer', () => {
    const t = gradientDepthTable(depthData());
    expect(t.columns).toEqual(['layer l', 'measured (backprop) ‖dW[l]‖', 'closed form ‖dW[l]‖']);
    expect(t.rows).toHaveLength(60);
    expect(t.rows[59][0]).toBe(60);
    expect(t.rows[0][1]).toBe(Number(depthData().measured[0].toPrecision(4)));
    expect(t.note).toBeUndefined();
  });
});
