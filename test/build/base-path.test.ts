/**
 * Builds the site as a GitHub Pages fork would (BASE_PATH=/some-repo/) and checks that every
 * internal URL in the output carries the base path and resolves to a built file.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, copyProject, removeDir, type BuildResult } from './support/build';
import { crawlSite, formatProblems, type CrawlResult } from './support/crawl';

const BASE = '/some-repo/';

// Fixture lessons added next to the real ones, so links, math and drafts are always exercised.
const FIXTURES: Record<string, string> = {
  'zz-base-fixture-one.mdx': `---
title: Base fixture one
description: Links written root-relative in MDX.
order: 9001
date: 2025-01-01
---

## Links

To [the next fixture](/lessons/zz-base-fixture-two/), [the guide](/guide/#adding-a-lesson-in-one-file),
![icon](/favicon.svg) and <a href="/lessons/zz-base-fixture-two">without slash</a>, and
[an external site](https://example.com/).

$$
\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}
$$
`,
  'zz-base-fixture-two.mdx': `---
title: Base fixture two
description: The second fixture.
order: 9002
date: 2025-01-02
---

## Back

Back to [the first fixture](/lessons/zz-base-fixture-one/).
`,
  'zz-base-fixture-draft.mdx': `---
title: Base fixture draft
description: Must not be built in production.
order: 9003
date: 2025-01-03
draft: true
---

Draft.
`,
};

describe('build with a GitHub Pages base path', () => {
  let project: string;
  let outDir: string;
  let build: BuildResult;
  let crawl: CrawlResult;

  beforeAll(async () => {
    project = copyProject();
    mkdirSync(join(project, 'content/lessons'), { recursive: true });
    for (const [name, text] of Object.entries(FIXTURES)) writeFileSync(join(project, 'content/lessons', name), text);
    outDir = join(project, 'out-some-repo');
    build = await astroBuild(project, { BASE_PATH: BASE, SITE_URL: 'https://someone.github.io', OUT_DIR: outDir });
    if (build.code === 0) crawl = crawlSite(outDir, BASE);
  });

  afterAll(() => removeDir(project));

  it('builds successfully', () => {
    expect(build.output).toContain('Complete!');
    expect(build.code).toBe(0);
  });

  it('builds the expected pages and leaves drafts out', () => {
    for (const page of ['index.html', '404.html', 'guide/index.html', 'lessons/zz-base-fixture-one/index.html', 'lessons/zz-base-fixture-two/index.html']) {
      expect(existsSync(join(outDir, page)), page).toBe(true);
    }
    expect(existsSync(join(outDir, 'lessons/zz-base-fixture-draft'))).toBe(false);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).not.toContain('Base fixture draft');
    expect(existsSync(join(outDir, '.nojekyll'))).toBe(true);
  });

  it('lists the lessons at /lessons/ too (a trimmed lesson address is not a 404), as the home page does', () => {
    const links = (page: string) => [...readFileSync(join(outDir, page), 'utf8').matchAll(/<ol class="lesson-list[^"]*"[^>]*>([\s\S]*?)<\/ol>/g)]
      .flatMap((m) => [...m[1].matchAll(/href="([^"]+)"/g)].map((h) => h[1]));
    const listed = links('lessons/index.html');
    expect(listed).toEqual(expect.arrayContaining(['/some-repo/lessons/zz-base-fixture-one/', '/some-repo/lessons/zz-base-fixture-two/']));
    expect(listed).toEqual(links('index.html'));
    const html = readFileSync(join(outDir, 'lessons/index.html'), 'utf8');
    expect(html).not.toContain('Base fixture draft');
    expect(html).toMatch(/<title>Lessons · /);
    expect(html).toMatch(/<h1[^>]*>Lessons<\/h1>/);
  });

  it('every internal URL starts with the base path and resolves to a built file', () => {
    expect(formatProblems(crawl.problems)).toBe('');
    expect(crawl.files.html.length).toBeGreaterThanOrEqual(5);
    expect(crawl.files.css.length).toBeGreaterThanOrEqual(1);
  });

  it('checks the references that matter: stylesheet, favicon, lesson links (math is MathML: no KaTeX fonts)', () => {
    const targets = (kind: string) => crawl.references.filter((r) => r.kind === kind && r.target).map((r) => r.target);
    const page = crawl.references.filter((r) => r.from === 'lessons/zz-base-fixture-one/index.html');
    const urls = page.map((r) => r.url);
    expect(urls).toContain('/some-repo/lessons/zz-base-fixture-two/');
    expect(urls).not.toContain('/some-repo/lessons/zz-base-fixture-two'); // slash added by the remark plugin
    expect(urls).toContain('/some-repo/guide/#adding-a-lesson-in-one-file');
    expect(urls).toContain('/some-repo/favicon.svg');
    expect(urls).toContain('https://example.com/');
    expect(page.find((r) => r.where === 'link[href]' && r.url.endsWith('.css'))?.target).toMatch(/^_astro\/.+\.css$/);
    expect(targets('css-url').some((t) => /KaTeX_/.test(t ?? ''))).toBe(false); // MathML output needs no KaTeX web fonts
  });

  it('writes previous/next links between lessons with the base path', () => {
    const html = readFileSync(join(outDir, 'lessons/zz-base-fixture-two/index.html'), 'utf8');
    expect(html).toMatch(/<a[^>]*href="\/some-repo\/lessons\/zz-base-fixture-one\/"[^>]*rel="prev"/);
  });

  it('loads nothing from another origin (only <a> links leave the site)', () => {
    const external = crawl.references.filter((r) => /^(https?:)?\/\//.test(r.url.trim()));
    expect(external.length).toBeGreaterThan(0);
    expect(external.filter((r) => r.kind !== 'anchor')).toEqual([]);
  });
});

describe('crawlSite (the checker itself, on a hand-made output dir)', () => {
  it('flags missing base paths, missing files, foreign resources and bad worker URLs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vg-crawl-'));
    const files: Record<string, string> = {
      'index.html': [
        '<link rel="stylesheet" href="/some-repo/_astro/a.css">',
        '<link rel="icon" href="/favicon.svg">',
        '<script type="module" src="/some-repo/_astro/missing.js"></script>',
        '<script src="https://cdn.example.com/lib.js"></script>',
        '<img srcset="/some-repo/ok.png 1x, /some-repo/gone.png 2x">',
        '<a href="https://example.com/">fine</a><a href="#top">fine</a><a href="guide/">relative, fine</a>',
      ].join(''),
      'guide/index.html': '<a href="../">home</a>',
      'ok.png': '',
      '_astro/a.css': '@font-face{src:url(./font.woff2)} .x{background:url(/some-repo/nope.png)}',
      '_astro/font.woff2': '',
      '_astro/main.js': 'new Worker(new URL("./worker-1.js", import.meta.url));new Worker(new URL("./w2.js",import.meta.url));fetch("/_astro/data.json")',
      '_astro/worker-1.js': 'import"./chunk.js";',
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const result = crawlSite(dir, BASE);
    removeDir(dir);
    const summary = result.problems.map((p) => `${p.from} ${p.url}`).sort();
    expect(summary).toEqual(
      [
        '_astro/a.css /some-repo/nope.png',
        '_astro/main.js ./w2.js',
        '_astro/main.js /_astro/data.json',
        '_astro/worker-1.js ./chunk.js',
        'index.html /favicon.svg',
        'index.html /some-repo/_astro/missing.js',
        'index.html /some-repo/gone.png',
        'index.html https://cdn.example.com/lib.js',
      ].sort(),
    );
    expect(result.references.find((r) => r.url === './font.woff2')?.target).toBe('_astro/font.woff2');
    expect(result.references.find((r) => r.url === './worker-1.js')?.target).toBe('_astro/worker-1.js');
  });
});
