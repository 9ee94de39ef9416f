/**
 * Authoring mistakes must stop `astro build` with a message an author can act on:
 * the file, the field or link, and what was expected; and one build reports them all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWithLessons, copyWithLessons, removeDir, type BuildResult } from './support/build';

const GOOD_LESSON = `---
title: A good lesson
description: Valid frontmatter, so only the bad file can fail the build.
order: 1
date: 2025-01-01
---

## Hello

Text with $x^2$ math.
`;

const lesson = (body: string) => `---\ntitle: Figures\ndescription: A lesson with figures.\norder: 5\ndate: 2025-01-02\n---\nimport { Experiment, CostCurve } from '~/components';\n\n${body}\n`;

/** One file per mistake, all built at once: the authoring pre-check reports each file's mistake. */
const MISTAKES: Record<string, string> = {
  'bad-order.mdx': `---\ntitle: Bad order\ndescription: Order is not a number.\norder: first\ndate: 2025-01-02\n---\n\nText.\n`,
  'no-title.mdx': `---\ndescription: No title here.\norder: 2\ndate: 2025-01-02\n---\n\nText.\n`,
  'typo.mdx': `---\ntitel: Typo\ntitle: Typo\ndescription: Misspelled field.\norder: 3\ndate: 2025-01-02\n---\n\nText.\n`,
  'bad-link.mdx': `---\ntitle: Bad link\ndescription: Links to a lesson that does not exist.\norder: 4\ndate: 2025-01-02\n---\n\nSee [the missing lesson](/lessons/does-not-exist/).\n`,
  'bad-prop.mdx': lesson('<Experiment id="zeros" init="zeros" />\n\n<CostCurve experiment="zeros" yScale="cubic" />'),
  'bad-id.mdx': lesson('<Experiment id="zeros" init="zeros" />\n\n<CostCurve experiment="big" />'),
  'bad-layers.mdx': lesson('<Experiment id="a" layers="3,4,1" />'),
  'bad-init.mdx': lesson('<Experiment id="a" init="xavier" />'),
  'bad-rate.mdx': lesson('<Experiment id="a" learningRate={0} />'),
};

let project: string;
let result: BuildResult;

// Only fixture lessons: the real lessons' state must not decide these tests.
beforeAll(async () => {
  project = copyWithLessons({ 'good.mdx': GOOD_LESSON });
  result = await buildWithLessons(project, MISTAKES);
});

afterAll(() => removeDir(project));

describe('one build with a mistake in each of nine files', () => {
  it('stops before building anything and reports all nine', () => {
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('9 authoring mistakes, found before building:');
    for (const name of Object.keys(MISTAKES)) expect(result.output).toContain(`content/lessons/${name}`);
    expect(result.output).not.toContain('content/lessons/good.mdx');
    expect(result.output).not.toContain('Stack trace');
  });
});

describe('frontmatter errors', () => {
  it('a field of the wrong type names the file, the field, the expected type and the value', () => {
    expect(result.output).toContain('content/lessons/bad-order.mdx: the frontmatter does not match the lesson schema');
    expect(result.output).toMatch(/order: expected a positive whole number .*; got "first"/);
  });

  it('a missing title names the file and the field', () => {
    expect(result.output).toContain('content/lessons/no-title.mdx: the frontmatter does not match the lesson schema');
    expect(result.output).toMatch(/title: expected a text value.*got nothing \(the field is missing\)/);
  });

  it('an unknown field is rejected with the list of allowed fields', () => {
    expect(result.output).toContain('content/lessons/typo.mdx: the frontmatter does not match the lesson schema');
    expect(result.output).toContain('unknown field(s) "titel"; allowed fields are: title, description, order, date, updated, draft, tags');
  });
});

describe('internal link errors', () => {
  it('a broken internal link names the file, the line, the link and the valid routes', () => {
    expect(result.output).toContain('Broken internal link in content/lessons/bad-link.mdx');
    expect(result.output).toContain('content/lessons/bad-link.mdx:8:5  /lessons/does-not-exist/');
    expect(result.output).toMatch(/Valid routes:\n(?:\s+\/.*\n)*\s+\/lessons\/good\//);
  });
});

describe('component prop errors', () => {
  it('an unknown prop value names the file, the line, the component, the prop and the allowed values', () => {
    expect(result.output).toContain('content/lessons/bad-prop.mdx:11: <CostCurve> prop "yScale" must be one of linear, log; got "cubic"');
  });

  it('an unknown experiment id lists the declared experiments', () => {
    expect(result.output).toContain('content/lessons/bad-id.mdx:11: <CostCurve> prop "experiment" must be one of the experiments declared in this lesson (zeros); got "big"');
  });

  it('layer sizes that do not fit the data, an unknown init and a non-positive learning rate', () => {
    expect(result.output).toMatch(/content\/lessons\/bad-layers\.mdx:9: <Experiment> prop "layers" must be .*starting with 2 \(the data's inputs\) and ending with 1/);
    expect(result.output).toContain('content/lessons/bad-init.mdx:9: <Experiment> prop "init" must be one of zeros, normal, lecun, glorot, he');
    expect(result.output).toContain('content/lessons/bad-rate.mdx:9: <Experiment> prop "learningRate" must be a number > 0');
  });
});
