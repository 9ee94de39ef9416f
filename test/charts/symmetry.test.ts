import { describe, expect, it } from 'vitest';
import { defaults, symmetry, symmetryCaption, symmetryTable, type SymmetryData } from '../../src/charts/symmetry.ts';
import { renderSvg } from '../../src/charts/render.ts';
import { groups, renderChart, runs, texts } from './fixtures.ts';

const fromRun = (i: number): SymmetryData => {
  const h = runs()[i].run.history;
  return { iterations: h.iterations, distance: h.symmetry.map((r) => r[0]) };
};

/** y pixel of every vertex of the first line's path. */
const lineYs = (svg: string) => [...groups(svg, 'line')[0].querySelector('path')!.getAttribute('d')!.matchAll(/[ML][-\d.]+,([-\d.]+)/g)].map((m) => Number(m[1]));

describe('symmetry', () => {
  it('shows an exactly-zero series (zero init) as a flat line at 0 on a linear axis, and says "exactly 0"', () => {
    const d = fromRun(0);
    expect(d.distance.every((v) => v === 0)).toBe(true);
    const options = symmetry(d);
    expect((options.y as { type: string; domain: number[] }).type).toBe('linear');
    expect((options.y as { domain: number[] }).domain).toEqual([0, defaults.minTop]);
    const svg = renderChart(options);
    const ys = lineYs(svg);
    expect(ys).toHaveLength(d.iterations.length);
    expect(new Set(ys).size).toBe(1);
    // 0 sits just above the frame's bottom edge (insetBottom), not on it.
    expect(ys[0]).toBeLessThan(defaults.height - defaults.marginBottom);
    expect(ys[0]).toBeGreaterThan(defaults.height - defaults.marginBottom - 10);
    const t = texts(svg);
    expect(t).toContain('exactly 0 at every record: the hidden units stay identical');
    expect(t).toContain('0.000');
    expect(t).toContain('iteration →');
    expect(t.some((s) => s.includes('largest distance between hidden units’ incoming weights'))).toBe(true);
    expect(symmetryCaption(d)).toBe("The largest distance between any two hidden units' incoming weights is exactly 0 at all 50 records (iterations 0 to 490): the units start identical and stay identical, so symmetry is never broken.");
  });

  it('fits a phone: below defaults.narrowBelow the y label is short and the note takes two lines', () => {
    const svg = renderChart(symmetry(fromRun(0), { width: 313 }));
    const t = texts(svg);
    expect(t.some((s) => s.includes(defaults.yLabelNarrow))).toBe(true);
    expect(t.some((s) => s.includes('incoming weights'))).toBe(false);
    const note = [...groups(svg, 'text')].flatMap((g) => [...g.querySelectorAll('tspan')].map((x) => x.textContent));
    expect(note).toEqual(['exactly 0 at every record:', 'the hidden units stay identical']);
  });

  it('plots a broken symmetry from 0 up, without the "exactly 0" note', () => {
    const d = fromRun(1);
    const svg = renderSvg(symmetry(d));
    expect(texts(svg).some((s) => s.startsWith('exactly 0'))).toBe(false);
    expect(new Set(lineYs(svg)).size).toBeGreaterThan(1);
    expect(texts(svg)).toContain('0');
    expect(symmetryCaption(d)).toMatch(/^The largest distance between two hidden units' incoming weights goes from 3\.\d+ at iteration 0 to 3\.\d+ at iteration 490 \(maximum/);
  });

  it('does not call a tiny but nonzero distance "exactly 0"', () => {
    const d = { iterations: [0, 10], distance: [0, 1e-12] };
    expect(symmetryCaption(d)).toContain('10⁻¹²');
    expect(texts(renderSvg(symmetry(d))).some((s) => s.startsWith('exactly 0'))).toBe(false);
  });

  it('copes with NaN and ∞ without printing NaN', () => {
    const svg = renderSvg(symmetry({ iterations: [0, 10, 20], distance: [NaN, Infinity, 1] }));
    expect(svg).not.toMatch(/NaN|Infinity|⚠/);
    expect(symmetryCaption({ iterations: [0], distance: [NaN] })).toBe('The distance between hidden units is not finite at any record.');
    expect(symmetryCaption({ iterations: [], distance: [] })).toBe('No record yet.');
  });

  it('fixes the x domain when totalIterations is given', () => {
    expect((symmetry(fromRun(1), { totalIterations: 2000 }).x as { domain: number[] }).domain).toEqual([0, 2000]);
  });

  it('is deterministic', () => {
    expect(renderSvg(symmetry(fromRun(1)))).toBe(renderSvg(symmetry(fromRun(1))));
  });

  it('table lists iteration and distance, subsampled for long runs', () => {
    const t = symmetryTable(fromRun(0));
    expect(t.columns).toEqual(['iteration', 'largest distance']);
    expect(t.rows).toHaveLength(50);
    expect(t.rows[0]).toEqual([0, 0]);
    const long = symmetryTable({ iterations: Array.from({ length: 1000 }, (_, i) => i), distance: Array.from({ length: 1000 }, () => 1) });
    expect(long.note).toMatch(/^Every 17th record and the last/);
  });
});
