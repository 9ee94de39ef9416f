/**
 * Rehype plugin (after rehype-katex with `output: 'mathml'` and rehype-heading-ids): KaTeX's
 * MathML as the page needs it, and no more.
 *
 * - Display math is wrapped in `<span class="katex-display">`, as KaTeX's HTML output does, so
 *   the lesson's styles (centring, a scroll box for wide formulas) and print rules apply.
 * - `xmlns` goes: the HTML parser puts `<math>` in the MathML namespace by itself.
 * - `<semantics>` with its TeX `<annotation>` becomes its first child: browsers draw only that
 *   child and screen readers read it; the TeX was only for tools (heading ids read it before).
 *
 * - `mathvariant` other than "normal" (which MathML Core does not draw) becomes the Unicode
 *   mathematical letter it names: `<mi mathvariant="script">N</mi>` → `<mi>𝒩</mi>`.
 *
 * - Inline math is split after its top-level relations (=, ≈, ≤ …) into one `<math>` per
 *   piece: browsers never break a line inside `<math>`, and a long formula in prose would
 *   otherwise widen a phone's page (KaTeX's HTML broke there too).
 *
 * - Fewer elements, drawn the same: a `<math>`'s one `<mrow>` goes (`<math>` is a row itself),
 *   and a layer index `[l]`, `[1]` (`<mo>[</mo><mi>l</mi><mo>]</mo>` in an `<mrow>`) becomes one
 *   `<mi>[𝑙]</mi>`, its letter the Unicode italic the browser would have drawn. MathML is the
 *   costliest part of laying out a screen of the lesson: hiding it halved the layout when a link
 *   lands on an explorer (traced); this cut takes 21 % of the main lesson's MathML elements.
 *
 *   $$a^2$$  →  <span class="katex-display"><span class="katex"><math display="block"><msup>…</msup></math></span></span>
 */

