import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authoringReport, findAuthoringMistakes } from '../../src/integrations/authoring-check.ts';
import { lessonProcessor } from '../../src/markdown/processor.ts';

const front = (fields: string) => `---\n${fields}\n---\n`;
const lesson = (order: number, body: string, extra = '') => `${front(`title: Lesson ${order}\ndescription: A fixture.\norder: ${order}\ndate: 2025-01-01${extra}`)}\n${body}\n`;

const FILES: Record<string, string> = {
  'content/lessons/good.mdx': lesson(1, '## Fine\n\nText with $x^2$ and [the other](/lessons/lt/).'),
  'content/lessons/lt.mdx': lesson(2, 'For l<L the term vanishes.'),
  'content/lessons/dollar.mdx': lesson(3, 'It costs $5 and $10.'),
  'content/lessons/nested/prop.mdx': lesson(4, "import { Experiment } from '~/components';\n\n<Experiment id=\"a\" init=\"xavier\" />"),
  'content/lessons/order.mdx': `${front('title: Bad order\ndescription: x\norder: first\ndate: 2025-01-01\ntitel: typo')}\nFor l<L.\n`,
  'content/lessons/yaml.mdx': '---\ntitle: "open\n---\n\nText.\n',
  'content/lessons/draft.mdx': lesson(6, 'A draft may be unfinished: l<L {and this}.', '\ndraft: true'),
  'content/lessons/notes.md': 'Not MDX: l<L is not checked here.\n',
  'src/pages/page.mdx': `${front('layout: x')}\nA <!-- note --> here.\n`,
};

let root: string;
let mistakes: string[];
let files: number;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'vg-authoring-'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  ({ mistakes, files } = await findAuthoringMistakes(root, lessonProcessor({ base: '', root })));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('findAuthoringMistakes', () => {
  it('reports every file with a mistake, in path order, with the messages the build prints', () => {
    expect(files).toBe(8); // the .mdx files, not notes.md
    expect(mistakes.map((m) => m.split(':')[0])).toEqual([
      'content/lessons/dollar.mdx', 'content/lessons/lt.mdx', 'content/lessons/nested/prop.mdx',
      'content/lessons/order.mdx', 'content/lessons/order.mdx', 'content/lessons/yaml.mdx', 'src/pages/page.mdx',
    ]);
    expect(mistakes[0]).toMatch(/^content\/lessons\/dollar\.mdx:8:10: "\$5 and \$" is read as a formula/);
    expect(mistakes[1]).toBe('content/lessons/lt.mdx:8:6: "<" before a letter is read as the start of a tag <L> in MDX.\n  Fix: put a space after "<" (l < L), write &lt;, or use math ($l < L$).');
    expect(mistakes[2]).toContain('content/lessons/nested/prop.mdx:10: <Experiment> prop "init" must be one of zeros, normal, lecun, glorot, he');
    expect(mistakes[6]).toMatch(/^src\/pages\/page\.mdx:5:3: an HTML comment "<!-- … -->" is not valid in MDX/);
  });

  it('checks a lesson\'s frontmatter against the schema, every field, and still compiles its text', () => {
    expect(mistakes[3]).toMatch(/^content\/lessons\/order\.mdx: the frontmatter does not match the lesson schema/);
    expect(mistakes[3]).toMatch(/\n {2}order: expected a positive whole number .*; got "first"/);
    expect(mistakes[3]).toContain('unknown field(s) "titel"; allowed fields are: title, description, order, date, updated, draft, tags');
    expect(mistakes[4]).toMatch(/^content\/lessons\/order\.mdx:9:6: "<" before a letter/);
  });

  it('names the line of broken YAML, and checks only the frontmatter of a draft', () => {
    expect(mistakes[5]).toMatch(/^content\/lessons\/yaml\.mdx:\d+:\d+: the frontmatter is not valid YAML: /);
    expect(mistakes.join('\n')).not.toContain('draft.mdx');
  });

  it('finds nothing in this project\'s own lessons and pages, or where no MDX is written', async () => {
    const project = fileURLToPath(new URL('../../', import.meta.url));
    const own = await findAuthoringMistakes(project, lessonProcessor({ base: '', root: project }));
    expect(own.mistakes).toEqual([]);
    expect(own.files).toBeGreaterThanOrEqual(4);
    const empty = mkdtempSync(join(tmpdir(), 'vg-authoring-'));
    try {
      expect(await findAuthoringMistakes(empty, lessonProcessor({ base: '', root: empty }))).toEqual({ mistakes: [], files: 0 });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('authoringReport', () => {
  it('counts the mistakes and lists each, a blank line between', () => {
    expect(authoringReport(['a.mdx:1: x', 'b.mdx:2: y'])).toBe('2 authoring mistakes, found before building:\n\na.mdx:1: x\n\nb.mdx:2: y\n');
    expect(authoringReport(['a.mdx:1: x'])).toMatch(/^1 authoring mistake,/);
  });
});
