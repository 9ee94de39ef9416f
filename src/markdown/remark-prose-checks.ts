/**
 * Remark plugin (after remark-math): prose that MDX accepts but shows wrongly stops the build with
 * file:line:column and a one-line fix.
 *
 * - A `$` meant as a dollar sign: `costs $5 and $10` becomes the formula "5 and ". Caught with
 *   pandoc's rule: inline math does not start or end with a space and is not followed by a digit.
 * - A formula that runs over a `code span`: a "$" left open (TeX never holds a backquote).
 * - A bare `{…}` in prose: MDX evaluates it as JavaScript (`{1, 2}` prints 2, `{x}` fails at
 *   render). Lessons need no expressions; comments `{/* … *\/}` stay allowed.
 */
import { relative } from 'node:path';

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { line: number; column: number; offset?: number }; end: { offset?: number } };
}

export interface ProseCheckOptions {
  /** Project root; files are reported relative to it. */
  root?: string;
}

const COMMENT = /^\s*\/\*[\s\S]*\*\/\s*$/;

function fail(path: string, node: MdNode, problem: string, fix: string): never {
  const { line, column } = node.position!.start;
  throw Object.assign(new Error(`${path}:${line}:${column}: ${problem}.\n  Fix: ${fix}.`), { line, column });
}

export default function remarkProseChecks(options: ProseCheckOptions = {}) {
  return (tree: MdNode, file: { path?: string; value?: unknown }) => {
    const path = file.path ? relative(options.root ?? process.cwd(), file.path) : 'MDX';
    const source = String(file.value ?? '');
    const visit = (node: MdNode): void => {
      const { start, end } = node.position ?? {};
      if (node.type === 'inlineMath' && start?.offset !== undefined && end?.offset !== undefined) {
        const raw = source.slice(start.offset, end.offset);
        const after = source[end.offset] ?? '';
        // TeX has no backquotes: a formula that swallowed a `code span` began at a stray "$".
        if (/`/.test(node.value ?? '')) {
          const shown = raw.length > 40 ? `${raw.slice(0, 37)}…` : raw;
          fail(path, node, `"${shown}" is read as one formula running over a code span, so a "$" was left open`, 'close the formula, or write a dollar sign in prose as \\$ (inside `code` it needs nothing)');
        }
        if (/^\$[^$]/.test(raw) && (/^\$\s|\s\$$/.test(raw) || /\d/.test(after))) {
          const dollars = raw.replace(/\$/g, '\\$');
          fail(path, node, `"${raw}" is read as a formula; a "$" that starts or ends next to a space, or is followed by a digit, is a dollar sign in prose`, `write a dollar sign as \\$ (${dollars}), or remove the spaces inside the formula`);
        }
      }
      if ((node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') && !COMMENT.test(node.value ?? '')) {
        const inner = (node.value ?? '').trim();
        fail(path, node, `"{${inner}}" is read as a JavaScript expression in MDX`, `write literal braces as \\{${inner}\\}, or put the text in math ($\\{${inner}\\}$)`);
      }
      // Component props may hold expressions; their children are prose again.
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  };
}
