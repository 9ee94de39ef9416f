import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../../src/charts/index.ts';
import { buildTimeComparison, comparisonGrid, mapPlot, type ComparisonSettings } from '../../../src/features/init-comparison/views.ts';
import { lessonData } from '../../../src/run/memo.ts';
import { chunkSize, composeSvgs, FIRST_CHUNK, PACES, patchLayers, scaleFromSlider } from '../../../src/features/init-comparison/parts.ts';

const data = lessonData();
const spec = comparisonGrid(data);
const settings: ComparisonSettings = {
  schemes: ['lecun'], hidden: 'tanh', width: 3, learningRate: 1.2, iterations: 200, scale: 10, seed: 42, yScale: 'linear', threshold: 0.25, speed: 3,
};
const [run] = buildTimeComparison(settings, data, spec);
const early = { ...run, grid: buildTimeComparison({ ...settings, iterations: 1 }, data, spec)[0].grid, gridIteration: 1 };

/** Parses svg markup into an element of a fresh linkedom document. */
function svgOf(markup: string): { svg: SVGSVGElement; document: Document } {
  const { document } = parseHTML(`<!doctype html><html><body>${markup}</body></html>`);
  return { svg: document.querySelector('svg') as unknown as SVGSVGElement, document: document as unknown as Document };
}

describe('init comparison parts', () => {
  it('maps the log slider to a scale with 3 significant digits, within 0.001–100', () => {
    expect(scaleFromSlider('1')).toBe(10);
    expect(scaleFromSlider('-2')).toBe(0.01);
    expect(scaleFromSlider('-1.2')).toBe(0.0631);
    expect(scaleFromSlider('0.3')).toBe(2);
    expect(scaleFromSlider('5')).toBe(100);
    expect(scaleFromSlider('-9')).toBe(0.001);
    expect(scaleFromSlider('x')).toBe(1);
  });

  it('paces speed 1–5 from small slow chunks to large immediate ones', () => {
    expect(PACES.map((p) => p.chunk)).toEqual([10, 25, 50, 100, 250]);
    expect(PACES.at(-1)!.delayMs).toBe(0);
  });

  it('starts a playing run with a one-iteration chunk; Step and reduced motion keep theirs', () => {
    expect(chunkSize(3, 0, 10_000)).toBe(FIRST_CHUNK);
    expect(FIRST_CHUNK).toBe(1);
    expect(chunkSize(3, 1, 10_000)).toBe(50);
    expect(chunkSize(1, 0, 10_000, { once: true })).toBe(10);
    expect(chunkSize(5, 0, 10_000, { reducedMotion: true })).toBe(10_000);
    expect(chunkSize(2, 0, 10_000, { once: true, reducedMotion: true })).toBe(25);
  });

  it('swaps only the changing layers of a map, keeping its points', () => {
    const { svg } = svgOf(renderSvg(mapPlot(early, data, spec)));
    // Points are drawn as one path per class (a sub-path per point).
    const dots = svg.querySelectorAll('[aria-label="dot"] path:last-child');
    expect([...dots].reduce((n, p) => n + (p.getAttribute('d')?.match(/[Mm]/g)?.length ?? 0), 0)).toBe(1000);
    const { svg: layers } = svgOf(renderSvg(mapPlot(run, data, spec, { live: { height: Number(svg.getAttribute('height')) } })));
    expect(layers.querySelectorAll('[aria-label="dot"]')).toHaveLength(0);
    // Only the changing layers, at the whole map's geometry: the same raster, contour and title as a whole map of `run`.
    expect(layers.querySelectorAll('[aria-label$="axis"], [aria-label="frame"]')).toHaveLength(0);
    const { svg: whole } = svgOf(renderSvg(mapPlot(run, data, spec)));
    expect(whole.querySelectorAll('[aria-label$="axis"], [aria-label="frame"]').length).toBeGreaterThan(0);
    // The svg's height attribute is rounded to 0.01 px here, so coordinates may differ by that much.
    const markup = (s: Element) => ['raster', 'contour', 'text'].map((l) => s.querySelector(`:scope > [aria-label="${l}"]`)!.outerHTML.replace(/chart-\w+-\d+/g, 'id')).join('');
    const numbers = (s: Element) => (markup(s).match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
    expect(markup(layers).replace(/-?\d+(\.\d+)?/g, '#')).toBe(markup(whole).replace(/-?\d+(\.\d+)?/g, '#'));
    const [a, b] = [numbers(layers), numbers(whole)];
    expect(a.length).toBe(b.length);
    expect(Math.max(...a.map((v, i) => Math.abs(v - b[i])))).toBeLessThanOrEqual(0.011);
    expect(Number(layers.getAttribute('height'))).toBeCloseTo(Number(whole.getAttribute('height')), 2);
    const href = layers.querySelector('[aria-label="raster"] image')!.getAttribute('href');
    expect(patchLayers(svg, layers)).toBe(true);
    expect(svg.querySelector('[aria-label="raster"] image')!.getAttribute('href')).toBe(href);
    expect(svg.querySelector('[aria-label="text"]')!.textContent).toBe('LeCun, iter. 200');
    expect(svg.getAttribute('aria-label')).toContain('after 200 iterations');
    expect(svg.querySelectorAll('[aria-label="dot"] path:last-child')[0]).toBe(dots[0]);
    // One clip path, the one the new contour refers to.
    const clips = svg.querySelectorAll('clipPath');
    expect(clips).toHaveLength(1);
    expect(svg.querySelector('[aria-label="contour"]')!.getAttribute('clip-path')).toBe(`url(#${clips[0].id})`);
    const { svg: bare } = svgOf('<svg><g aria-label="raster"></g></svg>');
    expect(patchLayers(bare, layers)).toBe(false);
  });

  it('composes the small multiples and the legend into one svg', () => {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const maps = [0, 1, 2, 3, 4].map(() => svgOf(renderSvg(mapPlot(run, data, spec))).svg);
    const legend = svgOf('<svg viewBox="0 0 240 50" aria-label="legend"></svg>').svg;
    const out = composeSvgs(maps, legend, 3, document as unknown as Document)!;
    const [, , w, h] = out.getAttribute('viewBox')!.split(' ').map(Number);
    const cell = maps[0].getAttribute('viewBox')!.split(' ').map(Number);
    expect(w).toBe(3 * cell[2]);
    expect(h).toBeCloseTo(2 * cell[3] + 50, 6);
    const nested = out.querySelectorAll('svg');
    expect(nested).toHaveLength(6);
    expect([nested[4].getAttribute('x'), nested[4].getAttribute('y')]).toEqual([String(cell[2]), String(cell[3])]);
    expect(nested[5].getAttribute('x')).toBe(String((w - 240) / 2));
    expect(nested[0].getAttribute('style') ?? '').not.toContain('width');
    // Its ids (the maps' clip paths) repeat none of the maps', and its clip-paths point into it.
    const ids = [...out.querySelectorAll('[id]')].map((e) => e.id);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    const own = new Set(maps.flatMap((m) => [...m.querySelectorAll('[id]')].map((e) => e.id)));
    expect(ids.filter((id) => own.has(id))).toEqual([]);
    for (const el of out.querySelectorAll('[clip-path]')) expect(ids).toContain(/url\(#([^)]+)\)/.exec(el.getAttribute('clip-path')!)![1]);
    expect(composeSvgs([], legend, 3, document as unknown as Document)).toBeNull();
  });
});
