import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { rewriteMdxError } from '../../src/integrations/mdx-errors.ts';

describe('rewriteMdxError', () => {
  it('rewrites an MDX syntax error in place: message, line, column and Astro\'s loc', async () => {
    const code = '---\ntitle: x\n---\n\nFor l<L the term.\n';
    const error = await compile(code.replace(/^---[\s\S]*?---/, (m) => m.replace(/[^\n]/g, ' '))).then(() => undefined, (e: unknown) => e);
    const out = rewriteMdxError(error, code, '/repo/content/lessons/x.mdx?astro', '/repo') as Error & { line: number; column: number; loc: object };
    expect(out).toBe(error);
    expect(out.message).toBe('content/lessons/x.mdx:5:6: "<" before a letter is read as the start of a tag <L> in MDX.\n  Fix: put a space after "<" (l < L), write &lt;, or use math ($l < L$).');
    expect([out.line, out.column]).toEqual([5, 6]);
    expect(out.loc).toEqual({ file: '/repo/content/lessons/x.mdx?astro', line: 5, column: 6 });
  });

  it('leaves other errors alone', () => {
    const other = new Error('content/lessons/x.mdx:3: <CostCurve> prop …');
    expect(rewriteMdxError(other, '', '/repo/x.mdx', '/repo')).toBe(other);
    expect(other.message).toBe('content/lessons/x.mdx:3: <CostCurve> prop …');
  });
});
