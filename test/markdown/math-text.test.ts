import { describe, expect, it } from 'vitest';
import { hasMath, mathHtml, mathPlain, splitMath, texToText } from '../../src/markdown/math-text.ts';

describe('texToText', () => {
  it('reads KaTeX\'s MathML as clean Unicode', () => {
    expect(texToText("\\sigma'(z) \\le 1/4")).toBe('σ′(z) ≤ 1/4');
    expect(texToText('\\mathrm{Var}(W^{[l]}) = \\frac{2}{n^{[l-1]}}')).toBe('Var(W^[l]) = 2/(n^[l−1])');
    expect(texToText('x_i^2')).toBe('xᵢ²');
    expect(texToText('n_{\\text{in}}')).toBe('nᵢₙ');
    expect(texToText('\\sqrt{2/n}')).toBe('√(2/n)');
    expect(texToText('\\hat{y}')).toBe('ŷ');
    expect(texToText('\\alpha \\cdot 10^{-3}')).toBe('α ⋅ 10⁻³');
    expect(texToText('P(A \\mid B)')).toBe('P(A ∣ B)');
    expect(texToText('a<b')).toBe('a < b');
  });

  it('throws KaTeX\'s parse error on bad TeX', () => {
    expect(() => texToText('\\frac{1')).toThrow(/KaTeX parse error/);
  });
});

describe('text with $…$', () => {
  it('splits at unescaped pairs; \\$ and an unpaired $ stay text', () => {
    expect(splitMath('a $x$ b \\$5 and $')).toEqual([
      { math: false, value: 'a ' },
      { math: true, value: 'x' },
      { math: false, value: ' b $5 and $' },
    ]);
    expect(hasMath('costs \\$5')).toBe(false);
  });

  it('plain: Unicode math, collapsed spaces', () => {
    expect(mathPlain('Why $\\sigma$  saturates')).toBe('Why σ saturates');
  });

  it('html: escaped text and KaTeX markup with MathML', () => {
    const html = mathHtml('A <b> & $x$');
    expect(html.startsWith('A &lt;b&gt; &amp; <span class="katex">')).toBe(true);
    expect(html).toContain('<math');
    expect(mathHtml('plain "text"')).toBe('plain &quot;text&quot;');
  });
});
