import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import * as Plot from '@observablehq/plot';
import { dotsPath, renderAsPath } from '../../src/charts/dots.ts';
import { renderSvg } from '../../src/charts/render.ts';

describe('dots as one path', () => {
  it('writes a round-capped zero-length sub-path per finite point, rounded to whole px, each relative to the previous', () => {
    expect(dotsPath([0, 1, 2], [1.234, NaN, 3], [5.678, 1, 4])).toBe('M1,6h0m2-2h0');
    // Row by row (12 px bands), alternating direction: left to right, then right to left.
    expect(dotsPath([0, 1, 2, 3], [50, 10, 10, 50], [2, 3, 20, 21])).toBe('M10,3h0m40-1h0m0,19h0m-40-1h0');
  });

  it('draws every point once, whatever the order of the index', () => {
    const X = Array.from({ length: 200 }, (_, i) => (i * 37) % 300 + 0.4);
    const Y = Array.from({ length: 200 }, (_, i) => (i * 91) % 200 - 0.4);
    const d = dotsPath(X.keys(), X, Y);
    const points: string[] = [];
    let x = 0;
    let y = 0;
    for (const m of d.matchAll(/([Mm])(-?\d+),?(-?\d+)h0/g)) {
      [x, y] = m[1] === 'M' ? [Number(m[2]), Number(m[3])] : [x + Number(m[2]), y + Number(m[3])];
      points.push(`${x},${y}`);
    }
    expect(points.sort()).toEqual(X.map((v, i) => `${Math.round(v)},${Math.round(Y[i])}`).sort());
  });

  it('renders a dot mark as an outline path and a fill path with the scaled positions', () => {
    const svg = renderSvg({
      width: 200, height: 200, x: { domain: [0, 10] }, y: { domain: [0, 10] },
      marks: [Plot.dot([[0, 0], [10, 10]], { x: '0', y: '1', render: renderAsPath({ r: 2, fill: '#123456', stroke: 'white', strokeWidth: 0.5 }) })],
    });
    const group = /<g[^>]*aria-label="dot"[^>]*>(.*?)<\/g>/s.exec(svg)?.[0] ?? '';
    expect(group).toContain('data-fill="#123456"');
    expect(group).toContain('stroke-linecap="round"');
    // The point list is written once: the outline is a <use> of the fill's path.
    const paths = [...group.matchAll(/<path[^>]*>/g)].map((m) => m[0]);
    expect(paths).toHaveLength(1);
    expect((paths[0].match(/[Mm]/g) ?? []).length).toBe(2);
    const { document } = parseHTML(group);
    const path = document.querySelector('path')!;
    const use = document.querySelector('use')!;
    expect(use.getAttribute('href')).toBe(`#${path.getAttribute('id')}`);
    expect([use.getAttribute('stroke'), use.getAttribute('stroke-width')]).toEqual(['white', '5']);
    expect([path.parentElement!.getAttribute('stroke'), path.parentElement!.getAttribute('stroke-width')]).toEqual(['#123456', '4']);
    expect(group.indexOf('<use')).toBeLessThan(group.indexOf('<path'));
  });
});
