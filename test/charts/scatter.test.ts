import { describe, expect, it } from 'vitest';
import { defaults, scatter, scatterCaption, scatterTable, type ScatterData } from '../../src/charts/scatter.ts';
import { renderSvg } from '../../src/charts/render.ts';
import { classColors } from '../../src/charts/theme.ts';
import { data, dataDots, parseSvg, pathDots, renderChart, runs, texts } from './fixtures.ts';

const twoPanels = (): ScatterData => {
  const d = data();
  const he = runs()[1].run;
  return { X: d.X, m: d.m, panels: [{ title: 'actual', labels: d.Y }, { title: 'predicted', subtitle: `accuracy ${he.report.accuracy.toFixed(3)}`, labels: he.predictions }] };
};
const fourPanels = (): ScatterData => {
  const d = data();
  return {
    X: d.X, m: d.m,
    panels: [{ title: 'actual', labels: d.Y }, ...runs().map(({ label, run }) => ({ title: label, subtitle: `accuracy ${run.report.accuracy.toFixed(3)}`, labels: run.predictions }))],
  };
};

/** Number of dots in a data-point group: its path layers (one per facet) or itself. */
const circlesIn = (g: Element) => [...g.querySelectorAll('g[data-fill]')].concat(g.matches('[data-fill]') ? [g] : []).reduce((n, layer) => n + pathDots(layer), 0);
const count = (svg: string) => dataDots(svg).reduce((n, g) => n + circlesIn(g), 0);
/** Radius of the dots: half the stroke width of the top (fill) path. */
const radius = (svg: string) => String(Number([...dataDots(svg)[0].querySelectorAll('path')].at(-1)?.parentElement?.getAttribute('stroke-width')) / 2);

describe('scatter', () => {
  it('draws m circles per panel, coloured by class, in one svg with the aria-label', () => {
    const d = twoPanels();
    const options = scatter(d);
    const svg = renderChart(options);
    expect(options.ariaLabel).toBe('Scatter plot of 200 points in 2 panels: actual, predicted');
    expect(count(svg)).toBe(2 * d.m);
    const byClass = dataDots(svg).map((g) => [g.getAttribute('data-fill') ?? g.querySelector('g[data-fill]')?.getAttribute('data-fill'), circlesIn(g)]);
    // Faceted marks: one outer group per mark, one inner group (carrying the fill) per panel, each a single path.
    const actual0 = Array.from(d.panels[0].labels).filter((v) => v === 0).length;
    const pred0 = Array.from(d.panels[1].labels).filter((v) => v === 0).length;
    const total = (color: string) => byClass.filter(([c]) => c === color).reduce((n, [, k]) => n + Number(k), 0);
    expect(total(classColors[0])).toBe(actual0 + pred0);
    expect(total(classColors[1])).toBe(2 * d.m - actual0 - pred0);
    expect(svg).not.toMatch(/NaN|⚠|<figure/);
  });

  it('labels the panels, the axes x₁ and x₂, and the classes', () => {
    const svg = renderSvg(scatter(twoPanels()));
    const t = texts(svg);
    expect(t).toContain('actual');
    expect(t.some((s) => s.includes('predicted') && s.includes('accuracy 0.'))).toBe(true);
    expect(t).toContain('x₁ →');
    expect(t.some((s) => s.includes('x₂'))).toBe(true);
    expect(t).toContain('class 0');
    expect(t).toContain('class 1');
  });

  it('keeps an equal aspect ratio: one x unit is as long as one y unit', () => {
    const o = scatter(fourPanels(), { width: 720 });
    expect(o.aspectRatio).toBe(1);
    const svg = renderSvg(o);
    expect(count(svg)).toBe(4 * data().m);
    // Smaller dots for small multiples.
    expect(radius(svg)).toBe(String(defaults.rSmall));
    expect(radius(renderSvg(scatter(twoPanels())))).toBe(String(defaults.rLarge));
    const height = Number(parseSvg(svg).root.getAttribute('height'));
    expect(height).toBeGreaterThan(150);
    expect(height).toBeLessThan(360);
  });

  it('is deterministic', () => {
    expect(renderSvg(scatter(fourPanels()))).toBe(renderSvg(scatter(fourPanels())));
  });

  it('skips non-finite points and labels other than 0/1', () => {
    const d: ScatterData = { X: [0, NaN, 2, 0, 1, Infinity], m: 3, panels: [{ title: 'a', labels: [0, 1, 7] }] };
    const svg = renderSvg(scatter(d));
    expect(count(svg)).toBe(1);
    expect(svg).not.toMatch(/NaN/);
  });

  it('rejects mismatched sizes', () => {
    expect(() => scatter({ X: [1, 2], m: 2, panels: [] })).toThrow(RangeError);
    expect(() => scatter({ X: [1, 2, 3, 4], m: 2, panels: [{ title: 'a', labels: [1] }] })).toThrow(/panel 0/);
  });

  it('caption names m, each panel’s class counts and accuracy', () => {
    const d = fourPanels();
    const c = scatterCaption(d);
    expect(c).toMatch(/^200 points in the plane \(x₁, x₂\) coloured by class, in 4 panels: actual \(100 class 0, 100 class 1\);/);
    for (const p of d.panels.slice(1)) expect(c).toContain(`${p.title}, ${p.subtitle}`);
  });

  it('table lists coordinates and every panel’s label, every k-th point', () => {
    const d = fourPanels();
    const t = scatterTable(d);
    expect(t.columns).toEqual(['x₁', 'x₂', 'actual', 'zeros', 'He', 'large random']);
    expect(t.rows).toHaveLength(101);
    expect(t.rows[0]).toEqual([Number(d.X[0].toPrecision(4)), Number(d.X[d.m].toPrecision(4)), d.panels[0].labels[0], d.panels[1].labels[0], d.panels[2].labels[0], d.panels[3].labels[0]]);
    expect(t.note).toBe('Every 2nd point and the last (101 of 200 rows).');
  });
});
