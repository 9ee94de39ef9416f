/**
 * Rehype plugin (after rehype-katex): clean, stable, unique heading ids and table-of-contents text.
 *
 * - Text: math is read as Unicode from its TeX (`## Why $\sigma'(z) \le 1/4$ matters` →
 *   "Why σ′(z) ≤ 1/4 matters"), not KaTeX's MathML + annotation + HTML glued together.
 * - Id: slug of that text (`why-σz-14-matters`), never one of the layout's ids (`content` →
 *   `content-1`) nor an id the file's JSX gives, unique in the page.
 * - Author id: `## Heading {/* #my-id *\/}` (an MDX comment, so MDX accepts it and renders
 *   nothing); a malformed, reserved or repeated author id stops the build with file and line.
 *
 * Astro's own heading collector (which runs after this) keeps an id that is set; its text is
 * replaced by ours when it stores the headings list.
 */
import { relative } from 'node:path';
import { slug as githubSlug } from 'github-slugger';
import { texToText } from './math-text.ts';

/** Ids the page layouts (Base, Article, index) put on every page; headings never take them. */
export const LAYOUT_IDS = ['content', 'toc-title', 'lessons'] as const;

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
  position?: { start: { line: number; column: number } };
}

interface HeadingFile {
  path?: string;
  data: { astro?: Record<string, unknown> };
}

export interface HeadingIdOptions {
  /** Project root; files are reported relative to it. */
  root?: string;
  /** Extra ids to avoid. */
  reserved?: string[];
}

const AUTHOR_ID = /^\s*\/\*\s*#(\S*)\s*\*\/\s*$/;
const VALID_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

const classes = (n: HastNode): string[] => {
  const c = n.properties?.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
};

function textContent(n: HastNode): string {
  if (n.type === 'text') return n.value ?? '';
  return (n.children ?? []).map(textContent).join('');
}

/** The TeX a KaTeX element was rendered from (its MathML annotation). */
function texOf(n: HastNode): string | undefined {
  if (n.tagName === 'annotation') return textContent(n);
  for (const c of n.children ?? []) {
    const t = texOf(c);
    if (t !== undefined) return t;
  }
  return undefined;
}

/** Reader-visible text of a heading, math as Unicode. */
export function headingText(n: HastNode): string {
  if (n.type === 'text') return n.value ?? '';
  if (n.type === 'element' && classes(n).includes('katex')) {
    const tex = texOf(n);
    return tex === undefined ? '' : texToText(tex);
  }
  if (n.type === 'mdxTextExpression') return '';
  return (n.children ?? []).map(headingText).join('');
}

/** GitHub-style slug without runs of dashes (`σ′(z) ≤ 1/4` leaves `σz-14`, not `σz--14`). */
export function slugify(text: string): string {
  return githubSlug(text).replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '') || 'section';
}

/** Removes a trailing `{/* #id *\/}` from the heading and returns the id as written. */
function takeAuthorId(heading: HastNode): string | undefined {
  const kids = heading.children ?? [];
  for (let i = kids.length - 1; i >= 0; i--) {
    const k = kids[i];
    if (k.type === 'text' && !k.value?.trim()) continue;
    const m = k.type === 'mdxTextExpression' ? AUTHOR_ID.exec(k.value ?? '') : null;
    if (!m) return undefined;
    kids.splice(i);
    const last = kids[kids.length - 1];
    if (last?.type === 'text') last.value = last.value?.replace(/\s+$/, '');
    return m[1];
  }
  return undefined;
}

interface JsxNode extends HastNode {
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
}

/** Ids written in the MDX's own JSX (`<span id="x">`; `<Experiment id="a">` renders `experiment-a`). */
function jsxId(n: JsxNode): string | undefined {
  if (!n.type.startsWith('mdxJsx')) return undefined;
  const id = n.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id')?.value;
  if (typeof id !== 'string') return undefined;
  return n.name === 'Experiment' ? `experiment-${id}` : id;
}

function collect(n: HastNode, out: HastNode[], ids: Set<string>): void {
  const id = jsxId(n);
  if (id) ids.add(id);
  if (n.type === 'element' && /^h[1-6]$/.test(n.tagName ?? '')) out.push(n);
  else for (const c of n.children ?? []) collect(c, out, ids);
}

export default function rehypeHeadingIds(options: HeadingIdOptions = {}) {
  return (tree: HastNode, file: HeadingFile) => {
    const path = file.path ? relative(options.root ?? process.cwd(), file.path) : 'MDX';
    const reserved = new Set<string>([...LAYOUT_IDS, ...(options.reserved ?? [])]);
    const headings: HastNode[] = [];
    collect(tree, headings, reserved);
    const used = new Set<string>(reserved);
    const texts = new Map<string, string>();
    const where = (h: HastNode) => `${path}:${h.position?.start.line ?? '?'}`;

    // Author ids first, so generated slugs step around them wherever they appear.
    const authored = new Map<HastNode, string>();
    for (const h of headings) {
      const given = takeAuthorId(h) ?? (typeof h.properties?.id === 'string' ? h.properties.id : undefined);
      if (given === undefined) continue;
      if (!VALID_ID.test(given)) throw new Error(`${where(h)}: heading id "#${given}" must start with a letter and use only letters, digits, "-" and "_"; write e.g. {/* #my-section */}`);
      if (reserved.has(given)) throw new Error(`${where(h)}: heading id "#${given}" is used by the page layout; choose another, e.g. {/* #${given}-section */}`);
      if (used.has(given)) throw new Error(`${where(h)}: heading id "#${given}" is given to two headings; ids must be unique in a page`);
      used.add(given);
      authored.set(h, given);
    }

    for (const h of headings) {
      const text = headingText(h).replace(/\s+/g, ' ').trim();
      let id = authored.get(h);
      if (id === undefined) {
        const base = slugify(text);
        id = base;
        for (let k = 1; used.has(id); k++) id = `${base}-${k}`;
        used.add(id);
      }
      h.properties = { ...h.properties, id };
      texts.set(id, text);
    }

    // Astro's collector assigns `astro.headings` after this plugin; give it our text per id.
    const astro = (file.data.astro ??= {});
    let stored: unknown = astro.headings;
    Object.defineProperty(astro, 'headings', {
      configurable: true,
      enumerable: true,
      get: () => stored,
      set: (list: { slug: string; text: string }[]) => {
        stored = Array.isArray(list) ? list.map((h) => ({ ...h, text: texts.get(h.slug) ?? h.text })) : list;
      },
    });
  };
}
