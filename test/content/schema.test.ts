import { describe, expect, it } from 'vitest';
import { lessonSchema, LESSON_FIELDS } from '../../src/content/schema';

const valid = { title: 'Why gradients vanish', description: 'Signals shrink.', order: 1, date: new Date('2025-01-31') };

/** Issues as `path: message` lines, the way Astro prints them. */
function issues(input: unknown): string[] {
  const result = lessonSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('lesson frontmatter schema: valid input', () => {
  it('accepts the required fields and defaults draft to false', () => {
    const data = lessonSchema.parse(valid);
    expect(data).toEqual({ ...valid, draft: false });
  });

  it('accepts every optional field and ISO date strings', () => {
    const data = lessonSchema.parse({ ...valid, date: '2025-01-31', updated: '2025-02-14', draft: true, tags: ['init', 'backprop'] });
    expect(data.date.toISOString()).toBe('2025-01-31T00:00:00.000Z');
    expect(data.updated?.toISOString()).toBe('2025-02-14T00:00:00.000Z');
    expect(data.draft).toBe(true);
    expect(data.tags).toEqual(['init', 'backprop']);
  });

  it('documents exactly the fields it accepts', () => {
    expect(Object.keys(lessonSchema.shape).sort()).toEqual([...LESSON_FIELDS].sort());
  });
});

describe('lesson frontmatter schema: invalid input', () => {
  it('reports a missing or empty title', () => {
    const { title: _omit, ...noTitle } = valid;
    expect(issues(noTitle)).toEqual(['title: expected a text value, e.g. title: "Why gradients vanish"; got nothing (the field is missing)']);
    expect(issues({ ...valid, title: '   ' })).toEqual(['title: must not be empty; write e.g. title: "Why gradients vanish"']);
  });

  it('requires description and date', () => {
    const { description: _d, date: _t, ...rest } = valid;
    const lines = issues(rest);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^description: expected a one-sentence text summary.*got nothing/);
    expect(lines[1]).toMatch(/^date: expected a date written as YYYY-MM-DD.*got nothing/);
  });

  it('requires order to be a positive whole number and shows what was written', () => {
    expect(issues({ ...valid, order: 'first' })).toEqual([
      'order: expected a positive whole number (1, 2, 3, ...) giving the lesson position, e.g. order: 1; got "first"',
    ]);
    expect(issues({ ...valid, order: 1.5 })).toEqual(['order: expected a whole number such as 1, 2 or 3 (no fractions); got 1.5']);
    expect(issues({ ...valid, order: 0 })).toEqual(['order: expected a number of 1 or more; got 0']);
  });

  it('rejects dates that are not YYYY-MM-DD instead of guessing', () => {
    expect(issues({ ...valid, date: 'Jan 5' })).toEqual(['date: expected a date written as YYYY-MM-DD, e.g. date: 2025-01-31; got "Jan 5"']);
    expect(issues({ ...valid, updated: '2025-13-45' })[0]).toMatch(/^updated: expected a date .*got an invalid date$/);
  });

  it('rejects a quoted boolean and a tag string that is not a list', () => {
    expect(issues({ ...valid, draft: 'yes' })).toEqual(['draft: expected true or false (without quotes); got "yes"']);
    expect(issues({ ...valid, tags: 'init' })[0]).toMatch(/^tags: expected a list of text tags.*got "init"$/);
    expect(issues({ ...valid, tags: ['ok', 3] })).toEqual(['tags.1: expected each tag to be text; got 3']);
  });

  it('rejects unknown fields and lists the allowed ones', () => {
    expect(issues({ ...valid, titel: 'typo', slug: 'x' })).toEqual([
      ': frontmatter has unknown field(s) "titel", "slug"; allowed fields are: title, description, order, date, updated, draft, tags',
    ]);
  });
});

describe('math in titles and descriptions', () => {
  it('accepts $…$ math and rejects a formula KaTeX cannot parse, naming it', () => {
    const base = { description: 'd', order: 1, date: '2025-01-01' };
    expect(lessonSchema.safeParse({ ...base, title: 'Why $\\sigma$ saturates' }).success).toBe(true);
    const bad = lessonSchema.safeParse({ ...base, title: 'Why $\\frac{1$ fails' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(['title']);
    expect(bad.error?.issues[0].message).toMatch(/^the formula \$\\frac\{1\$ does not parse \(.+\); fix the TeX or write \\\$ for a dollar sign$/);
  });
});
