/**
 * Remark plugin: math in GFM table cells. A table row is split at every `|` before math is read,
 * so `| $P(A|B)$ |` silently shows "$P(A" and drops the rest, and `\|` (the table's escape) reaches
 * KaTeX as ∥. Both stop the build with the file, line and column and the fix (\mid or \vert).
 */
import { relative } from 'node:path';

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { line: number; column: number; offset?: number }; end: { line: number } };
}

export interface TableMathOptions {
  /** Project root; files are reported relative to it. */
  root?: string;
}

const HINT = 'write \\mid for a divider such as P(A \\mid B), or \\vert for |x| (\\Vert for ‖)';

/**
 * Columns (1-based) of `|` characters that cut a `$…$` span in one table row's source line.
 * Spans follow pandoc's rule so prices stay text: the opening `$` is followed by a non-space, the
 * closing `$` follows a non-space and is not followed by a digit. Code spans and escapes are skipped.
 */
export function cutPipes(line: string): number[] {
  const cuts: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '`') {
      const run = /^`+/.exec(line.slice(i))![0];
      const close = line.indexOf(run, i + run.length);
      if (close > 0) i = close + run.length - 1;
      continue;
    }
    if (c !== '$' || line[i + 1] === '$' || !line[i + 1] || /\s/.test(line[i + 1])) continue;
    const pipes: number[] = [];
    for (let j = i + 1; j < line.length; j++) {
      if (line[j] === '\\') {
        j++;
        continue;
      }
      if (line[j] === '|') pipes.push(j + 1);
      if (line[j] === '$' && !/\s/.test(line[j - 1]) && !/\d/.test(line[j + 1] ?? '')) {
        if (pipes.length) cuts.push(...pipes);
        i = j;
        break;
      }
    }
  }
  return cuts;
}

function visit(node: MdNode, parents: MdNode[], fn: (n: MdNode, parents: MdNode[]) => void): void {
  fn(node, parents);
  for (const c of node.children ?? []) visit(c, [...parents, node], fn);
}

function fail(message: string, line: number, column: number): never {
  throw Object.assign(new Error(message), { line, column });
}

export default function remarkTableMath(options: TableMathOptions = {}) {
  return (tree: MdNode, file: { path?: string; value?: unknown }) => {
    const path = file.path ? relative(options.root ?? process.cwd(), file.path) : 'MDX';
    const lines = String(file.value ?? '').split('\n');
    visit(tree, [], (node, parents) => {
      if (node.type === 'tableRow' && node.position) {
        const n = node.position.start.line;
        const cut = cutPipes(lines[n - 1] ?? '')[0];
        if (cut) fail(`${path}:${n}:${cut}: this "|" is inside $…$ in a table row, so it ends the cell and cuts the formula; ${HINT}`, n, cut);
      }
      if (node.type === 'inlineMath' && /\\\|/.test(node.value ?? '') && parents.some((p) => p.type === 'tableCell') && node.position) {
        const { line, column } = node.position.start;
        fail(`${path}:${line}:${column}: "\\|" in math inside a table cell renders as ‖ (a double bar), not |; ${HINT}`, line, column);
      }
    });
  };
}
