/**
 * Frontmatter schema for lessons in `content/lessons/*.mdx`.
 *
 * Every field an author may write, with its type:
 *
 * | field         | type                      | required | notes                                             |
 * | ------------- | ------------------------- | -------- | ------------------------------------------------- |
 * | `title`       | string, not empty         | yes      | page title and index entry; `$…$` math allowed     |
 * | `description` | string                    | yes      | one-sentence summary for the index and meta; math  |
 * | `order`       | positive whole number     | yes      | position in the index and in previous/next links   |
 * | `date`        | date (`YYYY-MM-DD`)       | yes      | first publication date                             |
 * | `updated`     | date (`YYYY-MM-DD`)       | no       | last substantial revision                          |
 * | `draft`       | `true` or `false`         | no       | default `false`; drafts appear only in `npm run dev` |
 * | `tags`        | list of strings           | no       | e.g. `tags: [initialization, backprop]`           |
 *
 * Unknown fields are rejected (`.strict()`), so a typo such as `titel:` fails the build
 * instead of being silently ignored. The URL slug is the file name, e.g.
 * `content/lessons/why-gradients-vanish.mdx` → `/lessons/why-gradients-vanish/`.
 *
 * Messages are written for authors: Astro prints them after the field name, so each says
 * what was expected and what was found.
 */
import { z } from 'astro/zod';
import { splitMath, texToText } from '../markdown/math-text.ts';

export const LESSON_FIELDS = ['title', 'description', 'order', 'date', 'updated', 'draft', 'tags'] as const;

/** Renders a received value for an error message without dumping huge objects. */
function shown(input: unknown): string {
  if (input === undefined) return 'nothing (the field is missing)';
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? 'an invalid date' : input.toISOString().slice(0, 10);
  const text = JSON.stringify(input) ?? String(input);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Builds a zod error callback that always names the expectation and the received value. */
function expected(what: string) {
  return (issue: { input?: unknown }) => `expected ${what}; got ${shown(issue.input)}`;
}

/** Titles and descriptions may hold `$…$` math; each formula must parse, since pages render it. */
function mathParses(text: string, ctx: z.core.$RefinementCtx<string>): void {
  for (const s of splitMath(text)) {
    if (!s.math) continue;
    try {
      texToText(s.value);
    } catch (e) {
      const reason = (e as Error).message.replace(/^KaTeX parse error: /, '');
      ctx.addIssue({ code: 'custom', message: `the formula $${s.value}$ does not parse (${reason}); fix the TeX or write \\$ for a dollar sign` });
    }
  }
}

const requiredText = (field: string, example: string) =>
  z
    .string({ error: expected(`a text value, e.g. ${field}: "${example}"`) })
    .trim()
    .min(1, { error: `must not be empty; write e.g. ${field}: "${example}"` })
    .superRefine(mathParses);

/** Accepts YAML dates and ISO strings only; `new Date('Jan 5')` would silently guess a year. */
const dateField = (field: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}([T ].*)?$/.test(value) ? new Date(value) : value),
    z.date({ error: expected(`a date written as YYYY-MM-DD, e.g. ${field}: 2025-01-31`) }),
  );

export const lessonSchema = z
  .object(
    {
      title: requiredText('title', 'Why gradients vanish'),
      description: z
        .string({ error: expected('a one-sentence text summary, e.g. description: "How signals shrink layer by layer."') })
        .superRefine(mathParses),
      order: z
        .number({ error: expected('a positive whole number (1, 2, 3, ...) giving the lesson position, e.g. order: 1') })
        .int({ error: expected('a whole number such as 1, 2 or 3 (no fractions)') })
        .positive({ error: expected('a number of 1 or more') }),
      date: dateField('date'),
      updated: dateField('updated').optional(),
      draft: z.boolean({ error: expected('true or false (without quotes)') }).default(false),
      tags: z
        .array(z.string({ error: expected('each tag to be text') }), {
          error: expected('a list of text tags, e.g. tags: [initialization, backprop]'),
        })
        .optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `frontmatter has unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; allowed fields are: ${LESSON_FIELDS.join(', ')}`
          : undefined,
    },
  )
  .strict();

/** Validated lesson frontmatter (what `entry.data` holds). */
export type LessonFrontmatter = z.output<typeof lessonSchema>;
