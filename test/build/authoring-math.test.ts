/**
 * Authors put math and markup anywhere (issue 13). One passing build of fixture lessons checks
 * what readers get (TOC text, heading ids, titles, unique ids, the scaffolded lesson); one failing
 * build then holds a file for each mistake, which the authoring pre-check reports all at once, and
 * each error text is checked: file, line, column and the one-line fix.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDuplicateIds } from '../../src/integrations/unique-ids.ts';
import { SITE_NAME } from '../../src/lib/site.ts';
import { astroBuild, buildWithLesson, buildWithLessons, copyWithLessons, removeDir, type BuildResult } from './support/build';

const front = (title: string, order: number, description = 'A fixture lesson.') =>
  `---\ntitle: ${JSON.stringify(title)}\ndescription: ${JSON.stringify(description)}\norder: ${order}\ndate: 2025-01-0${order}\n---\n`;

const MATH_LESSON = `${front('Why $\\sigma$ saturates', 1, "How $\\sigma'(z)$ shrinks the signal.")}
## Why $\\sigma'(z) \\le 1/4$ matters

Text.

## Content

Text.

### Gradients {/* #grads */}

See [the gradients](#grads) and [the content section](#content-1).

| case | formula |
| --- | --- |
| divider | $P(A \\mid B)$ |
| absolute value | $\\vert x \\vert$ |
`;

let project: string;
const dist = () => join(project, 'dist');
const page = (path: string) => parseHTML(readFileSync(join(dist(), path), 'utf8')).document;

/** Builds the copy with one extra lesson file, then removes it again. */
const buildWith = (name: string, body: string): Promise<BuildResult> => buildWithLesson(project, name, `${front('Bad', 9)}\n${body}\n`);

beforeAll(() => {
  project = copyWithLessons({ 'math-title.mdx': MATH_LESSON, 'second.mdx': `${front('Second lesson', 2)}\n## Hello\n\nText.\n` });
});

afterAll(() => removeDir(project));

describe('math in titles and headings, unique ids, the scaffold (one build)', () => {
  let result: BuildResult;
  beforeAll(async () => {
    const bin = join(project, 'node_modules/.bin');
    const out = execFileSync('npm', ['run', '--silent', 'new-lesson', '--', 'Scaffolded $\\alpha$ lesson'], {
      cwd: project, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
    });
    expect(out).toContain('Created content/lessons/scaffolded-alpha-lesson.mdx');
    result = await astroBuild(project);
  });

  it('builds, and its own check finds every id unique', () => {
    expect(result.code, result.output.slice(-2000)).toBe(0);
    expect(result.output).toContain('Every id on every page is unique.');
    expect(findDuplicateIds(dist())).toEqual([]);
  });

  it('a heading with math: clean TOC text, a clean id, the formula rendered once in the heading', () => {
    const doc = page('lessons/math-title/index.html');
    const toc = [...doc.querySelectorAll('.toc a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(toc).toEqual([
      ['Why σ′(z) ≤ 1/4 matters', '#why-σz-14-matters'],
      ['Content', '#content-1'],
      ['Gradients', '#grads'],
    ]);
    const h2 = doc.getElementById('why-σz-14-matters')!;
    expect(h2.tagName).toBe('H2');
    expect(h2.querySelectorAll('.katex')).toHaveLength(1);
    expect(doc.getElementById('grads')!.textContent).toBe('Gradients');
  });

  it('a heading "Content" does not take the layout\'s id', () => {
    const doc = page('lessons/math-title/index.html');
    expect(doc.querySelectorAll('[id="content"]')).toHaveLength(1);
    expect(doc.getElementById('content')!.tagName).toBe('MAIN');
    expect(doc.getElementById('content-1')!.textContent).toBe('Content');
  });

  it('a title with math: KaTeX in the heading and lesson lists, Unicode in <title> and meta', () => {
    const doc = page('lessons/math-title/index.html');
    expect(doc.querySelector('title')!.textContent).toBe(`Why σ saturates · ${SITE_NAME}`);
    expect(doc.querySelector('meta[name="description"]')!.getAttribute('content')).toBe('How σ′(z) shrinks the signal.');
    expect(doc.querySelector('h1 .katex')).not.toBeNull();
    expect(doc.querySelector('.lede .katex')).not.toBeNull();
    const lists = [
      ['index.html', 'a[href$="/lessons/math-title/"]'],
      ['404.html', 'a[href$="/lessons/math-title/"]'],
      ['lessons/second/index.html', 'a[rel="prev"]'],
    ];
    for (const [file, selector] of lists) {
      const link = page(file).querySelector(selector)!;
      expect(link.querySelector('.katex'), file).not.toBeNull();
      expect(link.innerHTML, file).not.toContain('$');
    }
    for (const file of ['index.html', '404.html', 'lessons/math-title/index.html', 'lessons/second/index.html']) {
      expect(readFileSync(join(dist(), file), 'utf8'), file).not.toContain('$\\sigma$');
    }
  });

  it('the scaffolded lesson is listed and its experiment figure is rendered', () => {
    const doc = page('lessons/scaffolded-alpha-lesson/index.html');
    expect(doc.querySelector('h1 .katex')).not.toBeNull();
    expect(doc.querySelector('h2')).not.toBeNull();
    expect(doc.querySelector('.katex-display')).not.toBeNull();
    expect(doc.getElementById('experiment-he')).not.toBeNull();
    const figure = doc.querySelector('lesson-figure[data-kind="cost-curve"]')!;
    expect(figure.querySelector('svg')).not.toBeNull();
    expect(page('index.html').querySelector('a[href$="/lessons/scaffolded-alpha-lesson/"]')).not.toBeNull();
  });
});

