import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { compactPath, compactSvg, simplify, SIMPLIFY_PX } from '../../src/charts/compact.ts';

/** Distance from (x, y) to the segment a–b. */
function toSegment(x: number, y: number, a: number[], b: number[]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(x - a[0] - t * dx, y - a[1] - t * dy);
}

describe('compact SVG', () => {
  it('simplifies a polyline to within SIMPLIFY_PX of every original point, keeping both ends', () => {
    const xs = Array.from({ length: 2000 }, (_, i) => i * 0.3);
    const ys = xs.map((x) => 200 * Math.exp(-x / 80) + Math.sin(x / 3));
    const kept = simplify(xs, ys);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(1999);
    expect(kept.length).toBeLessThan(400);
    let k = 0;
    for (let i = 0; i < xs.length; i++) {
      while (kept[k + 1] < i) k++;
      const [a, b] = [kept[k], kept[Math.min(k + 1, kept.length - 1)]];
      expect(toSegment(xs[i], ys[i], [xs[a], ys[a]], [xs[b], ys[b]])).toBeLessThanOrEqual(SIMPLIFY_PX + 1e-9);
    }
  });

  it('drops collinear points, rounds to 0.1 px and keeps sub-paths and closes', () => {
    expect(compactPath('M0,0L1,1L2,2L3,3.04321M10,10L10,20L20,20Z')).toBe('M0,0L3,3M10,10L10,20L20,20Z');
    expect(compactPath('M1.234,5.678h0m1,2h0')).toBe('M1.2,5.7h0m1,2h0');
  });

  it('rounds pixel attributes and translations but not scale factors, and removes nodes that draw nothing', () => {
    const { document } = parseHTML('<svg><g aria-label="line"><path d="M0.123,1.987L5,5"/></g><g></g><path d=""/><rect x="1.26" width="0.333" opacity="0"/><text transform="translate(1.26,2.22) scale(0.25)" x="3.33">a</text></svg>');
    const svg = document.querySelector('svg')!;
    compactSvg(svg);
    expect(svg.outerHTML).toBe('<svg><g aria-label="line"><path d="M0.1,2L5,5" /></g><text transform="translate(1.3,2.2) scale(0.25)" x="3.3">a</text></svg>');
  });
});
