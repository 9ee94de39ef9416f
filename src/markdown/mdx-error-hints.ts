/**
 * Turns the MDX parser's syntax errors for common author mistakes into messages that teach:
 * `file:line:column` at the offending character (not where the parser gave up) plus a one-line fix.
 *
 * Covered: a bare `<` before a letter, digit or `=`; HTML comments; autolinks `<https://…>`;
 * bare `{…}` in prose (including `{#id}` after a heading and braces after an unclosed `$`).
 * Any other error keeps its own words, with the location put in front.
 */

/** The fields of a micromark/MDX VFileMessage this module reads. */
export interface MdxSyntaxError {
  message: string;
  reason?: string;
  source?: string;
  ruleId?: string;
  line?: number;
  column?: number;
}

export interface TaughtError {
  line: number;
  column: number;
  /** `file:line:column: what is wrong` then `  Fix: …`. */
  message: string;
}

/** True for errors raised by the MDX syntax extensions (JSX, expressions, ESM). */
export const isMdxSyntaxError = (e: unknown): e is MdxSyntaxError =>
  typeof e === 'object' && e !== null && typeof (e as MdxSyntaxError).source === 'string' && (e as MdxSyntaxError).source!.startsWith('micromark-extension-mdx');

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** Unescaped `$` signs on the line before `offset`: an odd count means math was left open. */
function openMath(text: string, offset: number): boolean {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return (text.slice(start, offset).replace(/\\\$/g, '').match(/\$/g)?.length ?? 0) % 2 === 1;
}

const HTML_TAGS = new Set('a abbr b br code del details div em figure figcaption h1 h2 h3 h4 h5 h6 hr i img kbd li ol p pre q s small span strong sub summary sup table tbody td th thead tr u ul'.split(' '));

function teachTag(text: string, at: number): { problem: string; fix: string } | undefined {
  const rest = text.slice(at + 1);
  const before = text[at - 1] ?? '\n';
  if (rest.startsWith('!')) {
    const inner = /^!--([\s\S]*?)-->/.exec(rest)?.[1]?.trim() ?? 'note';
    return { problem: 'an HTML comment "<!-- … -->" is not valid in MDX', fix: `write the comment as {/* ${inner} */}` };
  }
  const link = /^([a-z][a-z0-9+.-]*:[^\s>]*|[^\s>@]+@[^\s>]+)>/i.exec(rest);
  if (link) {
    const href = link[1].includes(':') ? link[1] : `mailto:${link[1]}`;
    return { problem: `an autolink "<${link[1]}>" is read as a tag in MDX`, fix: `write [${link[1]}](${href}), or the bare address ${link[1]}` };
  }
  // The author's own operands, for a fix they can paste: `l<L` → `l < L` and `$l < L$`.
  const left = /([A-Za-z0-9.]+)$/.exec(text.slice(Math.max(0, at - 12), at).trimEnd())?.[1] ?? 'a';
  const right = /^=?\s*([A-Za-z0-9.]+)/.exec(rest)?.[1]?.replace(/\.$/, '') ?? 'b';
  if (rest.startsWith('=')) {
    return { problem: '"<=" is read as the start of a tag in MDX', fix: `write ≤ (${left} ≤ ${right}), &lt;= or math ($${left} \\le ${right}$)` };
  }
  const fix = `put a space after "<" (${left} < ${right}), write &lt;, or use math ($${left} < ${right}$)`;
  if (/^\d/.test(rest)) return { problem: '"<" before a digit is read as the start of a tag in MDX', fix };
  const name = /^[A-Za-z][\w.-]*/.exec(rest)?.[0];
  if (!name) return undefined;
  // A real tag: a capitalized component or an HTML element written after a space.
  const looksLikeTag = /\s|^$|[([{>]/.test(before) && (/^[A-Z][A-Za-z0-9]+$/.test(name) || HTML_TAGS.has(name));
  if (looksLikeTag) return undefined;
  return { problem: `"<" before a letter is read as the start of a tag <${name}> in MDX`, fix };
}

/** Index of the `{` an expression error is about: the unclosed one for end-of-file errors. */
function braceOf(text: string, offset: number, eof: boolean): number {
  if (!eof) return text.lastIndexOf('{', Math.max(0, offset - 1));
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '{') open.push(i);
    else if (text[i] === '}') open.pop();
  }
  return open[0] ?? -1;
}

function teachBrace(text: string, at: number): { problem: string; fix: string } {
  const expr = /^\{([^{}\n]*)\}?/.exec(text.slice(at))?.[1] ?? '…';
  if (/^#[\w-]*$/.test(expr)) return { problem: `"{${expr}}" is not MDX`, fix: `to give a heading its own id, write {/* ${expr} */}` };
  if (openMath(text, at)) return { problem: 'this brace follows a "$" that is never closed, so it is read as a JavaScript expression', fix: 'close the formula with "$" on the same line' };
  return { problem: `"{${expr}}" is read as a JavaScript expression in MDX`, fix: `write literal braces as \\{${expr}\\}, or put the text in math ($\\{${expr}\\}$)` };
}

/**
 * The teaching message for an MDX syntax error in `text` (the file's full source, frontmatter
 * included, so lines match). `file` is the path to print.
 */
export function teach(error: MdxSyntaxError, text: string, file: string): TaughtError {
  const line = error.line ?? 1;
  const column = error.column ?? 1;
  const offset = offsetOf(text, line, column);
  const reason = (error.reason ?? error.message).replace(/^\d+:\d+(-\d+:\d+)?:\s*/, '');
  let found: { at: number; problem: string; fix: string } | undefined;
  if (error.source === 'micromark-extension-mdx-jsx') {
    const at = text.lastIndexOf('<', Math.max(0, offset - 1));
    const hint = at >= 0 ? teachTag(text, at) : undefined;
    if (hint) found = { at, ...hint };
  } else if (error.source === 'micromark-extension-mdx-expression' && error.ruleId !== 'acorn-parse-esm') {
    const at = braceOf(text, offset, error.ruleId === 'unexpected-eof');
    if (at >= 0) found = { at, ...teachBrace(text, at) };
  }
  if (!found) return { line, column, message: `${file}:${line}:${column}: ${reason}` };
  const where = position(text, found.at);
  return { ...where, message: `${file}:${where.line}:${where.column}: ${found.problem}.\n  Fix: ${found.fix}.` };
}
