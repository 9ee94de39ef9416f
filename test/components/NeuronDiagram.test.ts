import { describe, expect, it } from 'vitest';
import { useAstroRenderer } from '../support/astro.ts';

const astro = useAstroRenderer();

const svgTexts = (root: ParentNode) => [...root.querySelectorAll('svg text')].map((t) => t.textContent!.trim());

describe('<NeuronDiagram>', () => {
  it('is an accessible SVG image with a title and a description', async () => {
    const { root } = await astro.render('NeuronDiagram');
    const svg = root.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('width')).toBe('100%');
    expect(svg.getAttribute('viewBox')).toMatch(/^0 0 640 \d+$/);
    expect(root.querySelector(`#${svg.getAttribute('aria-labelledby')}`)!.textContent).toBe('A single neuron with n inputs');
    const desc = root.querySelector(`#${svg.getAttribute('aria-describedby')}`)!.textContent!;
    expect(desc).toMatch(/z = w₁x₁ \+ w₂x₂ \+ … \+ wₙxₙ/);
    expect(desc).toMatch(/a = g\(z\)/);
    expect(desc).toMatch(/no bias/);
  });

  it('draws four inputs by default: x₁, x₂, x₃, a gap, and xₙ with weights w₁ … wₙ', async () => {
    const { root } = await astro.render('NeuronDiagram');
    const texts = svgTexts(root);
    expect(texts.filter((t) => /^x[₁-₉ₙ]$/.test(t))).toEqual(['x₁', 'x₂', 'x₃', 'xₙ']);
    expect(texts.filter((t) => /^w[₁-₉ₙ]$/.test(t))).toEqual(['w₁', 'w₂', 'w₃', 'wₙ']);
    expect(texts).toContain('⋮');
    expect(texts).toContain('a = g(z)');
    expect(texts).toContain('z = w₁x₁ + ⋯ + wₙxₙ');
    expect(root.querySelectorAll('svg circle.input').length).toBe(4);
  });

  it('draws as many inputs as the inputs prop asks for, the last being xₙ', async () => {
    for (const inputs of [2, 3, 8]) {
      const { root } = await astro.render('NeuronDiagram', { inputs });
      const xs = svgTexts(root).filter((t) => /^x[₁-₉ₙ]$/.test(t));
      expect(xs.length).toBe(inputs);
      expect(xs.at(-1)).toBe('xₙ');
      expect(root.querySelectorAll('svg circle.input').length).toBe(inputs);
    }
  });

  it('grows taller with more inputs', async () => {
    const h = async (inputs: number) => Number((await astro.render('NeuronDiagram', { inputs })).root.querySelector('svg')!.getAttribute('viewBox')!.split(' ')[3]);
    expect(await h(8)).toBeGreaterThan(await h(2));
  });

  it('rejects an inputs count outside 2–8 with a PropError naming the prop', async () => {
    await expect(astro.render('NeuronDiagram', { inputs: 12 })).rejects.toThrow('<NeuronDiagram> prop "inputs" must be an integer from 2 to 8; got 12');
    await expect(astro.render('NeuronDiagram', { inputs: 'many' })).rejects.toThrow(/prop "inputs" must be an integer from 2 to 8; got "many"/);
  });
});
