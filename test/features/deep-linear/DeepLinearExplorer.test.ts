import { describe, expect, it } from 'vitest';
import { useAstroRenderer } from '../../support/astro.ts';

const astro = useAstroRenderer();

describe('<DeepLinearExplorer>', () => {
  it('prerenders the props\' state completely: chart, caption, factor, measured ‖dW‖, limits and table', async () => {
    const { root } = await astro.render('DeepLinearExplorer', { a: 1.5, depth: 10 });
    const el = root.querySelector('deep-linear-explorer')!;
    expect(JSON.parse(el.getAttribute('data-defaults')!)).toEqual({ a: 1.5, depth: 10, speed: 3 });
    const svg = el.querySelector('.deep-linear-body svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(el.querySelector('.deep-linear-title')!.textContent).toBe('Norms through 10 layers with W[l] = 1.5·I');
    expect(el.querySelector('.deep-linear-factor')!.textContent).toBe('1.5⁸ = 25.63');
    expect(el.querySelector('.deep-linear-gradient')!.textContent).toMatch(/^[\d.,]+ at every layer l$/);
    expect(el.querySelector('.deep-linear-limits')!.textContent).toMatch(/^With a = 1\.5, ‖dW‖ would pass the float64 maximum .* at L = 1,7\d\d; in float32, .* at L = 2\d\d\./);
    expect(el.querySelector('.deep-linear-caption')!.textContent).toContain('agree to within 10⁻⁶');
    expect(el.querySelectorAll('.deep-linear-table tbody tr')).toHaveLength(10);
    const figure = el.querySelector('[data-figure="chart"]')!;
    expect(figure.getAttribute('data-shown')).toBe('1.5,10');
    expect(JSON.parse(figure.getAttribute('data-result')!).measured).toHaveLength(10);
  });

  it('renders labelled, disabled controls (enabled by the island) and no New seed button', async () => {
    const { root } = await astro.render('DeepLinearExplorer', { a: 0.8, depth: 30 });
    const a = root.querySelector<HTMLInputElement>('input[data-param="a"]')!;
    expect([a.getAttribute('min'), a.getAttribute('max'), a.getAttribute('step'), a.getAttribute('value')]).toEqual(['0.3', '1.7', '0.01', '0.8']);
    expect(root.querySelector('input[data-param="depth"]')!.getAttribute('max')).toBe('50');
    expect(a.hasAttribute('disabled')).toBe(true);
    expect(root.querySelector('button[data-action="new-seed"]')).toBeNull();
    expect([...root.querySelectorAll('.explorer-controls button[data-action]')].map((b) => b.getAttribute('data-action'))).toEqual(['play', 'step', 'reset']);
    // The failure line's Retry: hidden and disabled until a computation fails.
    const retry = root.querySelector('.explorer-failure button[data-action="retry"]')!;
    expect([root.querySelector('.explorer-failure')!.hasAttribute('hidden'), retry.hasAttribute('disabled')]).toEqual([true, true]);
    expect(root.querySelector('[data-export-for="chart"]')).not.toBeNull();
    expect(root.querySelector('.deep-linear-factor')!.textContent).toBe('0.8²⁸ = 0.001934');
  });

  it('rejects props outside the slider range', async () => {
    await expect(astro.render('DeepLinearExplorer', { a: 3 })).rejects.toThrow(/prop "a" must be a number from 0.3 to 1.7; got 3/);
  });
});
