/**
 * Remark plugin: rewrites root-relative links in Markdown/MDX (`[x](/lessons/foo/)`, `![](/img.png)`,
 * `<a href="/guide/">`, `<img src="/favicon.svg">`) to include the deploy base path, and fails the
 * build when such a link points to no existing route.
 *
 * Valid targets: the fixed pages (`/`, `/guide/`), `/lessons/<slug>/` for each
 * `content/lessons/*.mdx` (drafts only outside production builds) and any file in `public/`.
 * Anchors, relative links, external URLs and JSX expression attributes (`href={x}`) pass
 * through untouched; the post-build link check covers the latter.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Root } from 'mdast';
import { listFiles } from '../lib/files';
import { joinBase } from '../lib/urls';

export interface InternalLinkOptions {
  /** Deploy base path, e.g. `/` or `/some-repo/` (the same value as Astro's `base`). */
  base?: string;
  /** Project root (absolute); error messages show file paths relative to it. */
  root: string;
  /** Lessons directory, default `<root>/content/lessons`. */
  lessonsDir?: string;
  /** Static files directory, default `<root>/public`. */
  publicDir?: string;
  /** Page routes that always exist. */
  pages?: string[];
  /** Whether draft lessons count as routes; default: everywhere except production builds. */
  includeDrafts?: boolean;
}

interface Positioned {
  position?: { start: { line: number; column: number } };
}
interface AnyNode extends Positioned {
  type: string;
  url?: string;
  name?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: AnyNode[];
}
interface FileLike {
  path?: string;
}

const JSX_TYPES = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'poster']);
const DEFAULT_PAGES = ['/', '/guide/'];

/** Same slug rule as Astro's glob loader (github-slugger) for ordinary file names. */
export function slugFromFileName(fileName: string): string {
  return fileName
    .replace(/\.mdx$/i, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** A file counts as a draft when its frontmatter says `draft: true`. */
function isDraft(file: string): boolean {
  const head = readFileSync(file, 'utf8').match(/^---\r?\n([\s\S]*?)\r?\n---/);
  return head ? /^draft:\s*true\s*(#.*)?$/m.test(head[1]) : false;
}

/** All site-relative routes a link may point to, read fresh so dev picks up new files. */
export function collectRoutes(options: InternalLinkOptions): Set<string> {
  const lessonsDir = options.lessonsDir ?? join(options.root, 'content/lessons');
  const includeDrafts = options.includeDrafts ?? process.env.NODE_ENV !== 'production';
  const routes = new Set(options.pages ?? DEFAULT_PAGES);
  for (const file of listFiles(lessonsDir)) {
    if (!file.endsWith('.mdx') || file.includes('/')) continue;
    if (!includeDrafts && isDraft(join(lessonsDir, file))) continue;
    routes.add(`/lessons/${slugFromFileName(file)}/`);
  }
  for (const file of listFiles(options.publicDir ?? join(options.root, 'public'))) {
    if (!file.split('/').some((part) => part.startsWith('.'))) routes.add(`/${file}`);
  }
  return routes;
}

/** Splits `/a/b/?q#h` into the path and the `?q#h` suffix. */
function splitSuffix(link: string): [string, string] {
  const cut = link.search(/[?#]/);
  return cut === -1 ? [link, ''] : [link.slice(0, cut), link.slice(cut)];
}

/** Returns the canonical route for a root-relative path, or undefined when none exists. */
export function resolveRoute(path: string, routes: Set<string>): string | undefined {
  let decoded = path;
  try {
    decoded = decodeURI(path);
  } catch {
    // Malformed escapes stay as written and simply fail to match.
  }
  if (routes.has(decoded)) return path;
  // Page links written without the trailing slash get it, matching trailingSlash: 'always'.
  if (!decoded.endsWith('/') && routes.has(`${decoded}/`)) return `${path}/`;
  if (decoded.endsWith('/index.html') && routes.has(decoded.slice(0, -'index.html'.length))) return path;
  return undefined;
}

const isRootRelative = (link: string) => link.startsWith('/') && !link.startsWith('//');

export default function remarkInternalLinks(options: InternalLinkOptions) {
  const base = options.base ?? '/';
  return function transform(tree: Root, file: FileLike): void {
    let routes: Set<string> | undefined;
    const broken: string[] = [];
    const fileName = file.path ? relative(options.root, file.path) : '(unknown file)';

    const rewrite = (link: string, node: Positioned): string => {
      if (!isRootRelative(link)) return link;
      routes ??= collectRoutes(options);
      const [path, suffix] = splitSuffix(link);
      const route = resolveRoute(path, routes);
      if (route === undefined) {
        const where = node.position ? `${node.position.start.line}:${node.position.start.column}` : '?';
        broken.push(`  ${fileName}:${where}  ${link}`);
        return link;
      }
      return joinBase(base, route) + suffix;
    };

    const walk = (node: AnyNode): void => {
      if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && typeof node.url === 'string') {
        node.url = rewrite(node.url, node);
      } else if (JSX_TYPES.has(node.type)) {
        for (const attribute of node.attributes ?? []) {
          if (attribute.type === 'mdxJsxAttribute' && URL_ATTRIBUTES.has(attribute.name ?? '') && typeof attribute.value === 'string') {
            attribute.value = rewrite(attribute.value, node);
          }
        }
      }
      node.children?.forEach(walk);
    };
    walk(tree as unknown as AnyNode);

    if (broken.length > 0 && routes) {
      const valid = [...routes].sort();
      const shownRoutes = valid.length > 40 ? [...valid.slice(0, 40), `... and ${valid.length - 40} more`] : valid;
      const error = new Error(
        [
          `Broken internal link${broken.length > 1 ? 's' : ''} in ${fileName} (line:column, link):`,
          ...broken,
          'A root-relative link must point to an existing page or a file in public/. Valid routes:',
          ...shownRoutes.map((route) => `  ${route}`),
          'Lesson URLs come from file names: content/lessons/my-lesson.mdx -> /lessons/my-lesson/',
        ].join('\n'),
      );
      // @astrojs/mdx reports e.line/e.column as the error's location (else it says 0:0).
      const first = /:(\d+):(\d+)\s/.exec(broken[0]);
      if (first) Object.assign(error, { line: Number(first[1]), column: Number(first[2]) });
      throw error;
    }
  };
}
