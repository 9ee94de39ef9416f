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
    expect(out).toMatch(/<span class="katex-display"><span class="katex"><math display="block"><mrow><mfrac><mn>1<\/mn><mi>n<\/mi><\/mfrac><\/mrow><\/math><\/span><\/span>/);
    expect(out).toMatch(/Text <span class="katex"><math><mrow><msup><mi>x<\/mi><mn>2<\/mn><\/msup><\/mrow><\/math><\/span> here/);
  });

  it('drops xmlns and the TeX annotation, keeping every drawn element', async () => {
    const tex = '$$\n\\mathrm{Var}(W^{[l]}) = \\frac{2}{n^{[l-1]}}\n$$\n';
    const [before, after] = await Promise.all([compiled(tex, false), compiled(tex)]);
    expect(before).toContain('xmlns');
    expect(before).toContain('<annotation');
    expect(after).not.toMatch(/xmlns|<annotation|<semantics/);
    const drawn = (s: string) => s.match(/<mrow>[\s\S]*<\/mrow>(?=<annotation|<\/math>)/)?.[0];
    expect(drawn(after)).toBe(drawn(before));
    expect(drawn(after)).toContain('<mi mathvariant="normal">V</mi>');
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
    expect(inline).toMatch(/<mo>≈<\/mo><\/mrow><\/math><math><mrow><mi>n<\/mi>/);
    expect(inline).toMatch(/<mo>=<\/mo><\/mrow><\/math><math><mrow><mn>1<\/mn><\/mrow><\/math>$/);
    // A relation inside a subscript is not at the top level: one piece.
    expect(out).toMatch(/<span class="katex"><math><mrow><msub>.*?<\/msub><\/mrow><\/math><\/span>, and/);
    expect(out.match(/<math display="block">/g)).toHaveLength(1);
  });
});
