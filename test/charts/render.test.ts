import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/charts/render.ts';
import { costCurve } from '../../src/charts/cost-curve.ts';
import { decisionBoundary } from '../../src/charts/decision-boundary.ts';
import { boundaryData, costData, parseSvg } from './fixtures.ts';

const simple = (extra: Partial<Plot.PlotOptions> = {}): Plot.PlotOptions => ({
  width: 300, height: 200, ariaLabel: 'A test line', marks: [Plot.lineY([1, 3, 2])], ...extra,
});

describe('renderSvg', () => {
  it('returns one <svg role="img"> with the aria-label and description', () => {
    const svg = renderSvg(simple({ ariaDescription: 'rises then falls' }));
    const { root, document } = parseSvg(svg);
    expect(document.body.children).toHaveLength(1);
    expect(root.tagName.toLowerCase()).toBe('svg');
    expect(root.getAttribute('role')).toBe('img');
    expect(root.getAttribute('aria-label')).toBe('A test line');
    expect(root.getAttribute('aria-description')).toBe('rises then falls');
  });

  it('scales responsively: viewBox from Plot’s size, width 100%, height auto', () => {
    const { root } = parseSvg(renderSvg(simple()));
    expect(root.getAttribute('viewBox')).toBe('0 0 300 200');
    expect(root.getAttribute('width')).toBe('300');
    expect(root.getAttribute('height')).toBe('200');
    expect(root.getAttribute('style')).toMatch(/width: 100%; height: auto/);
  });

  it('keeps the builder’s own inline style (font size) and follows the page background', () => {
    const style = parseSvg(renderSvg(simple({ style: { fontSize: '11px' } }))).root.getAttribute('style')!;
    expect(style).toMatch(/font-size:\s*11px/);
    expect(style).toContain('--plot-background: var(--bg');
  });

  it('never wraps the svg in a <figure>, even with title, caption or a legend', () => {
    const svg = renderSvg(simple({ title: 'T', subtitle: 'S', caption: 'C', color: { legend: true }, marks: [Plot.dot([1, 2], { x: (d: number) => d, fill: (d: number) => d })] }));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toMatch(/<figure|<figcaption|<h2|<h3/);
  });

  it('is deterministic, including rasters and clip-path ids', () => {
    const options = decisionBoundary(boundaryData());
    const a = renderSvg(options);
    const b = renderSvg(options);
    expect(a).toBe(b);
    expect(a).toMatch(/clip-path="url\(#chart-[0-9a-z]+-1\)"/);
    expect(a).not.toMatch(/plot-clip-\d/);
    expect(renderSvg(costCurve(costData(), { yScale: 'log' }))).toBe(renderSvg(costCurve(costData(), { yScale: 'log' })));
  });

  it('gives different charts different ids', () => {
    const one = renderSvg(decisionBoundary(boundaryData()));
    const two = renderSvg(decisionBoundary({ ...boundaryData(), title: 'other' }));
    const id = (s: string) => /id="(chart-[0-9a-z]+)-1"/.exec(s)?.[1];
    expect(id(one)).toBeTruthy();
    expect(id(one)).not.toBe(id(two));
  });

  it('renders Plot.raster to an embedded PNG without a browser', () => {
    const svg = renderSvg(simple({ marks: [Plot.raster([0, 1, 2, 3], { width: 2, height: 2, x1: 0, x2: 2, y1: 0, y2: 2, fill: (d: number) => ['red', 'green', 'blue', 'black'][d] })] }));
    expect(svg).toMatch(/<image[^>]+href="data:image\/png;base64,iVBORw0KGgo/);
  });

  it('rounds pixel geometry to 0.01 px but leaves text alone', () => {
    const svg = renderSvg(simple({ marks: [Plot.dot([1 / 3], { x: (d: number) => d, y: 0.123456 }), Plot.text(['0.74251'], { x: 0.5, y: 0.5 })] }));
    expect(svg).not.toMatch(/(cx|cy|transform|d)="[^"]*\d\.\d{3,}/);
    expect(svg).toContain('>0.74251<');
  });

  it('reports Plot errors', () => {
    expect(() => renderSvg({ marks: [Plot.dot([1], { x: (d: number) => d })], x: { type: 'nonsense' as never } })).toThrow();
  });
});
