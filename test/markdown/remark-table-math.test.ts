import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import remarkTableMath, { cutPipes } from '../../src/markdown/remark-table-math.ts';

const build = (mdx: string) =>
  compile(new VFile({ path: '/repo/content/lessons/x.mdx', value: mdx }), { remarkPlugins: [remarkGfm, remarkMath, [remarkTableMath, { root: '/repo' }]] });
const table = (row: string) => `Text.\n\n| case | formula |\n| --- | --- |\n${row}\n`;

describe('cutPipes', () => {
  it('finds a pipe inside a formula and leaves prices, code and escapes alone', () => {
    expect(cutPipes('| raw pipe | $P(A|B)$ |')).toEqual([18]);
    expect(cutPipes('| $5 | $10 |')).toEqual([]);
    expect(cutPipes('| `$a|b$` | $x$ |')).toEqual([]);
    expect(cutPipes('| $P(A \\mid B)$ | $\\vert x \\vert$ |')).toEqual([]);
    expect(cutPipes('| $|x|$ |')).toEqual([4, 6]);
  });
});

describe('remark-table-math', () => {
  it('stops on a formula cut by a table cell, naming file, line, column and the fix', async () => {
    await expect(build(table('| raw pipe | $P(A|B)$ |'))).rejects.toThrow(
      'content/lessons/x.mdx:5:18: this "|" is inside $…$ in a table row, so it ends the cell and cuts the formula; write \\mid for a divider such as P(A \\mid B), or \\vert for |x| (\\Vert for ‖)',
    );
  });

  it('stops on \\| in table math, which KaTeX draws as a double bar', async () => {
    await expect(build(table('| escaped | $P(A\\|B)$ |'))).rejects.toThrow('content/lessons/x.mdx:5:13: "\\|" in math inside a table cell renders as ‖ (a double bar), not |; write \\mid');
  });

  it('accepts \\mid, \\vert, prices and pipes outside tables', async () => {
    await expect(build(table('| ok | $P(A \\mid B)$, $\\vert x \\vert$, $5 or $6 |') + '\nOutside: $|x|$ and $\\|x\\|$.\n')).resolves.toBeDefined();
  });
});
