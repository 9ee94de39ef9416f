import { describe, expect, it } from 'vitest';
import { useAstroRenderer } from '../support/astro.ts';

const astro = useAstroRenderer();

describe('<DeepNetworkDiagram>', () => {
  it('is an accessible, responsive SVG image with a title and a description', async () => {
    const { root } = await astro.render('DeepNetworkDiagram');
    const svg = root.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
    expect(svg.getAttribute('width')).toBe('100%');
    const title = root.querySelector(`#${svg.getAttribute('aria-labelledby')}`)!;
    const desc = root.querySelector(`#${svg.getAttribute('aria-describedby')}`)!;
    expect(title.tagName.toLowerCase()).toBe('title');
    expect(title.textContent).toBe('A deep network with linear units and no biases');
    expect(desc.tagName.toLowerCase()).toBe('desc');
    expect(desc.textContent).toMatch(/layer 1/);
    expect(desc.textContent).toMatch(/layer L/);
    expect(desc.textContent).toMatch(/no biases/);
    expect(desc.textContent).toMatch(/W\[1\].*W\[L\]/s);
    expect(desc.textContent).toMatch(/ŷ/);
  });

  it('labels the connections W[1] … W[L] and the layers, and draws the units', async () => {
    const { root } = await astro.render('DeepNetworkDiagram');
    const texts = [...root.querySelectorAll('svg text')].map((t) => t.textContent!.replace(/\s+/g, ''));
    for (const w of ['W[1]', 'W[2]', 'W[L−1]', 'W[L]']) expect(texts).toContain(w);
    for (const label of ['inputX', 'layer1', 'layer2', 'layerL−1', 'layerL', 'x₁', 'x₂', 'ŷ', '⋯']) expect(texts).toContain(label);
    expect(root.querySelectorAll('svg circle').length).toBe(10); // 2 inputs + 4 drawn layers × 2 units
  });

  it('draws in currentColor so it follows the theme', async () => {
    const { html } = await astro.render('DeepNetworkDiagram');
    expect(html).toContain('fill="currentColor"');
    expect(html).not.toMatch(/(stroke|fill)="#[0-9a-f]{3,6}"/i);
  });

  it('uses the title prop for the accessible name and caption', async () => {
    const { root } = await astro.render('DeepNetworkDiagram', { title: 'An L-layer linear network' });
    expect(root.querySelector('svg title')!.textContent).toBe('An L-layer linear network');
    expect(root.querySelector('figcaption')!.textContent).toContain('An L-layer linear network');
  });

  it('rejects a bad prop with a PropError naming it', async () => {
    await expect(astro.render('DeepNetworkDiagram', { layers: 5 })).rejects.toThrow(/<DeepNetworkDiagram> prop "layers" must be one of the known props \(title\); got 5/);
    await expect(astro.render('DeepNetworkDiagram', { title: 'x'.repeat(201) })).rejects.toThrow(/prop "title" must be text of at most 200 characters/);
  });
});
