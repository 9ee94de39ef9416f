/**
 * The built lesson page (dist/, built by `npm test` before this project runs) is complete
 * without JavaScript: every formula typeset by KaTeX, every chart an inline SVG, and the
 * summary table with the reference accuracies.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkMath from 'remark-math';
import { visit } from 'unist-util-visit';
import { projectRoot } from './support/build.ts';

const dist = process.env.DIST_DIR ?? join(projectRoot, 'dist');
const lessons = ['vanishing-exploding-gradients'];

/** Number of inline and display formulas in an MDX source, as remark-math parses them. */
function countFormulas(mdx: string): { inline: number; display: number } {
  const tree = unified().use(remarkParse).use(remarkMdx).use(remarkMath).parse(mdx);
  const counts = { inline: 0, display: 0 };
  visit(tree, (node) => {
    if (node.type === 'inlineMath') counts.inline++;
    if (node.type === 'math') counts.display++;
  });
  return counts;
}

/** Visible text of the article, with KaTeX output, code, scripts and styles removed. */
function proseText(html: string): string {
  const { document } = parseHTML(html);
  const article = document.querySelector('article') ?? document.querySelector('main')!;
  for (const el of article.querySelectorAll('.katex, script, style, pre, code, svg, template')) el.remove();
  return article.textContent ?? '';
}

for (const slug of lessons) {
  describe(`built lesson ${slug}`, () => {
    const file = join(dist, 'lessons', slug, 'index.html');
    const html = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const { document } = parseHTML(html);

    it('exists', () => {
      expect(html.length, `${file} is missing: run astro build first`).toBeGreaterThan(0);
    });

    it('has KaTeX markup for every formula of the MDX source, and no katex-error', () => {
      const source = readFileSync(join(projectRoot, 'content', 'lessons', `${slug}.mdx`), 'utf8');
      const { inline, display } = countFormulas(source);
      expect(inline + display).toBeGreaterThan(50);
      expect(html).not.toContain('katex-error');
      const article = document.querySelector('article') ?? document;
      expect(article.querySelectorAll('.katex-display').length).toBe(display);
      // explorers set their own intros in KaTeX too; count the prose's formulas only
      const prose = [...article.querySelectorAll('.katex')].filter((k) => !k.closest('.explorer'));
      expect(prose.length).toBe(inline + display);
    });

    it('leaves no raw $…$ in the text', () => {
      const text = proseText(html);
      expect(text).not.toMatch(/\$[^$\n]+\$/);
      expect(text.includes('$$')).toBe(false);
    });

    it('draws every chart as an inline SVG (no images), with a caption', () => {
      const charts = [...document.querySelectorAll('lesson-figure')].filter((f) => ['cost-curve', 'scatter', 'summary-figure'].includes(f.getAttribute('data-kind') ?? ''));
      expect(charts.length).toBeGreaterThanOrEqual(7);
      for (const figure of charts) {
        const svg = figure.querySelector('.figure-body svg');
        expect(svg, figure.getAttribute('data-kind') ?? '').not.toBeNull();
        expect(svg!.getAttribute('role')).toBe('img');
        expect(svg!.getAttribute('aria-label')?.length).toBeGreaterThan(5);
        expect(figure.querySelector('figcaption')?.textContent?.length).toBeGreaterThan(20);
      }
      for (const explorer of document.querySelectorAll('.explorer')) expect(explorer.querySelector('svg'), explorer.id).not.toBeNull();
      expect(document.querySelectorAll('article img').length).toBe(0);
      expect(document.querySelectorAll('svg[role="img"]').length).toBeGreaterThanOrEqual(10);
    });

    if (slug === 'vanishing-exploding-gradients') {
      it('has the summary table reading 0.5, 0.742 and 0.924', () => {
        const table = document.querySelector('lesson-figure[data-kind="summary-table"] table');
        expect(table).not.toBeNull();
        const accuracies = [...table!.querySelectorAll('tbody tr')].map((tr) => tr.querySelectorAll('td')[0]?.textContent?.trim());
        expect(accuracies).toEqual(['0.5', '0.742', '0.924']);
      });

      it('prints the training logs with the reference costs at iterations 0 … 9000', () => {
        const logs = [...document.querySelectorAll('lesson-figure[data-kind="training-log"] pre')].map((p) => p.textContent ?? '');
        expect(logs).toHaveLength(3);
        expect(logs[0]).toContain('Cost after iteration 0: 0.693147');
        expect(logs[1]).toContain('Cost after iteration 0: 9.685794');
        expect(logs[1]).toContain('Cost after iteration 9000: 0.436981');
        expect(logs[2]).toContain('Cost after iteration 0: 0.788206');
        expect(logs[2]).toContain('Cost after iteration 9000: 0.212226');
      });
    }
  });
}