describe('mistakes stop the build with file, line, column and a fix', () => {
  // The pre-check (src/integrations/authoring-check.ts) reports every file's mistake in one build.
  const cases: [name: string, body: string, expected: string][] = [
    ['lt.mdx', 'Intro.\n\nFor l<L the term vanishes.', 'content/lessons/lt.mdx:10:6: "<" before a letter is read as the start of a tag <L> in MDX.\n  Fix: put a space after "<" (l < L), write &lt;, or use math ($l < L$).'],
    ['le.mdx', 'Keep the rate <= 0.5 here.', 'content/lessons/le.mdx:8:15: "<=" is read as the start of a tag in MDX.\n  Fix: write ≤ (rate ≤ 0.5), &lt;= or math ($rate \\le 0.5$).'],
    ['brace.mdx', 'It is assigned to {no one/a team} now.', 'content/lessons/brace.mdx:8:19: "{no one/a team}" is read as a JavaScript expression in MDX.\n  Fix: write literal braces as \\{no one/a team\\}'],
    ['comment.mdx', 'A <!-- check this --> note.', 'content/lessons/comment.mdx:8:3: an HTML comment "<!-- … -->" is not valid in MDX.\n  Fix: write the comment as {/* check this */}.'],
    ['autolink.mdx', 'See <https://example.com/a> now.', 'content/lessons/autolink.mdx:8:5: an autolink "<https://example.com/a>" is read as a tag in MDX.\n  Fix: write [https://example.com/a](https://example.com/a)'],
    ['dollar.mdx', 'It costs $5 and $10.', 'content/lessons/dollar.mdx:8:10: "$5 and $" is read as a formula'],
    ['pipe.mdx', '| case | formula |\n| --- | --- |\n| raw pipe | $P(A|B)$ |', 'content/lessons/pipe.mdx:10:18: this "|" is inside $…$ in a table row, so it ends the cell and cuts the formula; write \\mid for a divider such as P(A \\mid B), or \\vert'],
    ['prop.mdx', "import { GradientFlow } from '~/components';\n\n<GradientFlow depth={3 + 3} />", 'content/lessons/prop.mdx:10: <GradientFlow> prop "depth" must be a literal value the build can check: text in quotes (depth="…"), a number (depth={3}) or a list (depth={[2, 4, 1]}); computed values are not allowed; got depth={3 + 3}'],
  ];
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildWithLessons(project, Object.fromEntries(cases.map(([name, body]) => [name, `${front('Bad', 9)}\n${body}\n`])));
  });

  it('one build stops before building anything and counts every mistake', () => {
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(`${cases.length} authoring mistakes, found before building:`);
    expect(result.output).not.toContain('page(s) built');
  });

  for (const [name, , expected] of cases) {
    it(name, () => expect(result.output).toContain(expected));
  }

  it('dup.mdx: an id used twice on a page (found in the built pages, a build of its own)', async () => {
    const dup = await buildWith('dup.mdx', '<span id="dup">a</span> and <span id="dup">b</span>');
    expect(dup.code).not.toBe(0);
    expect(dup.output).toContain('lessons/dup/index.html: id="dup" appears 2 times');
  });
});
