/**
 * Post-build safety net: crawls the built HTML (and CSS) and fails the build when an internal
 * href/src/srcset/poster/url() points outside the base path or to a file that was not built.
 * It catches links assembled in components, which the remark link check cannot see.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parseHTML } from 'linkedom';

export interface BrokenLink {
  /** Built file containing the reference, relative to the output directory. */
  page: string;
  url: string;
  reason: string;
}

const SKIP = /^(?:#|data:|mailto:|tel:|javascript:|blob:|about:)/i;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
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
function check(ref: string, pageUrl: URL, origin: URL, base: string, outDir: string): string | undefined {
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
  return candidates.some((c) => existsSync(c) && statSync(c).isFile()) ? undefined : 'no such file in the build output';
}

/** Crawls a built site and lists every internal reference that does not resolve. */
export function findBrokenLinks(outDir: string, base: string, site?: string): BrokenLink[] {
  const origin = new URL(site ?? 'https://site.invalid');
  const normalizedBase = base.endsWith('/') ? base : `${base}/`;
  const broken: BrokenLink[] = [];
  for (const file of walk(outDir)) {
    const isHtml = file.endsWith('.html');
    if (!isHtml && !file.endsWith('.css')) continue;
    const rel = relative(outDir, file).split(sep).join('/');
    const pageUrl = new URL(normalizedBase + rel, origin);
    const text = readFileSync(file, 'utf8');
    const refs = isHtml ? htmlReferences(text) : cssReferences(text);
    for (const ref of new Set(refs)) {
      const reason = check(ref, pageUrl, origin, normalizedBase, outDir);
      if (reason) broken.push({ page: rel, url: ref, reason });
    }
  }
  return broken;
}

export default function checkLinks(): AstroIntegration {
  let base = '/';
  let site: string | undefined;
  return {
    name: 'check-links',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site;
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const broken = findBrokenLinks(outDir, base, site);
        if (broken.length === 0) {
          logger.info('All internal links and assets resolve.');
          return;
        }
        const lines = broken.map((b) => `  ${b.page}: ${b.url} (${b.reason})`);
        throw new Error(`Broken internal links in the built site (page: url):\n${lines.join('\n')}`);
      },
    },
  };
}
