import { describe, expect, it } from 'vitest';
import * as Plot from '@observablehq/plot';
import { dotsPath, renderAsPath } from '../../src/charts/dots.ts';
import { renderSvg } from '../../src/charts/render.ts';

describe('dots as one path', () => {
  it('writes a round-capped zero-length sub-path per finite point', () => {
    expect(dotsPath([0, 1, 2], [1.234, NaN, 3], [5.678, 1, 4])).toBe('M1.2,5.7h0M3,4h0');
  });

  it('renders a dot mark as an outline path and a fill path with the scaled positions', () => {
    const svg = renderSvg({
      width: 200, height: 200, x: { domain: [0, 10] }, y: { domain: [0, 10] },
      marks: [Plot.dot([[0, 0], [10, 10]], { x: '0', y: '1', render: renderAsPath({ r: 2, fill: '#123456', stroke: 'white', strokeWidth: 0.5 }) })],
    });
    const group = /<g[^>]*aria-label="dot"[^>]*>(.*?)<\/g>/s.exec(svg)?.[0] ?? '';
    expect(group).toContain('data-fill="#123456"');
    expect(group).toContain('stroke-linecap="round"');
    const paths = [...group.matchAll(/<path[^>]*>/g)].map((m) => m[0]);
    expect(paths).toHaveLength(2);
    expect(paths[0]).toContain('stroke-width="5"');
    expect(paths[1]).toContain('stroke-width="4"');
    expect(paths[1]).toContain('stroke="#123456"');
    expect((paths[1].match(/M/g) ?? []).length).toBe(2);
  });
});
