/**
 * Crawls a built site and checks every URL it references: HTML attributes (href, src, srcset,
 * poster, data), inline and external CSS url(), inline module imports, and in JS the base-path
 * asset strings and `new URL(..., import.meta.url)` targets that workers and assets compile to.
 *
 * Internal URLs must start with the base path and resolve to a file in the output; only `<a>`
 * links (which a reader follows on purpose) may point to another origin.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { listFiles } from '../../../src/lib/files.ts';

export type RefKind = 'html-attr' | 'anchor' | 'css-url' | 'inline-import' | 'js-base-string' | 'js-new-url' | 'js-import';

export interface Reference {
  /** File containing the reference, relative to the output dir (forward slashes). */
  from: string;
  url: string;
  kind: RefKind;
  /** Element/attribute for HTML references, e.g. `link[href]`. */
  where?: string;
  /** Output file the URL resolves to, when it is internal. */
  target?: string;
}

export interface Problem extends Reference {
  reason: string;
}

export interface CrawlResult {
  files: { html: string[]; css: string[]; js: string[] };
  references: Reference[];
  problems: Problem[];
}

const ORIGIN = 'https://crawl.invalid';
const IGNORED = /^(?:#|data:|mailto:|tel:|javascript:|blob:|about:)/i;
const URL_ATTRS = ['href', 'src', 'poster', 'data', 'action', 'xlink:href'];

export function cssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/g)].map((m) => m[2].trim()).filter(Boolean);
}

export function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((part) => part.trim().split(/\s+/)[0])
    .filter(Boolean);
}

/** Static import specifiers (`import x from "./a.js"`, `import "./a.js"`, `import("./a.js")`). */
function importSpecifiers(js: string): string[] {
  const found = [...js.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)(["'])([^"'\n]+?)\1/g)].map((m) => m[2]);
  return found.filter((s) => s.startsWith('.') || s.startsWith('/'));
}

export function crawlSite(outDir: string, base: string): CrawlResult {
  const basePath = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const all = listFiles(outDir);
  const files = {
    html: all.filter((f) => f.endsWith('.html')),
    css: all.filter((f) => f.endsWith('.css')),
    js: all.filter((f) => /\.m?js$/.test(f)),
  };
  const references: Reference[] = [];
  const problems: Problem[] = [];

  const record = (ref: Reference, crossOriginAllowed: boolean): void => {
    references.push(ref);
    const raw = ref.url.trim();
    if (IGNORED.test(raw)) return;
    const page = new URL(basePath + ref.from, ORIGIN);
    let resolved: URL;
    try {
      resolved = new URL(raw, page);
    } catch {
      problems.push({ ...ref, reason: 'not a valid URL' });
      return;
    }
    if (resolved.origin !== ORIGIN) {
      if (!crossOriginAllowed) problems.push({ ...ref, reason: `loads from another origin (${resolved.origin})` });
      return;
    }
    const path = decodeURIComponent(resolved.pathname);
    if (!path.startsWith(basePath)) {
      problems.push({ ...ref, reason: `does not start with the base path ${basePath}` });
      return;
    }
    const rel = path.slice(basePath.length);
    const candidates = rel === '' || rel.endsWith('/') ? [`${rel}index.html`] : [rel, `${rel}/index.html`];
    const hit = candidates.find((c) => existsSync(join(outDir, c)) && statSync(join(outDir, c)).isFile());
    if (hit) ref.target = hit;
    else problems.push({ ...ref, reason: 'no such file in the output' });
  };

  for (const from of files.html) {
    const { document } = parseHTML(readFileSync(join(outDir, from), 'utf8'));
    for (const el of document.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      for (const attr of URL_ATTRS) {
        const value = el.getAttribute(attr);
        if (value === null || (attr === 'data' && tag !== 'object')) continue;
        const isAnchor = tag === 'a' && attr === 'href';
        record({ from, url: value, kind: isAnchor ? 'anchor' : 'html-attr', where: `${tag}[${attr}]` }, isAnchor);
      }
      for (const attr of ['srcset', 'imagesrcset']) {
        const value = el.getAttribute(attr);
        if (value) for (const url of srcsetUrls(value)) record({ from, url, kind: 'html-attr', where: `${tag}[${attr}]` }, false);
      }
      const style = el.getAttribute('style');
      if (style) for (const url of cssUrls(style)) record({ from, url, kind: 'css-url', where: `${tag}[style]` }, false);
      if (tag === 'style') for (const url of cssUrls(el.textContent ?? '')) record({ from, url, kind: 'css-url', where: 'style' }, false);
      if (tag === 'script' && !el.getAttribute('src') && el.getAttribute('type') === 'module') {
        for (const url of importSpecifiers(el.textContent ?? '')) record({ from, url, kind: 'inline-import', where: 'script' }, false);
      }
    }
  }

  for (const from of files.css) {
    for (const url of cssUrls(readFileSync(join(outDir, from), 'utf8'))) record({ from, url, kind: 'css-url' }, false);
  }

  const escapedBase = basePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const from of files.js) {
    const js = readFileSync(join(outDir, from), 'utf8');
    // Asset and worker URLs that Vite prefixed with the base path.
    const baseStrings = new RegExp(`(["'\`])(${escapedBase}[^"'\`\\s]+?)\\1`, 'g');
    for (const m of js.matchAll(baseStrings)) record({ from, url: m[2], kind: 'js-base-string' }, false);
    // `new URL("./worker-abc.js", import.meta.url)`: resolved against the chunk's own URL.
    for (const m of js.matchAll(/new URL\(\s*(["'`])([^"'`]+)\1\s*,\s*import\.meta\.url\s*\)/g)) {
      record({ from, url: m[2], kind: 'js-new-url' }, false);
    }
    for (const url of importSpecifiers(js)) record({ from, url, kind: 'js-import' }, false);
    // Root-absolute asset paths without the base would 404 under a sub-path.
    if (basePath !== '/') {
      for (const m of js.matchAll(/(["'`])(\/_astro\/[^"'`\s]+)\1/g)) {
        problems.push({ from, url: m[2], kind: 'js-base-string', reason: `asset path without the base ${basePath}` });
      }
    }
  }

  return { files, references, problems };
}

/** One line per problem, for readable assertion failures. */
export function formatProblems(problems: Problem[]): string {
  return problems.map((p) => `${p.from}: ${p.where ?? p.kind} ${p.url} - ${p.reason}`).join('\n');
}
