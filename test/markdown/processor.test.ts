import { describe, expect, it } from 'vitest';
import { lessonProcessor } from '../../src/markdown/processor.ts';
import remarkMath from 'remark-math';

describe('lessonProcessor', () => {
  it('is the unified processor with remark-math first, so our checks see parsed math', () => {
    const p = lessonProcessor({ base: '/repo/', root: '/project' });
    expect(p.name).toBe('unified');
    const remark = (p as unknown as { options: { remarkPlugins: unknown[]; rehypePlugins: unknown[] } }).options;
    expect(remark.remarkPlugins[0]).toBe(remarkMath);
    expect(remark.remarkPlugins).toHaveLength(5);
    expect(remark.rehypePlugins[0]).toEqual([expect.any(Function), { output: 'mathml' }]);
  });

  it('compiles MDX with math to MathML, and stops at a prose mistake with file:line:column', async () => {
    const p = lessonProcessor({ base: '', root: '/project' }) as unknown as {
      createMdxRenderer(shared: object, mdx: object): Promise<{ process(content: string, path: string, fm: object): Promise<{ code: string }> }>;
    };
    const renderer = await p.createMdxRenderer({ syntaxHighlight: false }, { optimize: false, srcDir: new URL('file:///project/src/'), sourcemap: false });
    const { code } = await renderer.process('## Rate\n\nA rate $\\eta$.\n', '/project/content/lessons/x.mdx', {});
    expect(code).toContain('math');
    expect(code).toContain('η');
    await expect(renderer.process('It costs $5 and $10.\n', '/project/content/lessons/x.mdx', {})).rejects.toThrow(/^content\/lessons\/x\.mdx:1:10: "\$5 and \$" is read as a formula/);
  });
});
