/**
 * Authoring pre-check: before `astro build` builds anything, it compiles every lesson and MDX page
 * with the site's own processor (src/markdown/processor.ts) and checks each lesson's frontmatter
 * against its schema, then stops the build with every mistake found, one per file, instead of the
 * first one only. The messages are the ones the build itself would print (file:line:column, fix).
 * Drafts are checked for frontmatter only: a production build leaves their text out.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import { lessonSchema } from '../content/schema.ts';
import { rewriteMdxError } from './mdx-errors.ts';

/** What the pre-check needs of `markdown.processor` (the unified processor's MDX side). */
export interface MdxProcessor {
  createMdxRenderer?(shared: object, mdx: { optimize: boolean; srcDir: URL; sourcemap: boolean }): Promise<{ process(content: string, path: string, frontmatter: Record<string, unknown>): Promise<unknown> }>;
}

/** Where authors write MDX, relative to the project root, and whether its files are lessons. */
export const AUTHORED = [{ dir: 'content/lessons', lessons: true }, { dir: 'src/pages', lessons: false }] as const;

/** The .mdx files under `dir`, sorted, as absolute paths; none when `dir` does not exist. */
function mdxFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries.filter((e) => e.isFile() && e.name.endsWith('.mdx')).map((e) => join(e.parentPath, e.name)).sort();
}

/** The message of a compile error, with the file in front when the error does not name it. */
function described(error: unknown, code: string, path: string, root: string): string {
  const file = relative(root, path);
  const e = rewriteMdxError(error, code, path, root) as { message?: string; loc?: { line?: number; column?: number } };
  const message = String(e?.message ?? error);
  if (message.includes(file)) return message;
  const at = e?.loc?.line ? `:${e.loc.line}${e.loc.column ? `:${e.loc.column}` : ''}` : '';
  return `${file}${at}: ${message}`;
}

/**
 * Checks every authored MDX file under `root`: one message per mistake (at most one frontmatter
 * message and one compile message per file, since a compile stops at its first error), and how many
 * files it read.
 * @param root absolute project root
 * @param processor the site's `markdown.processor`
 */
export async function findAuthoringMistakes(root: string, processor: MdxProcessor): Promise<{ mistakes: string[]; files: number }> {
  if (!processor.createMdxRenderer) return { mistakes: [], files: 0 };
  const srcDir = pathToFileURL(`${join(root, 'src')}/`);
  const renderer = await processor.createMdxRenderer({ syntaxHighlight: false, shikiConfig: {} }, { optimize: false, srcDir, sourcemap: false });
  const mistakes: string[] = [];
  let files = 0;
  for (const { dir, lessons } of AUTHORED) {
    for (const path of mdxFiles(join(root, dir))) {
      files += 1;
      const file = relative(root, path);
      const code = readFileSync(path, 'utf8');
      let parsed: { frontmatter: Record<string, unknown>; content: string };
      try {
        parsed = parseFrontmatter(code, { frontmatter: 'empty-with-spaces' });
      } catch (error) {
        const e = error as { reason?: string; message?: string; mark?: { line: number; column: number } };
        mistakes.push(`${file}${e.mark ? `:${e.mark.line + 1}:${e.mark.column + 1}` : ''}: the frontmatter is not valid YAML: ${e.reason ?? e.message}`);
        continue;
      }
      if (lessons) {
        const result = lessonSchema.safeParse(parsed.frontmatter);
        if (!result.success) {
          const issues = result.error.issues.map((i) => `  ${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`);
          mistakes.push(`${file}: the frontmatter does not match the lesson schema (src/content/schema.ts):\n${issues.join('\n')}`);
        }
        if (parsed.frontmatter.draft === true) continue;
      }
      try {
        await renderer.process(parsed.content, path, parsed.frontmatter);
      } catch (error) {
        mistakes.push(described(error, code, path, root));
      }
    }
  }
  return { mistakes, files };
}

/** Joins the mistakes into one error message: how many, then each, separated by a blank line. */
export function authoringReport(mistakes: readonly string[]): string {
  const count = mistakes.length === 1 ? '1 authoring mistake' : `${mistakes.length} authoring mistakes`;
  return `${count}, found before building:\n\n${mistakes.join('\n\n')}\n`;
}

/**
 * The integration: in `astro build` only (the dev server reports each page as it is opened).
 * @throws Error whose message is `authoringReport` of every mistake, before anything is built.
 */
export default function authoringCheck(): AstroIntegration {
  return {
    name: 'authoring-check',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        if (command !== 'build') return;
        const started = performance.now();
        const { mistakes, files } = await findAuthoringMistakes(fileURLToPath(config.root), config.markdown.processor as MdxProcessor);
        // The message is the whole report: a stack trace into this file would only be noise to an author.
        if (mistakes.length) throw Object.assign(new Error(authoringReport(mistakes)), { stack: '' });
        logger.info(`${files} MDX file(s) checked in ${((performance.now() - started) / 1000).toFixed(1)} s: no authoring mistake.`);
      },
    },
  };
}
