import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { describe, expect, it } from 'vitest';
import rehypeMathCompact, { mathLetter } from '../../src/markdown/rehype-math-compact.ts';

/** Renders Markdown to HTML with the site's math plugins (with or without this one). */
async function compiled(md: string, compact = true): Promise<string> {
  const katex = [rehypeKatex, { output: 'mathml' }] as const;
  const processor = await createMarkdownProcessor({
    syntaxHighlight: false, remarkPlugins: [remarkMath], rehypePlugins: (compact ? [katex, rehypeMathCompact] : [katex]) as never,
  });
  return (await processor.render(md)).code;
}

describe('rehype-math-compact', () => {
  it('wraps display math in .katex-display and keeps inline math inline', async () => {
    const out = await compiled('Text $x^2$ here.\n\n$$\n\\frac{1}{n}\n$$\n');
    // The <math> is the row itself: KaTeX's one <mrow> in it goes.
    expect(out).toMatch(/<span class="katex-display"><span class="katex"><math display="block"><mfrac><mn>1<\/mn><mi>n<\/mi><\/mfrac><\/math><\/span><\/span>/);
    expect(out).toMatch(/Text <span class="katex"><math><msup><mi>x<\/mi><mn>2<\/mn><\/msup><\/math><\/span> here/);
  });

  it('drops xmlns and the TeX annotation, keeping every drawn element', async () => {
    const tex = '$$\n\\mathrm{Var}(W) = \\frac{2}{n^{[l-1]}}\n$$\n';
    const [before, after] = await Promise.all([compiled(tex, false), compiled(tex)]);
    expect(before).toContain('xmlns');
    expect(before).toContain('<annotation');
    expect(after).not.toMatch(/xmlns|<annotation|<semantics/);
    const row = before.match(/<semantics><mrow>([\s\S]*)<\/mrow><annotation/)?.[1];
    const inMath = after.match(/<math display="block">([\s\S]*)<\/math>/)?.[1];
    expect(row).toContain('<mi mathvariant="normal">V</mi>');
    expect(inMath).toBe(row);
  });

  it('draws a layer index [l] or [1] as one <mi>, its letter in Unicode italic, and leaves other brackets alone', async () => {
    const out = await compiled('$W^{[l]} A^{[1]} b^{[h]} n^{[\\mathrm{x}]} z^{[l-1]} x^{[\\ell]} f[a]$');
    expect(out).toContain('<msup><mi>W</mi><mi>[𝑙]</mi></msup>');
    expect(out).toContain('<msup><mi>A</mi><mi>[1]</mi></msup>');
    // Unicode put italic h at ℎ (Letterlike Symbols); an upright letter stays upright.
    expect(out).toContain('<msup><mi>b</mi><mi>[ℎ]</mi></msup>');
    expect(out).toContain('<msup><mi>n</mi><mi>[x]</mi></msup>');
    // Anything more than one token keeps its operators (and their spacing).
    expect(out).toMatch(/<msup><mi>z<\/mi><mrow><mo stretchy="false">\[<\/mo><mi>l<\/mi><mo>−<\/mo><mn>1<\/mn><mo stretchy="false">\]<\/mo><\/mrow><\/msup>/);
    expect(out).toMatch(/<msup><mi>x<\/mi><mrow><mo stretchy="false">\[<\/mo><mi mathvariant="normal">ℓ<\/mi>/);
    expect(out).toMatch(/<mi>f<\/mi><mo stretchy="false">\[<\/mo><mi>a<\/mi><mo stretchy="false">\]<\/mo>/);
    expect(mathLetter('l', 'italic')).toBe('𝑙');
    expect(mathLetter('L', 'italic')).toBe('𝐿');
  });
});

describe('mathvariant as Unicode letters', () => {
  it('draws \\mathcal, \\mathbb and \\mathbf with the letters MathML Core can show', async () => {
    const out = await compiled('$\\mathcal{N}(0, 1)$, $\\mathbb{R}^n$, $\\mathcal{L}$ and $\\mathbf{x}$');
    expect(out).toContain('<mi>𝒩</mi>');
    expect(out).toContain('<mi>ℝ</mi>');
    expect(out).toContain('<mi>ℒ</mi>');
    expect(out).toMatch(/<mi>𝐱<\/mi>/);
    expect(out).not.toMatch(/mathvariant="(script|double-struck|bold)"/);
    expect(mathLetter('N', 'script')).toBe('𝒩');
    expect(mathLetter('1', 'script')).toBeUndefined();
  });
});

describe('line breaks in inline math', () => {
  it('splits inline math after its top-level relations, one <math> per piece, and leaves display math whole', async () => {
    const out = await compiled('So $\\mathrm{Var}(z) \\approx n\\, \\mathrm{Var}(w) = 1$ here, $x_{a=b}$, and\n\n$$\na = b\n$$\n');
    const inline = out.match(/So <span class="katex">(.*?)<\/span> here/)![1];
    expect(inline.match(/<math>/g)).toHaveLength(3);
    expect(inline).toMatch(/<mo>≈<\/mo><\/math><math><mi>n<\/mi>/);
    expect(inline).toMatch(/<mo>=<\/mo><\/math><math><mn>1<\/mn><\/math>$/);
    // A relation inside a subscript is not at the top level: one piece.
    expect(out).toMatch(/<span class="katex"><math><msub>.*?<\/msub><\/math><\/span>, and/);
    expect(out.match(/<math display="block">/g)).toHaveLength(1);
  });
});
