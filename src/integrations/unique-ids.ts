/**
 * Post-build check: every id on every built page is unique. A repeated id breaks fragment links
 * (the first element wins) and aria references; the build fails naming the page and the id.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listFiles } from '../lib/files.ts';

export interface DuplicateId {
  /** Built page, relative to the output directory. */
  page: string;
  id: string;
  count: number;
}

/** Ids in an HTML document (attribute values as written, entities decoded for quotes and &). */
export function idsIn(html: string): string[] {
  const ids: string[] = [];
  // Skip comments and script/style bodies, whose text is not markup.
  const markup = html.replace(/<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '');
  for (const m of markup.matchAll(/<[a-zA-Z][^\s/>]*(?:\s[^>]*?)?\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
    ids.push((m[1] ?? m[2] ?? m[3]).replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
  }
  return ids;
}

/** Every id that appears more than once on a built page. */
export function findDuplicateIds(outDir: string): DuplicateId[] {
  const found: DuplicateId[] = [];
  for (const page of listFiles(outDir).filter((f) => f.endsWith('.html'))) {
    const counts = new Map<string, number>();
    for (const id of idsIn(readFileSync(join(outDir, page), 'utf8'))) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const [id, count] of counts) if (count > 1) found.push({ page, id, count });
  }
  return found;
}

export default function uniqueIds(): AstroIntegration {
  return {
    name: 'unique-ids',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const duplicates = findDuplicateIds(fileURLToPath(dir));
        if (duplicates.length === 0) {
          logger.info('Every id on every page is unique.');
          return;
        }
        const lines = duplicates.map((d) => `  ${d.page}: id="${d.id}" appears ${d.count} times`);
        throw new Error(`Duplicate ids in the built site (a link to #id would jump to the first one):\n${lines.join('\n')}`);
      },
    },
  };
}
