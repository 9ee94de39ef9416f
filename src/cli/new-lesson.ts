/**
 * `npm run new-lesson -- "Why $\sigma$ saturates"` creates content/lessons/<slug>.mdx from a
 * template that builds as it is: frontmatter (order after the last lesson, today's date), a
 * heading, an equation and an experiment with its cost curve. The slug comes from the title
 * (math read as text); `--slug name` chooses it. An existing file is never overwritten.
 * Exits 2 with one line on bad input.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { slugify } from '../markdown/rehype-heading-ids.ts';
import { mathPlain } from '../markdown/math-text.ts';

const USAGE = 'Usage: npm run new-lesson -- "Lesson title" [--slug file-name] [--dir content/lessons]';

const GREEK: Record<string, string> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta', λ: 'lambda', μ: 'mu',
  ν: 'nu', ξ: 'xi', π: 'pi', ρ: 'rho', σ: 'sigma', τ: 'tau', φ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega',
};

/** File name for a title: ASCII words joined by dashes ("Why $\\sigma$ saturates" → "why-sigma-saturates"). */
export function lessonSlug(title: string): string {
  const words = mathPlain(title).toLowerCase().replace(/[α-ω]/g, (c) => ` ${GREEK[c] ?? ''} `);
  const ascii = slugify(words.normalize('NFKD').replace(/[^\x20-\x7e]/g, ''));
  return ascii === 'section' ? 'new-lesson' : ascii.slice(0, 60).replace(/-+$/, '');
}

/** The next free `order`: one more than the largest in the folder (10 steps leave room to insert). */
export function nextOrder(dir: string): number {
  let max = 0;
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (!name.endsWith('.mdx')) continue;
    const order = /^order:\s*(\d+)\s*$/m.exec(readFileSync(join(dir, name), 'utf8'))?.[1];
    if (order) max = Math.max(max, Number(order));
  }
  return max + 1;
}

/** The lesson text; `title` is written as a YAML double-quoted string. */
export function lessonTemplate(title: string, order: number, date: string): string {
  return `---
title: ${JSON.stringify(title)}
description: "One sentence on what the reader will learn; it appears under the title and in the lesson list."
order: ${order}
date: ${date}
---

import { CostCurve, Experiment } from '~/components';

Start with the question this lesson answers, in one or two sentences. Math goes between dollar
signs, as in $n^{[l]}$; a dollar sign meant as money needs a backslash before it.

## The idea

Say why the formula below matters before showing it. A display equation sits between two \`$$\`
lines:

$$
\\operatorname{Var}\\big(W^{[l]}\\big) = \\frac{2}{n^{[l-1]}}
$$

## An experiment

Declare an experiment, then show it with a figure. The build trains it once and the reader's
browser trains it again, live. The authoring guide lists every component and its props.

<Experiment id="he" label="He initialization" layers="2,4,1" hidden="relu" init="he" learningRate={0.5} iterations={500} recordEvery={10} />

<CostCurve experiment="he" title="Cost while the network trains" />
`;
}

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { slug: { type: 'string' }, dir: { type: 'string' }, help: { type: 'boolean' } } });
  } catch (e) {
    console.error(`new-lesson: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const title = parsed.positionals.join(' ').trim();
  if (!title) {
    console.error(`new-lesson: give the lesson's title.\n${USAGE}`);
    return 2;
  }
  const slug = parsed.values.slug ?? lessonSlug(title);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
    console.error(`new-lesson: --slug must be lowercase words joined by dashes, e.g. why-gradients-vanish; got "${slug}"`);
    return 2;
  }
  const dir = parsed.values.dir ?? join(process.cwd(), 'content', 'lessons');
  const file = join(dir, `${slug}.mdx`);
  if (existsSync(file)) {
    console.error(`new-lesson: ${relative(process.cwd(), file)} already exists; choose another title or --slug`);
    return 2;
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, lessonTemplate(title, nextOrder(dir), new Date().toISOString().slice(0, 10)));
  console.log(`Created ${relative(process.cwd(), file)}: preview it with npm run dev at /lessons/${slug}/`);
  return 0;
}

if (process.argv[1] && /new-lesson\.ts$/.test(process.argv[1])) process.exitCode = main(process.argv.slice(2));
