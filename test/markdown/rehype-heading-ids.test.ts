import { compile } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import rehypeHeadingIds, { slugify } from '../../src/markdown/rehype-heading-ids.ts';

/** Compiles MDX like the site does and returns the heading ids, texts and Astro's headings list. */
async function headings(mdx: string) {
  const file = new VFile({ path: '/repo/content/lessons/x.mdx', value: mdx, data: { astro: {} } });
  const ids: string[] = [];
  const spy = () => (tree: { children?: unknown[] }) => {
    const walk = (n: { type: string; tagName?: string; properties?: { id?: string }; children?: unknown[] }) => {
      if (n.type === 'element' && /^h\d$/.test(n.tagName ?? '')) ids.push(String(n.properties?.id));
      (n.children ?? []).forEach((c) => walk(c as never));
    };
    walk(tree as never);
  };
  // Stands in for Astro's collector, which stores the raw headings after our plugin.
  const astroCollector = () => (_: unknown, f: VFile) => {
    (f.data.astro as { headings: unknown }).headings = ids.map((slug) => ({ depth: 2, slug, text: 'RAW' }));
  };
  await compile(file, { remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex, [rehypeHeadingIds, { root: '/repo' }], spy, astroCollector] });
  return { ids, list: (file.data.astro as { headings: { slug: string; text: string }[] }).headings };
}

describe('rehype-heading-ids', () => {
  it('reads math in a heading as Unicode text once and slugs that text', async () => {
    const { ids, list } = await headings("## Why $\\sigma'(z) \\le 1/4$ matters\n\n## Variance $\\mathrm{Var}(W^{[l]}) = 2/n$\n");
    expect(ids).toEqual(['why-σz-14-matters', 'variance-varwl-2n']);
    expect(list.map((h) => h.text)).toEqual(['Why σ′(z) ≤ 1/4 matters', 'Variance Var(W^[l]) = 2/n']);
  });

  it('keeps ids of plain headings as Astro made them and numbers repeats', async () => {
    const { ids } = await headings("## What LeCun's rule does\n\n## Summary\n\n## Summary\n");
    expect(ids).toEqual(['what-lecuns-rule-does', 'summary', 'summary-1']);
  });

  it('never takes a layout id', async () => {
    const { ids } = await headings('## Content\n\n## Lessons\n\n## Toc title\n');
    expect(ids).toEqual(['content-1', 'lessons-1', 'toc-title-1']);
  });

  it('uses an author id written as an MDX comment and drops it from the text', async () => {
    const { ids, list } = await headings('## Gradients {/* #grads */}\n\n## Grads\n');
    expect(ids).toEqual(['grads', 'grads-1']);
    expect(list[0].text).toBe('Gradients');
  });

  it('stops on a bad, reserved or repeated author id with file and line', async () => {
    await expect(headings('text\n\n## A {/* #1bad */}\n')).rejects.toThrow('content/lessons/x.mdx:3: heading id "#1bad" must start with a letter');
    await expect(headings('## A {/* #content */}\n')).rejects.toThrow('content/lessons/x.mdx:1: heading id "#content" is used by the page layout');
    await expect(headings('## A {/* #a */}\n\n## B {/* #a */}\n')).rejects.toThrow('content/lessons/x.mdx:3: heading id "#a" is given to two headings');
  });

  it('slugs without runs of dashes', () => {
    expect(slugify('a ≤ b')).toBe('a-b');
    expect(slugify('≤')).toBe('section');
  });
});

describe('ids given by the file\'s own JSX', () => {
  it('steps around an experiment card\'s id and an element id', async () => {
    const { ids } = await headings('<Experiment id="zeros" />\n\n## Experiment zeros\n\n<span id="notes">x</span>\n\n## Notes\n');
    expect(ids).toEqual(['experiment-zeros-1', 'notes-1']);
  });
});
