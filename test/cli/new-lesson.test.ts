import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonSchema } from '../../src/content/schema';
import { lessonSlug, lessonTemplate, nextOrder } from '../../src/cli/new-lesson.ts';
import { parse } from 'yaml';

describe('new-lesson', () => {
  it('slugs titles as ASCII words, Greek letters by name', () => {
    expect(lessonSlug('Why $\\sigma$ saturates')).toBe('why-sigma-saturates');
    expect(lessonSlug('Café: $\\alpha\\beta$!')).toBe('cafe-alpha-beta');
    expect(lessonSlug('$$')).toBe('new-lesson');
  });

  it('orders the new lesson after the last one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vg-new-lesson-'));
    try {
      expect(nextOrder(dir)).toBe(1);
      writeFileSync(join(dir, 'a.mdx'), '---\ntitle: A\norder: 20\n---\n');
      writeFileSync(join(dir, 'b.mdx'), '---\ntitle: B\norder: 3\n---\n');
      expect(nextOrder(dir)).toBe(21);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('writes frontmatter the lesson schema accepts, a heading, an equation and an experiment figure', () => {
    const text = lessonTemplate('Why $\\sigma$ "saturates"', 4, '2026-01-31');
    const front = parse(text.split('---')[1]);
    expect(lessonSchema.parse(front)).toMatchObject({ title: 'Why $\\sigma$ "saturates"', order: 4 });
    expect(text).toMatch(/^## /m);
    expect(text).toMatch(/^\$\$\n.+\n\$\$$/m);
    expect(text).toMatch(/^<Experiment id="he" .*\/>$/m);
    expect(text).toMatch(/^<CostCurve experiment="he" .*\/>$/m);
    expect(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).toContain('"new-lesson": "tsx src/cli/new-lesson.ts"');
  });
});
