/**
 * Post-build safety net: crawls the built HTML (and CSS) and fails the build when an internal
 * href/src/srcset/poster/url() points outside the base path or to a file that was not built.
 * It catches links assembled in components, which the remark link check cannot see.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parseHTML } from 'linkedom';
import { listFiles } from '../lib/files.ts';

export interface BrokenLink {
  /** Built file containing the reference, relative to the output directory. */
  page: string;
  url: string;
  reason: string;
}

const SKIP = /^(?:#$|data:|mailto:|tel:|javascript:|blob:|about:)/i;

// Ids of each built page, parsed once per check, so fragments (#section) can be verified.
function pageIds(file: string, cache: Map<string, Set<string>>): Set<string> {
  let ids = cache.get(file);
  if (!ids) {
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    ids = new Set([...document.querySelectorAll('[id], a[name]')].map((e) => e.getAttribute('id') ?? e.getAttribute('name') ?? ''));
    cache.set(file, ids);
  }
  return ids;
}

/** The source file a built page comes from (lessons and MDX/Astro pages), for error messages. */
function sourceOf(page: string, root: string): string | undefined {
  const lesson = /^lessons\/([^/]+)\/index\.html$/.exec(page);
  const candidates = lesson
    ? [`content/lessons/${lesson[1]}.mdx`]
    : [page.replace(/\/?index\.html$/, '') || 'index'].flatMap((p) => [`src/pages/${p}.mdx`, `src/pages/${p}.astro`, `src/pages/${p}/index.astro`]);
  return candidates.find((c) => existsSync(join(root, c)));
}

/** "file:line" of the first line of `source` that contains `ref`, or the file alone. */
function whereInSource(root: string, source: string | undefined, ref: string): string {
  if (!source) return '';
  const line = readFileSync(join(root, source), 'utf8').split('\n').findIndex((l) => l.includes(ref));
  return line >= 0 ? `${source}:${line + 1}` : source;
}

/** The base path with a trailing slash (Astro's `base` may lack it). */
function withSlash(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/** URLs referenced by an HTML document: attributes plus url() in inline styles. */
function htmlReferences(html: string): string[] {
  const { document } = parseHTML(html);
  const found: string[] = [];
  for (const element of document.querySelectorAll('[href], [src], [srcset], [poster], [data-src]')) {
    for (const name of ['href', 'src', 'poster', 'data-src']) {
      const value = element.getAttribute(name);
      if (value !== null) found.push(value);
    }
    const srcset = element.getAttribute('srcset');
    if (srcset) found.push(...srcset.split(',').map((part) => part.trim().split(/\s+/)[0]).filter(Boolean));
  }
  for (const element of document.querySelectorAll('style, [style]')) {
    const css = element.tagName === 'STYLE' ? (element.textContent ?? '') : (element.getAttribute('style') ?? '');
    found.push(...cssReferences(css));
  }
  return found;
}

function cssReferences(css: string): string[] {
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((m) => m[2].trim());
}

/** Checks one reference; returns a reason when it is broken, undefined when fine or external. */
function check(ref: string, pageUrl: URL, origin: URL, base: string, outDir: string, ids: Map<string, Set<string>>): string | undefined {
  if (SKIP.test(ref.trim())) return undefined;
  const target = new URL(ref.trim(), pageUrl);
  if (target.origin !== origin.origin) return undefined;
  let path = target.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    return 'malformed percent-encoding';
  }
  if (!path.startsWith(base)) return `not under the base path ${base}`;
  const file = join(outDir, path.slice(base.length));
  const candidates = path.endsWith('/') ? [join(file, 'index.html')] : [file, join(file, 'index.html')];
  const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  if (!found) return 'no such file in the build output';
  if (target.hash.length > 1 && found.endsWith('.html')) {
    let id = target.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      return 'malformed percent-encoding in the fragment';
    }
    if (!pageIds(found, ids).has(id)) return `no element with id "${id}" on that page`;
  }
  return undefined;
}

/** Crawls a built site and lists every internal reference that does not resolve. */
export function findBrokenLinks(outDir: string, base: string, site?: string): BrokenLink[] {
  const origin = new URL(site ?? 'https://site.invalid');
  const normalizedBase = withSlash(base);
  const broken: BrokenLink[] = [];
  const ids = new Map<string, Set<string>>();
  for (const rel of listFiles(outDir)) {
    const isHtml = rel.endsWith('.html');
    if (!isHtml && !rel.endsWith('.css')) continue;
    const pageUrl = new URL(normalizedBase + rel, origin);
    const text = readFileSync(join(outDir, rel), 'utf8');
    const refs = isHtml ? htmlReferences(text) : cssReferences(text);
    for (const ref of new Set(refs)) {
      const reason = check(ref, pageUrl, origin, normalizedBase, outDir, ids);
      if (reason) broken.push({ page: rel, url: ref, reason });
    }
  }
  return broken;
}

export default function checkLinks(): AstroIntegration {
  let base = '/';
  let site: string | undefined;
  let root = process.cwd();
  return {
    name: 'check-links',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site;
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const broken = findBrokenLinks(outDir, base, site);
        if (broken.length === 0) {
          logger.info('All internal links and assets resolve.');
          return;
        }
        const lines = broken.map((b) => {
          const where = whereInSource(root, sourceOf(b.page, root), b.url.replace(withSlash(base), '/'));
          return `  ${where ? `${where} → ` : ''}${b.page}: ${b.url} (${b.reason})`;
        });
        throw new Error(`Broken internal links in the built site (page: url):\n${lines.join('\n')}`);
      },
    },
  };
}
