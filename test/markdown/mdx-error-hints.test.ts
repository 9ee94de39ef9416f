import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { describe, expect, it } from 'vitest';
import { isMdxSyntaxError, teach } from '../../src/markdown/mdx-error-hints.ts';

const FRONT = '---\ntitle: T\n---\n\n';

/** The taught message for an MDX source, compiled as the site does (frontmatter blanked). */
async function taught(body: string): Promise<string> {
  const text = FRONT + body;
  try {
    await compile(text.replace(/^---[\s\S]*?---/, (m) => m.replace(/[^\n]/g, ' ')), { remarkPlugins: [remarkGfm, remarkMath] });
  } catch (e) {
    expect(isMdxSyntaxError(e)).toBe(true);
    return teach(e as never, text, 'content/lessons/x.mdx').message;
  }
  throw new Error('compiled without error');
}

describe('teach', () => {
  it('a bare "<" before a letter: the column of the "<" and a fix with the author\'s operands', async () => {
    expect(await taught('Intro.\n\nFor l<L the term vanishes.\n')).toBe(
      'content/lessons/x.mdx:7:6: "<" before a letter is read as the start of a tag <L> in MDX.\n  Fix: put a space after "<" (l < L), write &lt;, or use math ($l < L$).',
    );
  });

  it('"<=" and "<" before a digit', async () => {
    expect(await taught('Keep rate <= 0.5 here.\n')).toBe('content/lessons/x.mdx:5:11: "<=" is read as the start of a tag in MDX.\n  Fix: write ≤ (rate ≤ 0.5), &lt;= or math ($rate \\le 0.5$).');
    expect(await taught('Python (>=3.12,<3.14) works.\n')).toMatch(/^content\/lessons\/x\.mdx:5:16: "<" before a digit .*\n {2}Fix: put a space after "<" \(a < 3\.14\)/);
  });

  it('HTML comments and autolinks', async () => {
    expect(await taught('A <!-- check this --> here.\n')).toBe('content/lessons/x.mdx:5:3: an HTML comment "<!-- … -->" is not valid in MDX.\n  Fix: write the comment as {/* check this */}.');
    expect(await taught('See <https://example.com/a> now.\n')).toBe('content/lessons/x.mdx:5:5: an autolink "<https://example.com/a>" is read as a tag in MDX.\n  Fix: write [https://example.com/a](https://example.com/a), or the bare address https://example.com/a.');
    expect(await taught('Mail <me@example.com>.\n')).toContain('Fix: write [me@example.com](mailto:me@example.com)');
  });

  it('bare braces, a heading id in braces and braces after an unclosed "$"', async () => {
    expect(await taught('It is assigned to {no one/a team} now.\n')).toBe('content/lessons/x.mdx:5:19: "{no one/a team}" is read as a JavaScript expression in MDX.\n  Fix: write literal braces as \\{no one/a team\\}, or put the text in math ($\\{no one/a team\\}$).');
    expect(await taught('## Head {#my-id}\n')).toBe('content/lessons/x.mdx:5:9: "{#my-id}" is not MDX.\n  Fix: to give a heading its own id, write {/* #my-id */}.');
    expect(await taught('If $\\frac{a}{b and more\n')).toMatch(/^content\/lessons\/x\.mdx:5:13: this brace follows a "\$" that is never closed.*\n {2}Fix: close the formula/);
  });

  it('a real component error keeps its own words, with the location in front', async () => {
    expect(await taught('<Aside type=note>\n\nx\n\n</Aside>\n')).toMatch(/^content\/lessons\/x\.mdx:5:13: Unexpected character `n`/);
  });
});
