/**
 * Finds an exported declaration in the engine's source text, for <EngineCode>: the
 * `export function|const|class <name>` statement with the /** doc comment *\/ right above it.
 *
 * The scanner is a small tokenizer, not a TypeScript parser: it skips strings, template
 * literals (with `${…}` holes), comments and regular-expression literals, and matches (), [] and
 * {}. That is enough for the engine's sources, which are ordinary, formatted TypeScript.
 */

/** One extracted declaration. */
export interface EngineDeclaration {
  /** The exported name. */
  readonly symbol: string;
  /** File name inside src/engine, e.g. "initializers.ts". */
  readonly file: string;
  /** The doc comment (if any) and the whole declaration, dedented, without trailing whitespace. */
  readonly code: string;
  /** 1-based line of the first extracted line (the doc comment if there is one). */
  readonly line: number;
}

const DECLARATION = /^export\s+(?:declare\s+)?(?:async\s+)?(function\s*\*?|const|let|class|abstract\s+class)\s+([A-Za-z_$][\w$]*)/gm;

/** `path` may be "../engine/network.ts" (an import.meta.glob key) or "network.ts". */
function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Sources keyed by file name, sorted, without the barrel index.ts (it only re-exports). */
function engineFiles(sources: Record<string, string>): [string, string][] {
  return Object.entries(sources)
    .map(([path, text]) => [fileName(path), text] as [string, string])
    .filter(([file]) => file.endsWith('.ts') && file !== 'index.ts' && !file.endsWith('.d.ts'))
    .sort(([a], [b]) => a.localeCompare(b));
}

/** Every name exported as a function, const or class by the sources, sorted and unique. */
export function exportedSymbols(sources: Record<string, string>): string[] {
  const names = new Set<string>();
  for (const [, text] of engineFiles(sources)) {
    for (const match of text.matchAll(DECLARATION)) names.add(match[2]);
  }
  return [...names].sort((a, b) => a.localeCompare(b));
}

/** Index just past the string/template/comment/regex starting at `i`, or -1 if none starts there. */
function skipNonCode(text: string, i: number, previous: string): number {
  const c = text[i];
  const next = text[i + 1];
  if (c === '/' && next === '/') {
    const end = text.indexOf('\n', i);
    return end < 0 ? text.length : end;
  }
  if (c === '/' && next === '*') {
    const end = text.indexOf('*/', i + 2);
    return end < 0 ? text.length : end + 2;
  }
  if (c === '"' || c === "'") {
    let j = i + 1;
    while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
    return j + 1;
  }
  if (c === '`') {
    let j = i + 1;
    while (j < text.length && text[j] !== '`') {
      if (text[j] === '\\') j += 2;
      else if (text[j] === '$' && text[j + 1] === '{') j = matchBracket(text, j + 1) + 1;
      else j++;
    }
    return j + 1;
  }
  // A slash starts a regular expression where an operand is expected.
  if (c === '/' && (previous === '' || '(,=:[!&|?{};+-*%<>~^'.includes(previous))) {
    let j = i + 1;
    let inClass = false;
    while (j < text.length && text[j] !== '\n') {
      if (text[j] === '\\') j++;
      else if (text[j] === '[') inClass = true;
      else if (text[j] === ']') inClass = false;
      else if (text[j] === '/' && !inClass) return j + 1;
      j++;
    }
    return -1; // not a regex after all (e.g. a division at a line end)
  }
  return -1;
}

const OPEN = '([{';
const CLOSE = ')]}';

/** Indexes of the code characters from `start` on: strings, templates, comments and regexes are skipped. */
function* codeIndexes(text: string, start: number): Generator<number> {
  let previous = '';
  for (let i = start; i < text.length; ) {
    const skipped = skipNonCode(text, i, previous);
    if (skipped >= 0) {
      i = skipped;
      continue;
    }
    yield i;
    if (!/\s/.test(text[i])) previous = text[i];
    i++;
  }
}

/** Index of the bracket that closes the one at `start`; text.length if it is never closed. */
function matchBracket(text: string, start: number): number {
  let depth = 0;
  for (const i of codeIndexes(text, start)) {
    if (OPEN.includes(text[i])) depth++;
    else if (CLOSE.includes(text[i]) && --depth === 0) return i;
  }
  return text.length;
}

