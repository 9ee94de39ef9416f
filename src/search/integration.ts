/**
 * Site search: after `astro build`, Pagefind indexes the built pages that mark their text with
 * data-pagefind-body (the lessons and the guide) and writes its bundle to <outDir>/pagefind/.
 * The bundle is static files only (index chunks, a WebAssembly search core, the UI), served
 * from the site itself under any base path; Search.astro loads it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { listFiles } from '../lib/files.ts';

/**
 * Left out of the index: KaTeX's doubled glyph and MathML text (the TeX source would read as
 * noise in excerpts), chart drawings, controls and live status lines (they change at run time).
 */
export const EXCLUDED = ['.katex', 'svg', 'button', 'select', 'input', '[aria-live]'];

/**
 * Indexes the built site in `outDir` and writes the bundle to `outDir`/pagefind/.
 * @returns the number of pages indexed (those with data-pagefind-body; Pagefind skips the rest)
 * @throws Error naming the cause when Pagefind fails or no page carries data-pagefind-body
 */
export async function buildSearchIndex(outDir: string): Promise<number> {
  const marked = listFiles(outDir).filter((f) => f.endsWith('.html') && readFileSync(join(outDir, f), 'utf8').includes('data-pagefind-body'));
  try {
    if (marked.length === 0) throw new Error('no page carries data-pagefind-body, so search would find nothing');
    const created = await pagefind.createIndex({ excludeSelectors: EXCLUDED, forceLanguage: 'en' });
    if (!created.index) throw new Error(created.errors.join('\n'));
    const added = await created.index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
    const written = await created.index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
    return marked.length;
  } catch (error) {
    throw new Error(`Pagefind could not index the built site: ${(error as Error).message}`);
  } finally {
    await pagefind.close();
  }
}

export default function pagefindSearch(): AstroIntegration {
  return {
    name: 'pagefind-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const pages = await buildSearchIndex(out);
        logger.info(`Search index: ${pages} pages in ${join(out, 'pagefind')}`);
      },
    },
  };
}
