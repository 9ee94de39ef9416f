import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  decisionBoundary, decisionBoundaryCaption, decisionBoundaryLegend, decisionBoundaryTable, defaults, type DecisionBoundaryData,
} from '../../src/charts/decision-boundary.ts';
import { renderSvg } from '../../src/charts/render.ts';
import { classColors, probabilityMaxOpacity } from '../../src/charts/theme.ts';
import { boundaryData, groups, parseSvg, pathDots, renderChart, texts } from './fixtures.ts';

/** Decodes the raster's embedded PNG into width, height and RGBA rows (top row first). */
function rasterPixels(svg: string): { w: number; h: number; px: (x: number, y: number) => number[] } {
  const href = /href="data:image\/png;base64,([^"]+)"/.exec(svg)![1];
  const png = Buffer.from(href, 'base64');
  const w = png.readUInt32BE(16);
  const h = png.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let o = 8; o < png.length;) {
    const len = png.readUInt32BE(o);
    if (png.toString('latin1', o + 4, o + 8) === 'IDAT') idat.push(png.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  return { w, h, px: (x, y) => [...raw.subarray(y * (4 * w + 1) + 1 + 4 * x, y * (4 * w + 1) + 5 + 4 * x)] };
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

describe('decisionBoundary', () => {
  const d = boundaryData();

  it('renders a raster of P(y = 1), the 0.5 contour and every point outlined, in one svg', () => {
    const options = decisionBoundary(d);
    const svg = renderChart(options);
    expect(options.ariaLabel).toContain('He');
    expect(parseSvg(svg).root.querySelectorAll('image')).toHaveLength(1);
    expect(groups(svg, 'contour')).toHaveLength(1);
    const dots = groups(svg, 'dot');
    // Each class is one group: an outline path underneath and a fill path, one sub-path per point.
    expect(dots.reduce((n, g) => n + pathDots(g), 0)).toBe(d.m);
    expect(dots.map((g) => g.getAttribute('data-fill'))).toEqual([...classColors]);
    // Every point outlined: the outline layer is a <use> of the points' path.
    expect(dots.every((g) => g.querySelector('use')?.getAttribute('stroke') === 'currentColor')).toBe(true);
    const t = texts(svg);
    expect(t).toContain('He');
    expect(t).toContain('x₁ →');
    expect(svg).not.toMatch(/NaN|⚠|<figure/);
  });

  it('without axes draws no axis, tick or frame, at the height it is given', () => {
    const svg = renderChart(decisionBoundary(d, { axes: false, points: false, height: 200 }));
    expect(groups(svg, 'frame')).toHaveLength(0);
    expect(texts(svg)).not.toContain('x₁ →');
    expect(texts(svg)).toContain('He');
    expect(parseSvg(svg).root.getAttribute('height')).toBe('200');
    expect(groups(svg, 'contour')).toHaveLength(1);
  });

  it('puts grid row 0 (y = yMin) at the bottom of the image and colours cells by class', () => {
    const nx = 3;
    const ny = 2;
    // Bottom row certain class 0, top row certain class 1.
    const data: DecisionBoundaryData = { spec: { xMin: 0, xMax: 3, yMin: 0, yMax: 2, nx, ny }, probs: [0, 0, 0, 1, 1, 1], X: [], Y: [], m: 0 };
    const svg = renderSvg(decisionBoundary(data, { boundary: false }));
    const { w, h, px } = rasterPixels(svg);
    expect([w, h]).toEqual([nx, ny]);
    // The image is flipped (scale(1,-1)), so its first stored row is drawn at y1 = yMin.
    expect(svg).toMatch(/<image[^>]*transform="translate\([\d.]+,[\d.]+\) scale\(1,-1\)"/);
    const a = Math.round(probabilityMaxOpacity * 255);
    expect(px(0, 0)).toEqual([...rgb(classColors[0]), a]);
    expect(px(2, 1)).toEqual([...rgb(classColors[1]), a]);
  });

  it('keeps equal aspect and small-multiple size by default', () => {
    const o = decisionBoundary(d);
    expect(o.aspectRatio).toBe(1);
    expect(o.width).toBe(defaults.width);
    expect((o.x as { domain: number[] }).domain).toEqual([d.spec.xMin, d.spec.xMax]);
  });

  it('is deterministic', () => {
    expect(renderSvg(decisionBoundary(d))).toBe(renderSvg(decisionBoundary(d)));
  });

  it('makes NaN and ∞ probabilities transparent without printing NaN', () => {
    const data: DecisionBoundaryData = { spec: { xMin: 0, xMax: 2, yMin: 0, yMax: 2, nx: 2, ny: 2 }, probs: [NaN, Infinity, 0.2, 0.9], X: [0.5, NaN, 1.5, 1], Y: [0, 1], m: 2 };
    const svg = renderSvg(decisionBoundary(data));
    expect(svg).not.toMatch(/NaN|Infinity|⚠/);
    expect(rasterPixels(svg).px(0, 0)[3]).toBe(0);
    expect(groups(svg, 'dot').reduce((n, g) => n + pathDots(g), 0)).toBe(1);
  });

  it('rejects mismatched sizes', () => {
    expect(() => decisionBoundary({ ...d, probs: d.probs.slice(1) })).toThrow(RangeError);
    expect(() => decisionBoundary({ ...d, spec: { ...d.spec, xMax: d.spec.xMin } })).toThrow(RangeError);
  });

  it('caption gives the share predicted class 1 and the range of P', () => {
    const c = decisionBoundaryCaption(d);
    const share = Math.round((Array.from(d.probs).filter((p) => p > 0.5).length / d.probs.length) * 100);
    expect(c).toContain(`He: the network predicts class 1 on ${share} % of the plane`);
    expect(c).toContain('40 × 40 grid');
    expect(c).toContain('200 data points');
  });

  it('table shows P on a coarse subgrid, top row first', () => {
    const t = decisionBoundaryTable(d);
    expect(t.columns).toHaveLength(1 + Math.ceil(40 / 5));
    expect(t.rows).toHaveLength(8);
    expect(t.rows[0][0] as number).toBeGreaterThan(t.rows[7][0] as number);
    expect(t.note).toBe('P(y = 1) at 8 × 8 of the 40 × 40 grid cells (cell centres).');
    for (const row of t.rows) for (const v of row.slice(1)) expect(v as number).toBeGreaterThanOrEqual(0);
  });
});

describe('decisionBoundaryLegend', () => {
  it('is a ramp from class 0 through the background to class 1', () => {
    const o = decisionBoundaryLegend();
    const svg = renderSvg(o);
    expect(parseSvg(svg).root.getAttribute('aria-label')).toBe(o.ariaLabel);
    const t = texts(svg);
    for (const s of ['P(y = 1)', 'class 0', 'class 1', '0', '0.5', '1']) expect(t).toContain(s);
    const { w, px } = rasterPixels(svg);
    expect(px(0, 0).slice(0, 3)).toEqual(rgb(classColors[0]));
    expect(px(Math.floor(w / 2), 0)[3]).toBe(0);
    expect(px(w - 1, 0).slice(0, 3)).toEqual(rgb(classColors[1]));
  });
});