/**
 * End (exclusive) of the declaration starting at `start`. A function or class ends with the brace
 * that closes its body; the body is the first top-level `{`, outside type parameters `<…>`, that
 * cannot begin a type (it does not follow `:`, `|`, `&`, `<`, `,`, `(` or `=>`). A const ends at its top-level `;`, or at the end of
 * its line if it has none.
 */
function declarationEnd(text: string, start: number, kind: string): number {
  const block = kind !== 'const' && kind !== 'let';
  let depth = 0;
  let previous = '';
  let beforePrevious = '';
  let angles = 0;
  for (const i of codeIndexes(text, start)) {
    const c = text[i];
    if (depth === 0 && block && c === '{' && angles === 0) {
      const arrow = previous === '>' && beforePrevious === '=';
      if (!':|&<,('.includes(previous) && !arrow) return matchBracket(text, i) + 1;
    }
    // Type parameters before the body: `<T extends { m: number }>`.
    if (depth === 0 && block && c === '<') angles++;
    if (depth === 0 && block && c === '>' && previous !== '=' && angles > 0) angles--;
    if (depth === 0 && !block && c === ';') return i + 1;
    if (depth === 0 && !block && c === '\n' && !/[=,([{:?|&+\-*/.<>]$/.test(text.slice(start, i).trimEnd())) {
      // No semicolon: the statement ends where a line ends without continuing (ASI).
      const rest = text.slice(i).trimStart();
      if (!/^[.?:|&+\-*/,)\]}=]/.test(rest)) return i;
    }
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth--;
    if (!/\s/.test(c)) {
      beforePrevious = previous;
      previous = c;
    }
  }
  return text.length;
}

/** Start of the /** doc comment *\/ that ends right above `start` (only blank space between), else `start`. */
function docCommentStart(text: string, start: number): number {
  const before = text.slice(0, start).trimEnd();
  if (!before.endsWith('*/')) return start;
  const open = before.lastIndexOf('/**');
  if (open < 0 || before.indexOf('*/', open) !== before.length - 2) return start;
  return text.lastIndexOf('\n', open) + 1; // keep the comment's own indentation
}

/** Removes the indentation shared by all non-blank lines. */
function dedent(code: string): string {
  const lines = code.split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}

/** The declaration of `symbol` with its doc comment, or null if no engine file exports it. */
export function findDeclaration(sources: Record<string, string>, symbol: string): EngineDeclaration | null {
  for (const [file, text] of engineFiles(sources)) {
    for (const match of text.matchAll(DECLARATION)) {
      if (match[2] !== symbol) continue;
      const start = match.index;
      const kind = match[1].replace(/\s|\*/g, '').replace(/^abstract/, '');
      const end = declarationEnd(text, start, kind);
      const from = docCommentStart(text, start);
      const code = dedent(text.slice(from, end)).trimEnd();
      const line = text.slice(0, from).split('\n').length;
      return { symbol, file, code, line };
    }
  }
  return null;
}

/** A run of lines of a listing; `check` marks argument checks (an `if` that only throws). */
export interface CodeSegment {
  code: string;
  check: boolean;
}

/**
 * Splits a listing into runs of ordinary lines and of argument checks, so the page can fold the
 * checks and show the arithmetic first: `if (…) throw …;` on one line, or `if (…) {` / `throw …` /
 * `}` (the throw may span lines up to the closing brace at the `if`'s indentation).
 */
export function segmentChecks(code: string): CodeSegment[] {
  const lines = code.split('\n');
  const segments: CodeSegment[] = [];
  const push = (text: string, check: boolean) => {
    const last = segments.at(-1);
    if (last && last.check === check) last.code += `\n${text}`;
    else segments.push({ code: text, check });
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*if \(.*\) throw\b.*;\s*$/.test(line)) {
      push(line, true);
      continue;
    }
    const open = /^(\s*)if \(.*\) \{\s*$/.exec(line);
    const close = open ? lines.findIndex((l, k) => k > i && l === `${open[1]}}`) : -1;
    if (open && close > i && /^\s*throw\b/.test(lines[i + 1] ?? '')) {
      push(lines.slice(i, close + 1).join('\n'), true);
      i = close;
      continue;
    }
    push(line, false);
  }
  return segments;
}
