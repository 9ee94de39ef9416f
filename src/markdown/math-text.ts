/**
 * Text with `$…$` math (frontmatter titles, descriptions, headings) in the two forms a page needs:
 *
 * - `mathHtml("Why $\\sigma$ saturates")` → escaped HTML with the math rendered by KaTeX, for
 *   headings and lesson lists;
 * - `mathPlain("Why $\\sigma$ saturates")` → "Why σ saturates", clean Unicode for `<title>`, meta
 *   tags, table-of-contents text and heading ids, where markup cannot go.
 *
 * The plain form is read from KaTeX's own MathML (so it agrees with what is rendered): symbols
 * as Unicode, scripts as Unicode super/subscripts where they exist (else `^(…)`, `_(…)`),
 * fractions as a/b, relations spaced. `\$` stands for a literal dollar sign.
 * @throws Error (KaTeX's ParseError message) when a formula does not parse.
 */
import katex from 'katex';

export interface MathSegment {
  math: boolean;
  value: string;
}

/** Splits text at unescaped `$…$` pairs; an unpaired `$` stays text. */
export function splitMath(text: string): MathSegment[] {
  const segments: MathSegment[] = [];
  let plain = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && text[i + 1] === '$') {
      plain += '$';
      i++;
      continue;
    }
    if (c === '$') {
      let j = i + 1;
      while (j < text.length && (text[j] !== '$' || text[j - 1] === '\\')) j++;
      if (j < text.length && j > i + 1) {
        if (plain) segments.push({ math: false, value: plain });
        plain = '';
        segments.push({ math: true, value: text.slice(i + 1, j) });
        i = j;
        continue;
      }
    }
    plain += c;
  }
  if (plain) segments.push({ math: false, value: plain });
  return segments;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** HTML for text with inline math rendered by KaTeX as MathML (drawn by the browser, read by screen readers), as in the lessons. */
export function mathHtml(text: string): string {
  return splitMath(text)
    .map((s) => (s.math ? compactMathString(katex.renderToString(s.value, { throwOnError: true, output: 'mathml' })) : escapeHtml(s.value)))
    .join('');
}

/** KaTeX's inline MathML without `xmlns` and the TeX annotation, as rehype-math-compact.ts leaves the lessons' math. */
const compactMathString = (html: string) =>
  html.replace(' xmlns="http://www.w3.org/1998/Math/MathML"', '').replace(/<semantics>([\s\S]*)<annotation [\s\S]*<\/annotation><\/semantics>/, '$1');

/** Clean Unicode text for text with inline math. */
export function mathPlain(text: string): string {
  return splitMath(text)
    .map((s) => (s.math ? texToText(s.value) : s.value))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when the text has at least one `$…$` formula. */
export const hasMath = (text: string): boolean => splitMath(text).some((s) => s.math);

interface MathNode {
  tag: string;
  children: (MathNode | string)[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m),
  );

/** Parses KaTeX's MathML (well-formed, no comments) into a small tree. */
function parseMathml(xml: string): MathNode {
  const root: MathNode = { tag: '#root', children: [] };
  const stack = [root];
  for (const m of xml.matchAll(/<(\/?)([a-z]+)[^>]*?(\/?)>|([^<]+)/g)) {
    const top = stack[stack.length - 1];
    if (m[4] !== undefined) top.children.push(decode(m[4]));
    else if (m[1]) stack.pop();
    else {
      const node: MathNode = { tag: m[2], children: [] };
      top.children.push(node);
      if (!m[3]) stack.push(node);
    }
  }
  return root;
}

const SUP: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '−': '⁻', '-': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ', T: 'ᵀ' };
const SUB: Record<string, string> = { '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', '+': '₊', '−': '₋', '-': '₋', '=': '₌', '(': '₍', ')': '₎', a: 'ₐ', e: 'ₑ', h: 'ₕ', i: 'ᵢ', j: 'ⱼ', k: 'ₖ', l: 'ₗ', m: 'ₘ', n: 'ₙ', o: 'ₒ', p: 'ₚ', r: 'ᵣ', s: 'ₛ', t: 'ₜ', u: 'ᵤ', v: 'ᵥ', x: 'ₓ' };
const SPACED = new Set(['=', '≤', '≥', '<', '>', '≈', '≠', '∼', '∝', '→', '←', '↦', '∈', '≡', '∣', '+', '−', '±', '×', '⋅', '·']);
const ACCENTS: Record<string, string> = { '^': '\u0302', ˆ: '\u0302', '~': '\u0303', '˜': '\u0303', '‾': '\u0304', ˉ: '\u0304', '¯': '\u0304', '˙': '\u0307', '→': '\u20d7' };

/** Script text as Unicode super/subscripts when every character has one, else ^(…) / _(…). */
function script(text: string, map: Record<string, string>, mark: string): string {
  const t = text.trim();
  if (t === '′' || t === '″' || t === '∗' || t === '*') return t;
  if ([...t].every((c) => c in map)) return [...t].map((c) => map[c]).join('');
  return t.length === 1 || /^\[[^\]]*\]$|^\([^)]*\)$/.test(t) ? `${mark}${t}` : `${mark}(${t})`;
}

const group = (t: string) => (/^[\p{L}\p{N}]+$/u.test(t) ? t : `(${t})`);

function textOf(node: MathNode | string, top: boolean): string {
  if (typeof node === 'string') return node;
  const kids = node.children.filter((c): c is MathNode => typeof c !== 'string');
  const inner = (i: number) => (kids[i] ? textOf(kids[i], false) : '');
  switch (node.tag) {
    case 'annotation':
      return '';
    case 'mo': {
      const op = node.children.join('');
      return top && SPACED.has(op) ? ` ${op} ` : op;
    }
    case 'mspace':
      return ' ';
    case 'msup':
      return inner(0) + script(inner(1), SUP, '^');
    case 'msub':
      return inner(0) + script(inner(1), SUB, '_');
    case 'msubsup':
      return inner(0) + script(inner(1), SUB, '_') + script(inner(2), SUP, '^');
    case 'mfrac':
      return `${group(inner(0))}/${group(inner(1))}`;
    case 'msqrt':
      return `√${group(node.children.map((c) => textOf(c, false)).join(''))}`;
    case 'mroot':
      return `${script(inner(1), SUP, '^')}√${group(inner(0))}`;
    case 'mover':
    case 'munder': {
      const accent = ACCENTS[inner(1).trim()];
      return accent && [...inner(0)].length === 1 ? inner(0) + accent : inner(0);
    }
    default:
      // mrow, semantics, mstyle, mtext, mi, mn…: their children in order; `top` carries through rows.
      return node.children.map((c) => textOf(c, top && (node.tag === 'mrow' || node.tag === 'semantics' || node.tag === 'math' || node.tag === '#root' || node.tag === 'span' || node.tag === 'mstyle'))).join('');
  }
}

/** One TeX formula as clean Unicode text, e.g. `\sigma'(z) \le 1/4` → "σ′(z) ≤ 1/4". */
export function texToText(tex: string): string {
  const mathml = katex.renderToString(tex, { throwOnError: true, output: 'mathml' });
  return textOf(parseMathml(mathml), true).normalize('NFC').replace(/\s+/g, ' ').trim();
}
