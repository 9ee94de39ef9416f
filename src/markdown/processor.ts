/**
 * The site's Markdown/MDX processor: remark-math and KaTeX plus our checks and rewrites, in the order
 * they must run. astro.config.mjs uses it for the pages, and the authoring pre-check
 * (src/integrations/authoring-check.ts) for the same compile ahead of the build.
 */
import { unified } from '@astrojs/markdown-remark';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import rehypeHeadingIds from './rehype-heading-ids.ts';
import rehypeMathCompact from './rehype-math-compact.ts';
import remarkInternalLinks from './remark-internal-links.ts';
import remarkLessonComponents from './remark-lesson-components.ts';
import remarkProseChecks from './remark-prose-checks.ts';
import remarkTableMath from './remark-table-math.ts';

export interface ProcessorOptions {
  /** The deploy base path, e.g. "/some-repo/" ("" at the root). */
  base: string;
  /** Absolute project root; messages name files relative to it. */
  root: string;
}

/** `unified({...})` from @astrojs/markdown-remark, for `markdown.processor` in astro.config.mjs. */
export function lessonProcessor({ base, root }: ProcessorOptions): ReturnType<typeof unified> {
  return unified({
    remarkPlugins: [
      remarkMath,
      [remarkTableMath, { root }],
      [remarkProseChecks, { root }],
      [remarkInternalLinks, { base, root }],
      [remarkLessonComponents, { root }],
    ],
    // MathML only (drawn natively by Chromium, Firefox and Safari): a third of the bytes of KaTeX's HTML.
    rehypePlugins: [[rehypeKatex, { output: 'mathml' }], [rehypeHeadingIds, { root }], rehypeMathCompact],
  });
}
