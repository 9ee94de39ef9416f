import { describe, expect, it } from 'vitest';
import { useAstroRenderer } from '../../support/astro.ts';

const astro = useAstroRenderer();

const rows = (root: ParentNode) => [...root.querySelectorAll('.symmetry-weights-table tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));

describe('<SymmetryMeter>', () => {
  it('prerenders zero init: exactly 0, four identical zero rows', async () => {
    const { root } = await astro.render('SymmetryMeter', {});
    const el = root.querySelector('symmetry-meter')!;
    expect(JSON.parse(el.getAttribute('data-defaults')!)).toEqual({ init: 'zeros', value: 0.5, width: 4, seed: 42, speed: 3 });
    expect(el.querySelector('.symmetry-caption')!.textContent).toContain('exactly 0 at all 200 records');
    expect(el.querySelector('.symmetry-body svg')!.getAttribute('role')).toBe('img');
    expect(rows(el)).toEqual([1, 2, 3, 4].map((i) => [`unit ${i}`, '0', '0', '0']));
    expect(el.querySelector('.symmetry-weights-caption')!.textContent).toBe('All 4 rows are bit-for-bit identical.');
    expect(el.querySelector<HTMLElement>('.symmetry-value')!.hasAttribute('hidden')).toBe(true);
    const figure = el.querySelector('[data-figure="chart"]')!;
    expect(JSON.parse(figure.getAttribute('data-shown')!)).toMatchObject({ layers: [2, 4, 1], init: 'zeros', learningRate: 1.2, iterations: 1000 });
  });

  it('prerenders constant init with its slider shown: identical rows that moved away from c', async () => {
    const { root } = await astro.render('SymmetryMeter', { init: 'constant', value: -0.6, width: 3, iterations: 500 });
    expect(root.querySelector('.symmetry-value')!.hasAttribute('hidden')).toBe(false);
    expect(root.querySelector('.symmetry-caption')!.textContent).toMatch(/exactly 0 .* the weights move \(w₁ of every unit went from −0\.6 to/);
    const r = rows(root);
    expect(new Set(r.map((x) => x.slice(1).join())).size).toBe(1);
    expect(r[0][1]).not.toBe('-0.6');
  });

  it('prerenders random init above 0 from the start', async () => {
    const { root } = await astro.render('SymmetryMeter', { init: 'lecun', width: 5, iterations: 200 });
    expect(root.querySelector('.symmetry-caption')!.textContent).toMatch(/Random weights make the units differ from the start/);
    expect(root.querySelector('.symmetry-weights-caption')!.textContent).toBe('5 of 5 rows differ.');
    expect(root.querySelector('select[data-param="init"]')!.querySelectorAll('option')).toHaveLength(4);
  });

  it('rejects a constant outside −2 … 2', async () => {
    await expect(astro.render('SymmetryMeter', { value: 5 })).rejects.toThrow(/prop "value" must be a number from −2 to 2; got 5/);
  });
});
