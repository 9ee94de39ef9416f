import { compile } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import remarkProseChecks from '../../src/markdown/remark-prose-checks.ts';

const build = (mdx: string) => compile(new VFile({ path: '/repo/content/lessons/x.mdx', value: mdx }), { remarkPlugins: [remarkMath, [remarkProseChecks, { root: '/repo' }]] });

describe('remark-prose-checks', () => {
  it('a "$" used as a dollar sign', async () => {
    await expect(build('Intro.\n\nIt costs $5 and $10.\n')).rejects.toThrow(
      'content/lessons/x.mdx:3:10: "$5 and $" is read as a formula; a "$" that starts or ends next to a space, or is followed by a digit, is a dollar sign in prose.\n  Fix: write a dollar sign as \\$ (\\$5 and \\$), or remove the spaces inside the formula.',
    );
    await expect(build('From $5 to$10.\n')).rejects.toThrow(/x\.mdx:1:6: "\$5 to\$" is read as a formula/);
  });

  it('a "$" left open that swallows a code span', async () => {
    await expect(build('It shows "$P(A" and then `|`, not `$P(A \\mid B)$`.\n')).rejects.toThrow(
      /^content\/lessons\/x\.mdx:1:11: "\$P\(A" and then `\|`, not `\$" is read as one formula running over a code span, so a "\$" was left open\.\n {2}Fix: close the formula/,
    );
  });

  it('a bare {…} in prose, also inside a component', async () => {
    await expect(build('A set {1, 2} here.\n')).rejects.toThrow('content/lessons/x.mdx:1:7: "{1, 2}" is read as a JavaScript expression in MDX.\n  Fix: write literal braces as \\{1, 2\\}');
    await expect(build('<Aside>\n\nSee {x}.\n\n</Aside>\n')).rejects.toThrow(/x\.mdx:3:5: "\{x\}"/);
  });

  it('accepts ordinary math, escaped dollars, comments and prop expressions', async () => {
    await expect(build('Math $x^2$, $0.5^{28}$, price \\$5 and \\$10 {/* note */}.\n\n<Foo n={3} />\n')).resolves.toBeDefined();
  });
});