interface HastNode {
  type: string;
  value?: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

const isKatex = (n: HastNode): boolean => {
  const c = n.properties?.className;
  return n.tagName === 'span' && Array.isArray(c) && c.includes('katex');
};

/** The <math> element of a `.katex` span, if it has one. */
const mathOf = (n: HastNode): HastNode | undefined => n.children?.find((c) => c.tagName === 'math');

/** First code point of A, of a, and the letters Unicode placed elsewhere (Letterlike Symbols), per variant. */
const LETTERS: Record<string, [number, number, Record<string, number>]> = {
  italic: [0x1d434, 0x1d44e, { h: 0x210e }],
  bold: [0x1d400, 0x1d41a, {}],
  'bold-italic': [0x1d468, 0x1d482, {}],
  script: [0x1d49c, 0x1d4b6, { B: 0x212c, E: 0x2130, F: 0x2131, H: 0x210b, I: 0x2110, L: 0x2112, M: 0x2133, R: 0x211b, e: 0x212f, g: 0x210a, o: 0x2134 }],
  'double-struck': [0x1d538, 0x1d552, { C: 0x2102, H: 0x210d, N: 0x2115, P: 0x2119, Q: 0x211a, R: 0x211d, Z: 0x2124 }],
  fraktur: [0x1d504, 0x1d51e, { C: 0x212d, H: 0x210c, I: 0x2111, R: 0x211c, Z: 0x2128 }],
};

/** `ch` in the mathematical alphabet `variant`, or undefined when Unicode has none for it. */
export function mathLetter(ch: string, variant: string): string | undefined {
  const v = LETTERS[variant];
  if (!v || !/^[A-Za-z]$/.test(ch)) return undefined;
  const code = v[2][ch] ?? (ch <= 'Z' ? v[0] + ch.charCodeAt(0) - 65 : v[1] + ch.charCodeAt(0) - 97);
  return String.fromCodePoint(code);
}

/** The one text node an element holds, if that is all it holds. */
const soleText = (n: HastNode | undefined): HastNode | undefined =>
  n?.type === 'element' && n.children?.length === 1 && n.children[0].type === 'text' ? n.children[0] : undefined;

/** An element's mathvariant, as hast spells it (mathVariant) or as written (mathvariant). */
const variantOf = (n: HastNode): unknown => n.properties?.mathVariant ?? n.properties?.mathvariant;

/** Rewrites `<mi mathvariant="script">N</mi>` and the like as Unicode letters, in place. */
function unicodeVariants(n: HastNode): void {
  const variant = variantOf(n);
  const text = soleText(n);
  if (n.tagName === 'mi' && typeof variant === 'string' && text?.value) {
    const letters = [...text.value].map((c) => mathLetter(c, variant));
    if (letters.every((c) => c !== undefined)) {
      text.value = letters.join('');
      delete n.properties!.mathVariant;
      delete n.properties!.mathvariant;
    }
  }
  for (const c of n.children ?? []) unicodeVariants(c);
}

/** Drops `xmlns` and the `<semantics>` wrapper (keeping what it draws) from one `<math>`. */
export function compactMath(math: HastNode): void {
  if (math.properties) delete math.properties.xmlns;
  math.children = (math.children ?? []).flatMap((c) => {
    if (c.tagName !== 'semantics') return [c];
    const shown = (c.children ?? []).filter((x) => x.type === 'element' && x.tagName !== 'annotation' && x.tagName !== 'annotation-xml');
    return shown.slice(0, 1);
  });
  unicodeVariants(math);
  compactIndices(math);
  if (math.children.length === 1 && math.children[0].tagName === 'mrow') math.children = math.children[0].children ?? [];
}

const textOf = (n: HastNode | undefined): string | undefined => soleText(n)?.value;

const isBracket = (n: HastNode | undefined, b: string): boolean =>
  n?.tagName === 'mo' && textOf(n) === b && n.properties?.stretchy === 'false';

/**
 * What `<mrow><mo>[</mo>X<mo>]</mo></mrow>` draws as one `<mi>` text, when X is digits (`<mn>`) or
 * one Latin letter (`<mi>`, italic unless `mathvariant="normal"`); otherwise undefined.
 */
function indexText(n: HastNode): string | undefined {
  const kids = (n.children ?? []).filter((c) => c.type === 'element');
  if (n.tagName !== 'mrow' || kids.length !== 3 || kids.length !== n.children!.length) return undefined;
  if (!isBracket(kids[0], '[') || !isBracket(kids[2], ']')) return undefined;
  const inner = kids[1];
  const text = textOf(inner);
  if (!text || Object.keys(inner.properties ?? {}).some((k) => !/^math-?variant$/i.test(k))) return undefined;
  if (inner.tagName === 'mn' && /^[0-9]+$/.test(text)) return `[${text}]`;
  if (inner.tagName !== 'mi' || !/^[A-Za-z]$/.test(text)) return undefined;
  const variant = variantOf(inner);
  if (variant === 'normal') return `[${text}]`;
  return variant === undefined ? `[${mathLetter(text, 'italic')}]` : undefined;
}

/** Rewrites every layer index `[l]` under `n` as one `<mi>`, in place (see indexText). */
function compactIndices(n: HastNode): void {
  for (const c of n.children ?? []) {
    const text = indexText(c);
    if (text === undefined) compactIndices(c);
    else {
      c.tagName = 'mi';
      c.properties = {};
      c.children = [{ type: 'text', value: text }];
    }
  }
}

/** Operators a line may break after, as in TeX's inline math. */
const RELATIONS = new Set(['=', '≈', '≤', '≥', '<', '>', '≠', '∼', '≃', '≡', '∝', '→', '←', '⇒', '⟹', '⟺', '∈']);

const isRelation = (n: HastNode): boolean =>
  n.tagName === 'mo' && RELATIONS.has(String(textOf(n) ?? '').trim());

/** `<math>` pieces of an inline formula, split after each top-level relation (one piece if none). */
export function inlinePieces(math: HastNode): HastNode[] {
  const items = math.children ?? [];
  const pieces: HastNode[][] = [[]];
  items.forEach((c, i) => {
    pieces[pieces.length - 1].push(c);
    if (isRelation(c) && i < items.length - 1) pieces.push([]);
  });
  if (pieces.length < 2) return [math];
  return pieces.map((children) => ({ ...math, properties: { ...math.properties }, children }));
}

function visit(parent: HastNode): void {
  const children = parent.children ?? [];
  for (let i = 0; i < children.length; i++) {
    const n = children[i];
    if (isKatex(n)) {
      const math = mathOf(n);
      if (!math) continue;
      compactMath(math);
      const inDisplay = Array.isArray(parent.properties?.className) && (parent.properties.className as unknown[]).includes('katex-display');
      if (math.properties?.display === 'block' && !inDisplay) {
        children[i] = { type: 'element', tagName: 'span', properties: { className: ['katex-display'] }, children: [n] };
      } else if (math.properties?.display !== 'block') n.children = n.children!.flatMap((c) => (c === math ? inlinePieces(math) : [c]));
      continue;
    }
    visit(n);
  }
}

/** The plugin: compacts every KaTeX MathML element of the tree in place. */
export default function rehypeMathCompact() {
  return (tree: HastNode) => visit(tree);
}
