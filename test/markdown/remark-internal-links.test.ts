import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import remarkInternalLinks, { collectRoutes, resolveRoute, slugFromFileName, type InternalLinkOptions } from '../../src/markdown/remark-internal-links';

let root: string;

beforeAll(() => {
  // A miniature project: two lessons (one a draft) and one public file.
  root = mkdtempSync(join(tmpdir(), 'vg-links-'));
  mkdirSync(join(root, 'content/lessons'), { recursive: true });
  mkdirSync(join(root, 'public/img'), { recursive: true });
  writeFileSync(join(root, 'content/lessons/why-gradients-vanish.mdx'), '---\ntitle: A\n---\n');
  writeFileSync(join(root, 'content/lessons/draft-one.mdx'), '---\ntitle: B\ndraft: true\n---\n');
  writeFileSync(join(root, 'public/img/plot.png'), '');
  writeFileSync(join(root, 'public/.nojekyll'), '');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs the plugin over MDX source and returns every URL left in links, images and JSX attributes. */
async function run(source: string, options: Partial<InternalLinkOptions> = {}): Promise<string[]> {
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkInternalLinks, { root, base: '/some-repo/', includeDrafts: false, ...options });
  const file = new VFile({ value: source, path: join(root, 'content/lessons/why-gradients-vanish.mdx') });
  const tree = await processor.run(processor.parse(file), file);
  const urls: string[] = [];
  const walk = (node: { type: string; url?: string; attributes?: Array<{ name?: string; value?: unknown }>; children?: unknown[] }) => {
    if (typeof node.url === 'string') urls.push(node.url);
    for (const a of node.attributes ?? []) if ((a.name === 'href' || a.name === 'src') && typeof a.value === 'string') urls.push(a.value);
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(tree as unknown as Parameters<typeof walk>[0]);
  return urls;
}

describe('route discovery', () => {
  it('slugs file names like the glob loader', () => {
    expect(slugFromFileName('why-gradients-vanish.mdx')).toBe('why-gradients-vanish');
    expect(slugFromFileName('Xavier Init.mdx')).toBe('xavier-init');
  });

  it('lists pages, lessons and public files; drafts only when asked; dotfiles never', () => {
    expect([...collectRoutes({ root, includeDrafts: false })].sort()).toEqual(['/', '/guide/', '/img/plot.png', '/lessons/why-gradients-vanish/']);
    expect(collectRoutes({ root, includeDrafts: true }).has('/lessons/draft-one/')).toBe(true);
  });

  it('resolves a page link without its trailing slash to the canonical route', () => {
    const routes = collectRoutes({ root, includeDrafts: false });
    expect(resolveRoute('/lessons/why-gradients-vanish', routes)).toBe('/lessons/why-gradients-vanish/');
    expect(resolveRoute('/img/plot.png', routes)).toBe('/img/plot.png');
    expect(resolveRoute('/lessons/nope/', routes)).toBeUndefined();
  });
});

describe('rewriting links', () => {
  it('prefixes Markdown links, images and definitions with the base path, keeping anchors and queries', async () => {
    const urls = await run(
      '[a](/lessons/why-gradients-vanish/#setup) ![p](/img/plot.png) [b][ref] [c](/guide/?x=1)\n\n[ref]: /\n',
    );
    expect(urls).toEqual(['/some-repo/lessons/why-gradients-vanish/#setup', '/some-repo/img/plot.png', '/some-repo/guide/?x=1', '/some-repo/']);
  });

  it('rewrites href and src string attributes on JSX elements', async () => {
    const urls = await run('<a href="/guide/">g</a>\n\n<Figure src="/img/plot.png" caption="x" />\n');
    expect(urls).toEqual(['/some-repo/guide/', '/some-repo/img/plot.png']);
  });

  it('adds the missing trailing slash to page links', async () => {
    expect(await run('[a](/lessons/why-gradients-vanish)')).toEqual(['/some-repo/lessons/why-gradients-vanish/']);
  });

  it('leaves anchors, relative links, external links and expressions alone', async () => {
    const urls = await run('[a](#top) [b](../other/) [c](https://example.com/x) [d](//cdn.example.com/y)\n\n<a href={"/computed/"}>e</a>\n');
    expect(urls).toEqual(['#top', '../other/', 'https://example.com/x', '//cdn.example.com/y']);
  });

  it('keeps links unprefixed for a root deployment', async () => {
    expect(await run('[a](/guide/)', { base: '/' })).toEqual(['/guide/']);
  });
});

describe('broken links fail with a useful message', () => {
  it('names the file relative to the project, the line and column, the link and the valid routes', async () => {
    const error = await run('# Title\n\nSee [x](/lessons/missing/) and <img src="/img/nope.png" />.\n').catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain('Broken internal links in content/lessons/why-gradients-vanish.mdx');
    expect(message).toContain('content/lessons/why-gradients-vanish.mdx:3:5  /lessons/missing/');
    expect(message).toContain('content/lessons/why-gradients-vanish.mdx:3:32  /img/nope.png');
    expect(message).toContain('Valid routes:\n  /\n  /guide/\n  /img/plot.png\n  /lessons/why-gradients-vanish/\n');
  });

  it('treats a draft lesson as missing when drafts are not built', async () => {
    await expect(run('[d](/lessons/draft-one/)', { includeDrafts: false })).rejects.toThrow(/draft-one/);
    expect(await run('[d](/lessons/draft-one/)', { includeDrafts: true })).toEqual(['/some-repo/lessons/draft-one/']);
  });
});
